package io.remotebank.core.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.ValidationException;
import org.junit.jupiter.api.Test;

class SensitiveTest {

    @Test
    void toString_isMasked_revealGivesTheValue() {
        Sensitive<String> phone = Sensitive.of("13812345678", PiiKind.PHONE);

        assertThat(phone).hasToString("138****5678");
        assertThat("sending to " + phone).doesNotContain("13812345678");
        assertThat(phone.reveal()).isEqualTo("13812345678");
        assertThat(phone.kind()).isEqualTo(PiiKind.PHONE);
    }

    @Test
    void equality_isByValueAndKind() {
        assertThat(Sensitive.of("张三", PiiKind.NAME))
                .isEqualTo(Sensitive.of("张三", PiiKind.NAME))
                .hasSameHashCodeAs(Sensitive.of("张三", PiiKind.NAME))
                .isNotEqualTo(Sensitive.of("张三", PiiKind.OTHER));
    }

    @Test
    void nullValue_isRejected() {
        assertThatThrownBy(() -> Sensitive.of(null, PiiKind.NAME)).isInstanceOf(ValidationException.class);
    }
}
