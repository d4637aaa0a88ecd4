package io.remotebank.core.internal.time;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.time.Cancellable;
import io.remotebank.core.time.Scheduler;
import io.remotebank.core.time.Ticker;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link Scheduler} over a {@link ScheduledExecutorService}. */
@API(status = INTERNAL, since = "0.1")
public final class ExecutorScheduler implements Scheduler {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorScheduler.class);

    private final ScheduledExecutorService executor;
    private final Ticker ticker;

    /**
     * Adapts an executor.
     *
     * @param executor where tasks run; the caller owns it
     * @param ticker the time its delays are measured in
     */
    public ExecutorScheduler(ScheduledExecutorService executor, Ticker ticker) {
        this.executor = executor;
        this.ticker = ticker;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Arguments.notNegative(delay, "delay");
        Arguments.notNull(task, "task");
        ScheduledFuture<?> future;
        try {
            future = executor.schedule(() -> runLogged(task), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // The executor is shutting down: nothing scheduled now would run; say so once per call.
            LOG.debug("task not scheduled, the executor is shut down: {}", task);
            return () -> false;
        }
        return () -> future.cancel(false);
    }

    @Override
    public Ticker ticker() {
        return ticker;
    }

    /**
     * Runs a task, logging what it throws so that one bad task does not end the thread.
     *
     * @param task the task
     */
    public static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError) {
                throw e;
            }
            LOG.error("scheduled task failed: {}", task, e);
        }
    }
}
