package io.remotebank.signaling.internal.sip.transport;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.time.Cancellable;
import io.remotebank.core.time.Scheduler;
import io.remotebank.core.time.Ticker;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * A {@link Scheduler} that moves each deadline later, onto a grid of its ticker's time, so that the
 * timers of many transactions fall due together and run in one wake-up of the event loop instead of
 * one wake-up each (a registrar at 1,000 REGISTERs/s otherwise wakes its timer thread about 1,000
 * times a second, for timer J alone).
 *
 * <p>The grid is a power of two of nanoseconds, at most {@code delay / 16} and at most {@link
 * #MAX_GRID_NANOS} (about 16.8 ms): a task runs no earlier than asked and at most 6.25% of its delay
 * (and 16.8 ms) later. RFC 3261's timers are lower bounds measured in hundreds of milliseconds (T1 is
 * 500 ms, timer 100 (Trying) 200 ms), well above that. Grids of different delays nest, so tasks of
 * different delays still share wake-ups. A zero delay is passed on unchanged.
 */
@API(status = INTERNAL, since = "0.1")
public final class CoalescingScheduler implements Scheduler {

    /** The coarsest grid, 2^24 ns (16.8 ms). */
    public static final long MAX_GRID_NANOS = 1L << 24;

    private final Scheduler delegate;

    /**
     * Wraps a scheduler.
     *
     * @param delegate the scheduler that runs the tasks; its ticker is the grid's time
     */
    public CoalescingScheduler(Scheduler delegate) {
        this.delegate = Arguments.notNull(delegate, "delegate");
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Arguments.notNegative(delay, "delay");
        Arguments.notNull(task, "task");
        return delegate.schedule(aligned(delay), task);
    }

    /** The delay that lands on the grid of {@code delay}, no shorter than it. */
    Duration aligned(Duration delay) {
        if (delay.compareTo(Duration.ofDays(1)) > 0) {
            return delay; // nanoseconds would overflow; a day-long timer needs no company
        }
        long nanos = delay.toNanos();
        long grid = grid(nanos);
        if (grid <= 1) {
            return delay;
        }
        long due = delegate.ticker().read() + nanos;
        long late = Math.floorMod(due, grid);
        return late == 0 ? delay : Duration.ofNanos(nanos + grid - late);
    }

    /** The largest power of two at most {@code nanos / 16} and at most {@link #MAX_GRID_NANOS}. */
    static long grid(long nanos) {
        long sixteenth = nanos >>> 4;
        return sixteenth == 0 ? 0 : Math.min(Long.highestOneBit(sixteenth), MAX_GRID_NANOS);
    }

    @Override
    public Ticker ticker() {
        return delegate.ticker();
    }

    @Override
    public String toString() {
        return "CoalescingScheduler[" + delegate + "]";
    }
}
