package io.remotebank.testing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.time.Cancellable;
import io.remotebank.core.time.Scheduler;
import io.remotebank.core.time.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import org.apiguardian.api.API;

/**
 * Virtual time: a wall clock, a ticker and a scheduler that move only when a test moves them.
 * Give {@link #clock()} and this object (as the {@link Scheduler}) to the SDK component under
 * test, then {@link #advance(Duration)}: every task that falls due runs, in the order of its due
 * time, on the calling thread, with the clock showing that due time while it runs.
 *
 * <pre>{@code
 * ManualTime time = ManualTime.at(Instant.parse("2026-12-01T09:00:00Z"));
 * List<String> fired = new ArrayList<>();
 * time.schedule(Duration.ofSeconds(30), () -> fired.add("reminder at " + time.clock().instant()));
 * time.advance(Duration.ofMinutes(1));   // fired: ["reminder at 2026-12-01T09:00:30Z"]
 * }</pre>
 *
 * <p>Thread-safe: tasks may be scheduled and cancelled from any thread; one thread at a time
 * advances the time.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ManualTime implements Scheduler, Ticker {

    private final Object lock = new Object();
    private final Instant origin;
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long nanos;
    private long sequence;

    private ManualTime(Instant origin) {
        this.origin = origin;
    }

    /**
     * Virtual time that starts at an instant.
     *
     * @param start what the clock shows until the time is moved
     * @return the time
     */
    public static ManualTime at(Instant start) {
        return new ManualTime(Arguments.notNull(start, "start"));
    }

    /**
     * A wall clock that shows this virtual time, in UTC; {@code withZone} gives the same time in
     * another zone.
     *
     * @return the clock
     */
    public Clock clock() {
        return new View(ZoneOffset.UTC);
    }

    /**
     * Nanoseconds since this time was created.
     *
     * @return the virtual ticker's reading
     */
    @Override
    public long read() {
        synchronized (lock) {
            return nanos;
        }
    }

    @Override
    public Ticker ticker() {
        return this;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Arguments.notNegative(delay, "delay");
        Arguments.notNull(task, "task");
        synchronized (lock) {
            Task scheduled = new Task(saturatedAdd(nanos, delay), sequence++, task);
            queue.add(scheduled);
            return scheduled;
        }
    }

    /**
     * Moves the time forward, running every task that falls due on the way in due-time order
     * (tasks due at the same time in the order they were scheduled), including tasks those tasks
     * schedule within the span.
     *
     * @param duration how far, zero or more
     * @return how many tasks ran
     */
    public int advance(Duration duration) {
        Arguments.notNegative(duration, "duration");
        long target;
        synchronized (lock) {
            target = saturatedAdd(nanos, duration);
        }
        int ran = 0;
        while (true) {
            Task due;
            synchronized (lock) {
                Task head = queue.peek();
                if (head == null || head.due > target) {
                    nanos = Math.max(nanos, target);
                    return ran;
                }
                due = queue.poll();
                nanos = Math.max(nanos, due.due);
            }
            if (due.claim()) {
                due.task.run();
                ran++;
            }
        }
    }

    /**
     * Runs what is due now without moving the time (tasks scheduled with a zero delay).
     *
     * @return how many tasks ran
     */
    public int runDue() {
        return advance(Duration.ZERO);
    }

    /**
     * Moves the time to the next task's due time and runs what is due then.
     *
     * @return how many tasks ran; zero when none is pending
     */
    public int advanceToNext() {
        Optional<Duration> next = untilNext();
        return next.map(this::advance).orElse(0);
    }

    /**
     * How long until the next pending task is due.
     *
     * @return the wait, zero when one is due now; empty when nothing is pending
     */
    public Optional<Duration> untilNext() {
        synchronized (lock) {
            queue.removeIf(Task::cancelled);
            Task head = queue.peek();
            return head == null ? Optional.empty() : Optional.of(Duration.ofNanos(Math.max(0, head.due - nanos)));
        }
    }

    /**
     * The tasks waiting to run (cancelled ones are not counted).
     *
     * @return how many
     */
    public int pending() {
        synchronized (lock) {
            queue.removeIf(Task::cancelled);
            return queue.size();
        }
    }

    /**
     * What the pending tasks are, in due order, for a test's failure message.
     *
     * @return one line per task
     */
    public List<String> describePending() {
        List<Task> tasks;
        synchronized (lock) {
            tasks = new ArrayList<>(queue);
        }
        tasks.sort(null);
        List<String> lines = new ArrayList<>();
        for (Task t : tasks) {
            if (!t.cancelled()) {
                lines.add("+" + Duration.ofNanos(t.due - read()) + " " + t.task);
            }
        }
        return lines;
    }

    @Override
    public String toString() {
        return "ManualTime[" + clock().instant() + ", " + pending() + " pending]";
    }

    private static long saturatedAdd(long now, Duration delay) {
        long d;
        try {
            d = delay.toNanos();
        } catch (ArithmeticException e) {
            d = Long.MAX_VALUE;
        }
        long sum = now + d;
        return sum < now ? Long.MAX_VALUE : sum;
    }

    private Instant now() {
        return origin.plusNanos(read());
    }

    private static final class Task implements Comparable<Task>, Cancellable {
        final long due;
        final long order;
        final Runnable task;
        private boolean done;

        Task(long due, long order, Runnable task) {
            this.due = due;
            this.order = order;
            this.task = task;
        }

        synchronized boolean claim() {
            if (done) {
                return false;
            }
            done = true;
            return true;
        }

        synchronized boolean cancelled() {
            return done;
        }

        @Override
        public synchronized boolean cancel() {
            if (done) {
                return false;
            }
            done = true;
            return true;
        }

        @Override
        public int compareTo(Task other) {
            int byDue = Long.compare(due, other.due);
            return byDue != 0 ? byDue : Long.compare(order, other.order);
        }
    }

    /** The clock view; every view of one ManualTime shows the same instant. */
    private final class View extends Clock {
        private final ZoneId zone;

        View(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new View(Arguments.notNull(other, "zone"));
        }

        @Override
        public Instant instant() {
            return now();
        }

        @Override
        public String toString() {
            return "ManualTime.clock[" + instant() + ", " + zone + "]";
        }
    }
}
