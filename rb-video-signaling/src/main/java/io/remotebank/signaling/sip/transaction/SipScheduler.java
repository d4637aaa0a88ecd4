package io.remotebank.signaling.sip.transaction;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * Runs a task after a delay: the time source of the SIP timers. Injected so that tests run the
 * timers on virtual time (house rule 6); a Netty {@code EventLoopGroup} or any {@link
 * ScheduledExecutorService} serves in production through {@link #of(ScheduledExecutorService)}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface SipScheduler {

    /**
     * Schedules a task.
     *
     * @param delay how long from now, zero or more
     * @param task what to run
     * @return a handle that cancels the task
     */
    Cancellable schedule(Duration delay, Runnable task);

    /**
     * A scheduler over an executor service.
     *
     * @param executor the executor, e.g. a Netty event loop group
     * @return the scheduler
     */
    static SipScheduler of(ScheduledExecutorService executor) {
        Objects.requireNonNull(executor, "executor");
        return (delay, task) -> {
            ScheduledFuture<?> f = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        };
    }

    /** A scheduled task that can be cancelled. */
    @API(status = EXPERIMENTAL, since = "0.1")
    @FunctionalInterface
    interface Cancellable {
        /** Cancels the task; does nothing when it has run or was cancelled. */
        void cancel();
    }
}
