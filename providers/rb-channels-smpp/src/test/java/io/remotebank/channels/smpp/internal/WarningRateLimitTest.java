package io.remotebank.channels.smpp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.testsupport.logging.CapturedLogs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@link WarningRateLimit} on virtual time, its lines read back from rb-test-support's capturing logger. */
class WarningRateLimitTest {

    private static final String LOGGER = "test.WarningRateLimit";

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final WarningRateLimit warnings =
            new WarningRateLimit(LoggerFactory.getLogger(LOGGER), 10, Duration.ofSeconds(10), nanos::get);

    @BeforeEach
    void forgetEarlierLines() {
        CapturedLogs.drain();
    }

    private static List<String> lines() {
        return CapturedLogs.drain().stream()
                .filter(l -> l.logger().equals(LOGGER))
                .map(l -> l.level() + " " + l.text())
                .toList();
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void aFloodOfOneKind_logsTheFirstTen_thenOneCountWhenTheIntervalIsOver() {
        for (int i = 1; i <= 2_043; i++) {
            warnings.warn("bad PDU", "bad PDU #{}", i);
        }

        List<String> during = lines();
        assertThat(during).hasSize(10).first().isEqualTo("WARN bad PDU #1");
        assertThat(during).last().isEqualTo("WARN bad PDU #10");
        assertThat(warnings.suppressed("bad PDU")).isEqualTo(2_033);

        advance(Duration.ofSeconds(10));
        warnings.flush();

        assertThat(lines()).containsExactly("WARN 2033 more warnings of \"bad PDU\" not logged in PT10S");
        assertThat(warnings.suppressed("bad PDU")).isZero();
    }

    @Test
    void beforeTheIntervalIsOver_flushSaysNothing() {
        for (int i = 0; i < 50; i++) {
            warnings.warn("bad PDU", "bad PDU");
        }
        lines();

        advance(Duration.ofSeconds(9));
        warnings.flush();

        assertThat(lines()).isEmpty();
        assertThat(warnings.suppressed("bad PDU")).isEqualTo(40);
    }

    @Test
    void theNextWarningAfterTheInterval_bringsTheCount_andIsLoggedItself() {
        for (int i = 0; i < 15; i++) {
            warnings.warn("bad PDU", "bad PDU");
        }
        lines();

        advance(Duration.ofSeconds(11));
        assertThat(warnings.warn("bad PDU", "bad PDU again")).isTrue();

        assertThat(lines())
                .containsExactly("WARN 5 more warnings of \"bad PDU\" not logged in PT10S", "WARN bad PDU again");
    }

    @Test
    void eachKind_hasItsOwnAllowance() {
        for (int i = 0; i < 20; i++) {
            warnings.warn("bad PDU", "bad PDU");
            warnings.warn("stray generic_nack", "stray generic_nack");
        }

        assertThat(lines()).hasSize(20);
        assertThat(warnings.suppressed("bad PDU")).isEqualTo(10);
        assertThat(warnings.suppressed("stray generic_nack")).isEqualTo(10);
    }

    @Test
    void aQuietKind_startsAfresh_withNoSummary() {
        for (int i = 0; i < 3; i++) {
            warnings.warn("bad PDU", "bad PDU");
        }
        advance(Duration.ofMinutes(1));
        warnings.flush();

        assertThat(lines()).hasSize(3);
    }
}
