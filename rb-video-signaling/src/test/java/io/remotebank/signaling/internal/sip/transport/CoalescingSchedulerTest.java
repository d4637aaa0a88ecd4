package io.remotebank.signaling.internal.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.core.time.Cancellable;
import io.remotebank.testing.ManualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Timers moved onto a grid: never early, at most 1/16 of the delay (and 16.8 ms) late, due together. */
class CoalescingSchedulerTest {

    private final ManualTime time = ManualTime.at(Instant.parse("2026-12-08T09:00:00Z"));
    private final CoalescingScheduler scheduler = new CoalescingScheduler(time);
    private final List<Long> ranAt = new ArrayList<>();

    private void schedule(Duration delay) {
        scheduler.schedule(delay, () -> ranAt.add(time.read()));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 15, 16, 17, 1_000, 999_999, 200_000_000, 500_000_000, 4_000_000_000L, 32_000_000_000L})
    void aTask_runsNoEarlierThanAsked_andAtMostASixteenthOfItsDelayOr16MsLater(long delayNanos) {
        time.advance(Duration.ofNanos(12_345_679)); // off every grid
        long start = time.read();

        schedule(Duration.ofNanos(delayNanos));
        time.advance(Duration.ofNanos(delayNanos - 1));
        assertThat(ranAt).as("not before its delay").isEmpty();
        time.advance(Duration.ofNanos(Math.min(delayNanos / 16, CoalescingScheduler.MAX_GRID_NANOS) + 1));

        assertThat(ranAt)
                .singleElement()
                .satisfies(at -> assertThat(at - start)
                        .isBetween(
                                delayNanos,
                                delayNanos + Math.min(delayNanos / 16, CoalescingScheduler.MAX_GRID_NANOS)));
    }

    @Test
    void timersScheduledAMillisecondApart_forTheSameDelay_fallDueTogether() {
        time.advance(Duration.ofNanos(CoalescingScheduler.MAX_GRID_NANOS)); // at a grid line
        for (int i = 0; i < 10; i++) {
            schedule(Duration.ofSeconds(32)); // timer J of ten REGISTERs, one each millisecond
            time.advance(Duration.ofMillis(1));
        }
        time.advance(Duration.ofSeconds(33));

        assertThat(ranAt).hasSize(10).containsOnly(ranAt.get(0));
    }

    @Test
    void eachDeadline_liesOnTheGridOfItsDelay_andTheGridsNest() {
        time.advance(Duration.ofNanos(5));
        schedule(Duration.ofSeconds(32)); // 16.8 ms grid
        time.advance(Duration.ofNanos(32_000_000_000L - 200_000_000L - 3_000_000L));
        schedule(Duration.ofMillis(200)); // 8.4 ms grid: every 16.8 ms line is on it too
        time.advance(Duration.ofSeconds(1));

        assertThat(ranAt).hasSize(2); // the 200 ms timer falls due 3 ms before the 32 s one
        assertThat(ranAt.get(0) % (CoalescingScheduler.MAX_GRID_NANOS / 2)).isZero();
        assertThat(ranAt.get(1) % CoalescingScheduler.MAX_GRID_NANOS).isZero();
    }

    @Test
    void aZeroDelay_runsAtOnce() {
        time.advance(Duration.ofNanos(7));
        schedule(Duration.ZERO);
        time.runDue();

        assertThat(ranAt).containsExactly(7L);
    }

    @Test
    void aCancelledTask_neverRuns() {
        Cancellable c = scheduler.schedule(Duration.ofMillis(500), () -> ranAt.add(time.read()));

        assertThat(c.cancel()).isTrue();
        time.advance(Duration.ofSeconds(1));
        assertThat(ranAt).isEmpty();
        assertThat(time.pending()).isZero();
    }

    @Test
    void itTellsTheTimeOfTheSchedulerItWraps() {
        time.advance(Duration.ofMillis(3));

        assertThat(scheduler.ticker().read()).isEqualTo(time.read());
    }

    @Test
    void aDelayOfMoreThanADay_isPassedOnUnchanged() {
        time.advance(Duration.ofNanos(3));
        Duration year = Duration.ofDays(365);

        assertThat(scheduler.aligned(year)).isEqualTo(year);
        assertThat(scheduler.aligned(Duration.ofNanos(15))).isEqualTo(Duration.ofNanos(15)); // no grid below 16 ns
    }
}
