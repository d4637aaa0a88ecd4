package io.remotebank.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.CoreError;
import io.remotebank.core.RbException;
import io.remotebank.core.ValidationException;
import io.remotebank.signaling.sdp.SessionDescription;
import io.remotebank.signaling.sip.SipParseException;
import io.remotebank.signaling.sip.SipParser;
import io.remotebank.signaling.sip.transaction.TransactionSettings;
import io.remotebank.signaling.sip.transport.SipEndpoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One shape of error across the module (issue 32, point 1). */
class SignalingErrorTest {

    @ParameterizedTest
    @EnumSource(SignalingError.class)
    void everyCode_declaresOneSignalingExceptionSubclass(SignalingError code) {
        assertThat(code.exceptionType()).isNotEqualTo(RbException.class);
        assertThat(SignalingException.class).isAssignableFrom(code.exceptionType());
        assertThat(code.code()).startsWith("signaling.");
    }

    @Test
    void aParseFailure_isASignalingExceptionWithItsCode() {
        assertThatThrownBy(() -> SipParser.ofDefaults().parse("INVITE\r\n\r\n".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(SignalingException.class, e -> {
                    assertThat(e).isInstanceOf(SipParseException.class);
                    assertThat(e.code()).isEqualTo(SignalingError.SIP_MALFORMED);
                });
    }

    @Test
    void aMissingArgument_isCoresValidationException() {
        assertThatThrownBy(() -> SipEndpoint.builder().scheduler(null))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.code()).isEqualTo(CoreError.ARGUMENT_MISSING));
        assertThatThrownBy(() -> SessionDescription.builder(null))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.code()).isEqualTo(CoreError.ARGUMENT_MISSING));
    }

    @Test
    void anArgumentOutOfRange_isCoresValidationException() {
        Duration t1 = Duration.ofMillis(500);
        assertThatThrownBy(() -> new TransactionSettings(t1, Duration.ofMillis(100), t1, Duration.ofSeconds(32), t1))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.code()).isEqualTo(CoreError.ARGUMENT_INVALID));
    }
}
