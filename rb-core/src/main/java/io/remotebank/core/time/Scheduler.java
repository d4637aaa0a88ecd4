package io.remotebank.core.time;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.internal.time.ExecutorScheduler;
import io.remotebank.core.internal.time.RepeatingTask;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;

/**
 * Runs tasks after a delay, and tells the time they are measured in: the one source of timers for
 * every module (routing's timers, the SIP transaction timers, the SMPP engine, the messaging
 * dispatcher, the audit trail's group commit). Injected, so that tests, the routing simulator and
 * the demo run it on virtual time (house rule 6); {@link #of(ScheduledExecutorService)} adapts a
 * Netty event loop group or any executor service in production.
 *
 * <p>A task runs on the scheduler's thread: keep it short and hand longer work to an executor of
 * your own. A task that throws is logged and does not stop the scheduler.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Scheduler {

    /**
     * Runs a task once after a delay.
     *
     * @param delay how long from now, zero or more
     * @param task what to run
     * @return a handle that calls the task off
     */
    Cancellable schedule(Duration delay, Runnable task);

    /**
     * The time in which this scheduler measures its delays.
     *
     * @return its ticker
     */
    Ticker ticker();

    /**
     * Runs a task repeatedly: first after {@code initialDelay}, then {@code delay} after each run
     * ends. A run that throws is logged and the next one still comes.
     *
     * @param initialDelay before the first run, zero or more
     * @param delay between the end of one run and the start of the next, positive
     * @param task what to run
     * @return a handle that stops the runs
     */
    default Cancellable scheduleWithFixedDelay(Duration initialDelay, Duration delay, Runnable task) {
        Arguments.notNegative(initialDelay, "initialDelay");
        Arguments.positive(delay, "delay");
        Arguments.notNull(task, "task");
        return RepeatingTask.start(this, initialDelay, delay, task);
    }

    /**
     * A future that completes as {@code stage} does, or with a {@link TimeoutException} once
     * {@code timeout} has passed on this scheduler's time, whichever comes first. Waiting this way
     * instead of {@code get(timeout)} keeps the wait on virtual time in tests.
     *
     * @param stage what to wait for
     * @param timeout how long, positive
     * @param what names the wait in the timeout's message, e.g. {@code "submit_sm_resp for seq 7"}
     * @param <T> the result's type
     * @return the bounded future
     */
    default <T> CompletableFuture<T> within(CompletionStage<T> stage, Duration timeout, String what) {
        Arguments.notNull(stage, "stage");
        Arguments.positive(timeout, "timeout");
        Arguments.notNull(what, "what");
        CompletableFuture<T> bounded = new CompletableFuture<>();
        Cancellable timer = schedule(
                timeout,
                () -> bounded.completeExceptionally(new TimeoutException(what + " timed out after " + timeout)));
        stage.whenComplete((value, failure) -> {
            timer.cancel();
            if (failure != null) {
                bounded.completeExceptionally(failure);
            } else {
                bounded.complete(value);
            }
        });
        return bounded;
    }

    /**
     * A scheduler over an executor service, on the JVM's ticker.
     *
     * @param executor e.g. a Netty {@code EventLoopGroup}; the caller keeps owning it
     * @return the scheduler
     */
    static Scheduler of(ScheduledExecutorService executor) {
        return new ExecutorScheduler(Arguments.notNull(executor, "executor"), Ticker.system());
    }

    /**
     * The JVM-wide scheduler: one daemon thread, started on first use, on the JVM's ticker. For
     * components that are not given a scheduler of their own.
     *
     * @return the shared scheduler
     */
    static Scheduler system() {
        return SystemTime.SCHEDULER.get();
    }
}
