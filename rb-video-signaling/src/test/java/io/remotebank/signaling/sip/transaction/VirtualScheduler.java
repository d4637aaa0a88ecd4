package io.remotebank.signaling.sip.transaction;

import java.time.Duration;
import java.util.PriorityQueue;

/** A {@link SipScheduler} on virtual time: tasks run only when a test advances the time. */
public final class VirtualScheduler implements SipScheduler {

    private final PriorityQueue<Task> queue =
            new PriorityQueue<>((a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
    private long now;
    private long seq;

    private static final class Task implements Cancellable {
        final long due;
        final long seq;
        final Runnable run;
        boolean cancelled;

        Task(long due, long seq, Runnable run) {
            this.due = due;
            this.seq = seq;
            this.run = run;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay");
        }
        Task t = new Task(now + delay.toMillis(), seq++, task);
        queue.add(t);
        return t;
    }

    /** Milliseconds since the start. */
    public long now() {
        return now;
    }

    /** Runs every task due within the next {@code millis}, in order, moving the time to each. */
    public void advance(long millis) {
        long until = now + millis;
        while (true) {
            Task t;
            synchronized (this) {
                t = queue.peek();
                if (t == null || t.due > until) {
                    now = until;
                    return;
                }
                queue.poll();
                now = t.due;
            }
            if (!t.cancelled) {
                t.run.run();
            }
        }
    }

    /** Tasks scheduled and neither run nor cancelled. */
    public synchronized int pending() {
        return (int) queue.stream().filter(t -> !t.cancelled).count();
    }
}
