package io.remotebank.routing.internal;

import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.TreeSet;

/**
 * The available agents of one queue on one channel, in order of the queue's selector rank and then
 * registration order.
 *
 * <p>For selectors whose rank only grows over time (longest idle: the time the agent became idle;
 * round robin: the sequence of its last offer) an agent almost always joins at the tail, so the pool
 * is a doubly linked list searched backwards from the tail: joining and leaving cost O(1) in practice.
 * Other selectors use a red-black tree (O(log n)).
 *
 * <p>A linked pool may hold stale entries: agents who left it lazily (see {@link Matching}) and are no
 * longer in the channel's {@link AvailableSet}. {@link #first()}, {@link #after(Entry)} and the
 * iterator skip them and unlink them as they pass.
 */
final class Pool implements Iterable<Pool.Entry> {

    private static final Comparator<Entry> ORDER = (a, b) -> {
        int c = Long.compare(a.rank, b.rank);
        return c != 0 ? c : Integer.compare(a.agent.seq, b.agent.seq);
    };

    private final TreeSet<Entry> tree;
    private final AvailableSet available;
    private Entry head;
    private Entry tail;
    private int size;

    Pool(boolean monotone, AvailableSet available) {
        this.tree = monotone ? null : new TreeSet<>(ORDER);
        this.available = available;
    }

    /** Whether this pool is a linked list (which may hold stale entries) rather than a tree. */
    boolean linked() {
        return tree == null;
    }

    void add(Entry entry, long rank) {
        entry.rank = rank;
        entry.in = true;
        size++;
        if (tree != null) {
            tree.add(entry);
            return;
        }
        Entry after = tail;
        while (after != null && ORDER.compare(after, entry) > 0) {
            after = after.prev;
        }
        entry.prev = after;
        entry.next = after == null ? head : after.next;
        if (entry.next == null) {
            tail = entry;
        } else {
            entry.next.prev = entry;
        }
        if (after == null) {
            head = entry;
        } else {
            after.next = entry;
        }
    }

    void remove(Entry entry) {
        entry.in = false;
        size--;
        if (tree != null) {
            tree.remove(entry);
            return;
        }
        if (entry.prev == null) {
            head = entry.next;
        } else {
            entry.prev.next = entry.next;
        }
        if (entry.next == null) {
            tail = entry.prev;
        } else {
            entry.next.prev = entry.prev;
        }
        entry.prev = null;
        entry.next = null;
    }

    /** Entries linked, stale ones included. */
    int size() {
        return size;
    }

    @Override
    public Iterator<Entry> iterator() {
        if (tree != null) {
            return tree.iterator();
        }
        return new Iterator<>() {
            private Entry at = first();

            @Override
            public boolean hasNext() {
                return at != null;
            }

            @Override
            public Entry next() {
                if (at == null) {
                    throw new NoSuchElementException();
                }
                Entry e = at;
                at = after(at);
                return e;
            }
        };
    }

    /** The first live entry, or null (linked mode walks without an iterator). */
    Entry first() {
        if (tree != null) {
            return tree.isEmpty() ? null : tree.first();
        }
        return live(head);
    }

    /** The live entry after {@code entry}, or null. */
    Entry after(Entry entry) {
        return tree != null ? tree.higher(entry) : live(entry.next);
    }

    /** {@code entry} or the first live one after it, unlinking the stale ones passed. */
    private Entry live(Entry entry) {
        Entry at = entry;
        while (at != null && !available.contains(at.index)) {
            Entry stale = at;
            at = at.next;
            remove(stale);
        }
        return at;
    }

    /** An agent's place in one pool. */
    static final class Entry {
        final AgentRec agent;
        /** {@link AgentRec#seq}, to test the {@link AvailableSet} without reading the agent. */
        final int index;
        /** The agent's skills and languages, carried here so a pool walk reads one object less per agent. */
        final byte[] proficiency;

        final long languageMask;
        final java.util.Set<String> languages;
        long rank;
        boolean in;
        Entry prev;
        Entry next;

        Entry(AgentRec agent) {
            this.agent = agent;
            this.index = agent.seq;
            // a copy allocated right after the entry, so that it sits beside it in memory (the copying
            // collector keeps the two together as well, the entry being the array's only holder)
            this.proficiency = agent.proficiency.clone();
            this.languageMask = agent.languageMask;
            this.languages = agent.languages;
        }
    }
}
