package io.remotebank.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.ValidationException;
import io.remotebank.core.time.Cancellable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ManualTimeTest {

    private static final Instant NINE = Instant.parse("2026-12-01T09:00:00Z");

    private final ManualTime time = ManualTime.at(NINE);

    @Test
    void clockAndTicker_moveOnlyWhenAdvanced_together() {
        Clock clock = time.clock();
        assertThat(clock.instant()).isEqualTo(NINE);
        assertThat(time.read()).isZero();
        time.advance(Duration.ofMillis(1500));
        assertThat(clock.instant()).isEqualTo(NINE.plusMillis(1500));
        assertThat(time.ticker().read()).isEqualTo(1_500_000_000L);
        assertThat(clock.withZone(ZoneId.of("Asia/Shanghai")).instant()).isEqualTo(NINE.plusMillis(1500));
    }

    @Test
    void dueTasks_runInDueOrder_eachSeeingItsDueTime() {
        List<String> fired = new ArrayList<>();
        time.schedule(
                Duration.ofSeconds(30), () -> fired.add("b@" + time.clock().instant()));
        time.schedule(
                Duration.ofSeconds(10), () -> fired.add("a@" + time.clock().instant()));
        time.schedule(Duration.ofSeconds(90), () -> fired.add("late"));
        assertThat(time.advance(Duration.ofMinutes(1))).isEqualTo(2);
        assertThat(fired).containsExactly("a@2026-12-01T09:00:10Z", "b@2026-12-01T09:00:30Z");
        assertThat(time.clock().instant()).isEqualTo(NINE.plusSeconds(60));
        assertThat(time.pending()).isEqualTo(1);
        assertThat(time.untilNext()).contains(Duration.ofSeconds(30));
    }

    @Test
    void tasksDueAtOneTime_runInTheOrderScheduled() {
        List<Integer> fired = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            time.schedule(Duration.ofSeconds(1), () -> fired.add(n));
        }
        time.advance(Duration.ofSeconds(1));
        assertThat(fired).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void aTaskScheduledByATask_runsInTheSameAdvance_whenDueWithinIt() {
        List<String> fired = new ArrayList<>();
        time.schedule(Duration.ofSeconds(1), () -> {
            fired.add("first");
            time.schedule(Duration.ofSeconds(2), () -> fired.add("second@" + time.read()));
        });
        time.advance(Duration.ofSeconds(5));
        assertThat(fired).containsExactly("first", "second@3000000000");
    }

    @Test
    void repeatingTask_runsOncePerPeriod() {
        AtomicInteger runs = new AtomicInteger();
        Cancellable every = time.scheduleWithFixedDelay(Duration.ZERO, Duration.ofSeconds(10), runs::incrementAndGet);
        time.advance(Duration.ofSeconds(35));
        assertThat(runs).hasValue(4);
        every.cancel();
        time.advance(Duration.ofMinutes(5));
        assertThat(runs).hasValue(4);
        assertThat(time.pending()).isZero();
    }

    @Test
    void cancelledTask_doesNotRun_orCount() {
        AtomicInteger runs = new AtomicInteger();
        Cancellable handle = time.schedule(Duration.ofSeconds(1), runs::incrementAndGet);
        assertThat(handle.cancel()).isTrue();
        assertThat(time.pending()).isZero();
        assertThat(time.advance(Duration.ofSeconds(2))).isZero();
        assertThat(runs).hasValue(0);
        assertThat(handle.cancel()).isFalse();
    }

    @Test
    void within_timesOutOnVirtualTime() {
        CompletableFuture<String> bounded = time.within(new CompletableFuture<>(), Duration.ofSeconds(5), "receipt");
        time.advance(Duration.ofSeconds(4));
        assertThat(bounded).isNotDone();
        time.advance(Duration.ofSeconds(1));
        assertThat(bounded).isCompletedExceptionally();
        assertThatThrownBy(bounded::join).hasCauseInstanceOf(TimeoutException.class);
    }

    @Test
    void advanceToNext_jumpsToTheNextDueTask() {
        time.schedule(Duration.ofHours(3), () -> {});
        assertThat(time.advanceToNext()).isEqualTo(1);
        assertThat(time.clock().instant()).isEqualTo(NINE.plusSeconds(3 * 3600));
        assertThat(time.advanceToNext()).isZero();
    }

    @Test
    void runDue_runsZeroDelayTasks_withoutMovingTime() {
        AtomicInteger runs = new AtomicInteger();
        time.schedule(Duration.ZERO, runs::incrementAndGet);
        assertThat(time.runDue()).isEqualTo(1);
        assertThat(time.read()).isZero();
    }

    @Test
    void hugeDelay_saturates_insteadOfWrapping() {
        time.schedule(Duration.ofSeconds(Long.MAX_VALUE), () -> {});
        assertThat(time.advance(Duration.ofDays(365 * 100))).isZero();
        assertThat(time.describePending()).hasSize(1);
    }

    @Test
    void goingBack_isRefused() {
        assertThatThrownBy(() -> time.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("duration must be zero or more");
    }

    @Test
    void toString_saysWhenAndHowMuchIsPending() {
        time.schedule(Duration.ofSeconds(1), () -> {});
        assertThat(time).hasToString("ManualTime[2026-12-01T09:00:00Z, 1 pending]");
    }
}
