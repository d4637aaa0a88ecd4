package io.remotebank.routing.internal;

import java.util.Comparator;
import java.util.TreeSet;

/**
 * The available agents of one queue on one channel, sorted by the queue's selector rank (for a
 * selector that ignores the contact) and then by registration order.
 */
final class Pool {

    private static final Comparator<Entry> ORDER = (a, b) -> {
        int c = Long.compare(a.rank, b.rank);
        return c != 0 ? c : Integer.compare(a.agent.seq, b.agent.seq);
    };

    final TreeSet<Entry> available = new TreeSet<>(ORDER);

    void add(Entry entry, long rank) {
        entry.rank = rank;
        available.add(entry);
        entry.in = true;
    }

    void remove(Entry entry) {
        available.remove(entry);
        entry.in = false;
    }

    int size() {
        return available.size();
    }

    /** An agent's place in one pool. */
    static final class Entry {
        final AgentRec agent;
        long rank;
        boolean in;

        Entry(AgentRec agent) {
            this.agent = agent;
        }
    }
}
