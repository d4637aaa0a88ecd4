package io.remotebank.core.internal.time;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.time.Cancellable;
import io.remotebank.core.time.Scheduler;
import java.time.Duration;
import org.apiguardian.api.API;

/** A task that schedules itself again after each run, until cancelled. */
@API(status = INTERNAL, since = "0.1")
public final class RepeatingTask implements Cancellable, Runnable {

    private final Scheduler scheduler;
    private final Duration delay;
    private final Runnable task;
    private final Object lock = new Object();
    private Cancellable next;
    private boolean cancelled;

    private RepeatingTask(Scheduler scheduler, Duration delay, Runnable task) {
        this.scheduler = scheduler;
        this.delay = delay;
        this.task = task;
    }

    /**
     * Starts the runs.
     *
     * @param scheduler where they run
     * @param initialDelay before the first
     * @param delay between runs
     * @param task the work
     * @return the handle that stops them
     */
    public static Cancellable start(Scheduler scheduler, Duration initialDelay, Duration delay, Runnable task) {
        RepeatingTask repeating = new RepeatingTask(scheduler, delay, task);
        repeating.arm(initialDelay);
        return repeating;
    }

    private void arm(Duration after) {
        synchronized (lock) {
            if (!cancelled) {
                next = scheduler.schedule(after, this);
            }
        }
    }

    @Override
    public void run() {
        synchronized (lock) {
            if (cancelled) {
                return;
            }
        }
        ExecutorScheduler.runLogged(task);
        arm(delay);
    }

    @Override
    public boolean cancel() {
        synchronized (lock) {
            if (cancelled) {
                return false;
            }
            cancelled = true;
            if (next != null) {
                next.cancel();
            }
            return true;
        }
    }

    @Override
    public String toString() {
        return "every " + delay + ": " + task;
    }
}
