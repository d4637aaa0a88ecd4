package io.remotebank.signaling.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The application/dtmf-relay body of INFO. */
class DtmfTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Signal=5\\r\\nDuration=160\\r\\n|5|160",
                "signal= # \\nduration=100|#|100",
                "Signal=a|A|250",
                "Signal=*\\r\\nDuration=2000\\r\\n|*|2000"
            })
    void parse(String body, char signal, long millis) {
        Dtmf d = Dtmf.parse(body.replace("\\r", "\r").replace("\\n", "\n"));
        assertThat(d).isEqualTo(new Dtmf(signal, Duration.ofMillis(millis)));
    }

    @Test
    void roundTrip() {
        Dtmf d = new Dtmf('#', Duration.ofMillis(120));
        assertThat(d.toBody()).isEqualTo("Signal=#\r\nDuration=120\r\n");
        assertThat(Dtmf.parse(d.toBody())).isEqualTo(d);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Duration=100", "Signal=55", "Signal=X", "Signal=1\nDuration=long", "Signal=1\nDuration=0"})
    void rejects(String body) {
        assertThatThrownBy(() -> Dtmf.parse(body)).isInstanceOf(ValidationException.class);
    }
}
