package io.remotebank.signaling.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 3261 17: timers B, F, H and J last 64*T1. */
class TransactionSettingsTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 999_999, 1_000_000, 150_000_000, 500_000_000, 999_999_999, 1_000_000_000, 2_500_000_001L})
    void timeout_is64TimesT1_toTheNanosecond(long t1Nanos) {
        Duration t1 = Duration.ofNanos(t1Nanos);
        TransactionSettings s = TransactionSettings.ofDefaults()
                .withT(t1, t1.compareTo(Duration.ofSeconds(4)) > 0 ? t1 : Duration.ofSeconds(4), Duration.ofSeconds(5));

        assertThat(s.timeout()).isEqualTo(t1.multipliedBy(64)).isEqualTo(Duration.ofNanos(t1Nanos * 64));
    }

    @ParameterizedTest
    @ValueSource(longs = {500, 2_000})
    void theDefaults_give32Seconds_andSixtyFourT1ForOtherT1s(long t1Millis) {
        TransactionSettings s = TransactionSettings.ofDefaults()
                .withT(Duration.ofMillis(t1Millis), Duration.ofSeconds(4), Duration.ofSeconds(5));

        assertThat(s.timeout()).isEqualTo(Duration.ofMillis(64 * t1Millis));
    }
}
