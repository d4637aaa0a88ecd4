package io.remotebank.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.testing.ManualTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    final ManualTime time = ManualTime.at(Instant.parse("2026-12-07T10:00:00Z"));
    final CircuitBreaker breaker = new CircuitBreaker(2, Duration.ofMinutes(1), time);

    private void open() {
        breaker.failure();
        breaker.failure();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void open_refusesUntilTheOpenPeriodEnds_thenLetsOneTrialThrough() {
        open();
        time.advance(Duration.ofSeconds(59));
        assertThat(breaker.allow()).isFalse();

        time.advance(Duration.ofSeconds(1));
        assertThat(breaker.allow()).as("the trial").isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.allow())
                .as("a second caller while the trial is in flight")
                .isFalse();
    }

    @Test
    void halfOpen_trialSucceeds_closes() {
        open();
        time.advance(Duration.ofMinutes(1));
        assertThat(breaker.allow()).isTrue();

        breaker.success();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.allow()).isTrue();
        assertThat(breaker.allow()).isTrue();
    }

    @Test
    void halfOpen_trialFails_opensAgainForAWholePeriod() {
        open();
        time.advance(Duration.ofMinutes(1));
        assertThat(breaker.allow()).isTrue();

        breaker.failure();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        time.advance(Duration.ofSeconds(59));
        assertThat(breaker.allow()).isFalse();
        time.advance(Duration.ofSeconds(1));
        assertThat(breaker.allow()).isTrue();
    }
}
