package io.remotebank.routing.internal;

import java.util.PriorityQueue;

/**
 * The engine's deadlines: step and preferred-agent timeouts, offer timeouts, wrap-up ends. Cancelled
 * timers stay in the heap and are skipped when they come due (each carries the version of what it
 * guards); the heap is compacted when dead timers outnumber live ones.
 */
final class Timers {

    enum Kind {
        STEP,
        PREFERRED,
        WRAP_UP
    }

    static final class Timer {
        final long due;
        final long seq;
        final Kind kind;
        final ContactRec contact;
        final AgentRec agent;
        final AgentRec.WrapUp wrapUp;
        final long version;

        Timer(long due, long seq, Kind kind, ContactRec contact, AgentRec agent, AgentRec.WrapUp wrapUp, long version) {
            this.due = due;
            this.seq = seq;
            this.kind = kind;
            this.contact = contact;
            this.agent = agent;
            this.wrapUp = wrapUp;
            this.version = version;
        }

        boolean live() {
            return switch (kind) {
                case STEP -> contact.timerVersion == version && contact.stepDeadline == due && contact.queue != null;
                case PREFERRED -> contact.timerVersion == version && contact.personalAgent != null;
                case WRAP_UP -> wrapUp.active;
            };
        }
    }

    private PriorityQueue<Timer> heap = new PriorityQueue<>(Timers::compare);
    private long seq;

    private static int compare(Timer a, Timer b) {
        int c = Long.compare(a.due, b.due);
        return c != 0 ? c : Long.compare(a.seq, b.seq);
    }

    void schedule(long due, Kind kind, ContactRec contact, AgentRec agent, AgentRec.WrapUp wrapUp, long version) {
        heap.add(new Timer(due, ++seq, kind, contact, agent, wrapUp, version));
    }

    /** The next timer due at or before {@code now}, or null. */
    Timer pollDue(long now) {
        Timer top = heap.peek();
        if (top == null || top.due > now) {
            return null;
        }
        return heap.poll();
    }

    /** The earliest deadline, or {@code Long.MAX_VALUE}. */
    long nextDue() {
        Timer top = heap.peek();
        return top == null ? Long.MAX_VALUE : top.due;
    }

    int size() {
        return heap.size();
    }

    /** Drops dead timers when the heap holds more than twice {@code liveBound} plus slack. */
    void compactIfNeeded(long liveBound) {
        if (heap.size() > 2 * liveBound + 4096) {
            PriorityQueue<Timer> fresh = new PriorityQueue<>(Timers::compare);
            for (Timer timer : heap) {
                if (timer.live()) {
                    fresh.add(timer);
                }
            }
            heap = fresh;
        }
    }
}
