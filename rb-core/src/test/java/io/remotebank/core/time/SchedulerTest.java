package io.remotebank.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void executorScheduler_runsTheTask() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        Scheduler.of(executor).schedule(Duration.ofMillis(1), ran::countDown);
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void cancelledTask_neverRuns_andCancelSaysSo() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Cancellable handle = Scheduler.of(executor).schedule(Duration.ofHours(1), runs::incrementAndGet);
        assertThat(handle.cancel()).isTrue();
        assertThat(handle.cancel()).isFalse();
        executor.submit(() -> {}).get();
        assertThat(runs).hasValue(0);
    }

    @Test
    void aTaskThatThrows_doesNotStopTheScheduler() throws InterruptedException {
        Scheduler scheduler = Scheduler.of(executor);
        scheduler.schedule(Duration.ZERO, () -> {
            throw new IllegalStateException("boom");
        });
        CountDownLatch after = new CountDownLatch(1);
        scheduler.schedule(Duration.ZERO, after::countDown);
        assertThat(after.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aShutDownExecutor_schedulesNothing_andDoesNotThrow() {
        executor.shutdown();
        Cancellable handle = Scheduler.of(executor).schedule(Duration.ZERO, () -> {});
        assertThat(handle.cancel()).isFalse();
    }

    @Test
    void withFixedDelay_runsAgainAfterAFailingRun_untilCancelled() {
        StepScheduler steps = new StepScheduler();
        List<Integer> seen = new ArrayList<>();
        AtomicInteger n = new AtomicInteger();
        Cancellable repeating = steps.scheduleWithFixedDelay(Duration.ofSeconds(1), Duration.ofSeconds(5), () -> {
            int i = n.incrementAndGet();
            seen.add(i);
            if (i == 2) {
                throw new IllegalStateException("second run fails");
            }
        });
        steps.runNext();
        steps.runNext();
        steps.runNext();
        assertThat(seen).containsExactly(1, 2, 3);
        assertThat(steps.delays)
                .containsExactly(
                        Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(repeating.cancel()).isTrue();
        steps.runNext();
        assertThat(seen).containsExactly(1, 2, 3);
        assertThat(repeating.cancel()).isFalse();
    }

    @Test
    void within_completesWithTheValue_whenItComesFirst() throws Exception {
        StepScheduler steps = new StepScheduler();
        CompletableFuture<String> source = new CompletableFuture<>();
        CompletableFuture<String> bounded = steps.within(source, Duration.ofSeconds(3), "answer");
        source.complete("ok");
        assertThat(bounded.get()).isEqualTo("ok");
        assertThat(steps.cancelled).isEqualTo(1);
    }

    @Test
    void within_timesOut_naming_whatItWaitedFor() {
        StepScheduler steps = new StepScheduler();
        CompletableFuture<String> bounded = steps.within(new CompletableFuture<>(), Duration.ofSeconds(3), "bind_resp");
        steps.runNext();
        assertThatThrownBy(bounded::get)
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(TimeoutException.class)
                .hasMessage("bind_resp timed out after PT3S");
    }

    @Test
    void within_passesAFailureThrough() {
        StepScheduler steps = new StepScheduler();
        CompletableFuture<String> source = new CompletableFuture<>();
        CompletableFuture<String> bounded = steps.within(source, Duration.ofSeconds(3), "x");
        source.completeExceptionally(new IllegalStateException("refused"));
        assertThatThrownBy(bounded::get).cause().hasMessage("refused");
    }

    @Test
    void badDelays_areRefusedWithCodes() {
        StepScheduler steps = new StepScheduler();
        assertThatThrownBy(() -> steps.scheduleWithFixedDelay(Duration.ZERO, Duration.ZERO, () -> {}))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.code()).isEqualTo(CoreError.ARGUMENT_INVALID));
        assertThatThrownBy(() -> steps.within(new CompletableFuture<>(), Duration.ofSeconds(-1), "x"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("timeout must be positive");
        assertThatThrownBy(() -> Scheduler.of(executor).schedule(Duration.ofMillis(-1), () -> {}))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("delay must be zero or more");
    }

    @Test
    void systemScheduler_isOneSharedDaemon_onTheSystemTicker() throws InterruptedException {
        assertThat(Scheduler.system()).isSameAs(Scheduler.system());
        assertThat(Scheduler.system().ticker()).isSameAs(Ticker.system());
        CountDownLatch ran = new CountDownLatch(1);
        Thread[] thread = new Thread[1];
        Scheduler.system().schedule(Duration.ZERO, () -> {
            thread[0] = Thread.currentThread();
            ran.countDown();
        });
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(thread[0].isDaemon()).isTrue();
    }

    @Test
    void systemTicker_neverGoesBack() {
        long a = Ticker.system().read();
        long b = Ticker.system().read();
        assertThat(b).isGreaterThanOrEqualTo(a);
    }

    /** Runs scheduled tasks one at a time when the test says, recording each delay asked for. */
    private static final class StepScheduler implements Scheduler {
        final List<Duration> delays = new ArrayList<>();
        final List<Runnable> tasks = new ArrayList<>();
        int cancelled;

        @Override
        public Cancellable schedule(Duration delay, Runnable task) {
            delays.add(delay);
            tasks.add(task);
            return () -> {
                cancelled++;
                return tasks.remove(task);
            };
        }

        @Override
        public Ticker ticker() {
            return () -> 0;
        }

        void runNext() {
            if (!tasks.isEmpty()) {
                tasks.remove(0).run();
            }
        }
    }
}
