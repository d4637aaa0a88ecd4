package io.remotebank.routing.internal;

import java.util.Arrays;
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
 * is a sorted array: each slot holds the agent's {@link AgentRec#seq} and rank inline beside the entry,
 * so that a walk reads consecutive numbers rather than following a linked node per agent (at 10,000
 * agents every such hop is a cache miss), and tests eligibility in the engine's {@link AgentColumns}.
 * Joining at the tail and leaving anywhere cost O(1) in practice; a slot that is left becomes a hole
 * (no entry), skipped by walks and squeezed out when the array is full. Other selectors use a
 * red-black tree (O(log n)).
 *
 * <p>An array pool may hold stale slots: agents who left it lazily (see {@link Matching}) and are no
 * longer in the channel's {@link AvailableSet}. Walks skip them and turn them into holes as they pass,
 * without reading the entry; an agent rejoining turns its own stale slot into a hole first. Whether a
 * pool holds an entry is therefore asked of the pool ({@link #holds(Entry)}), not kept on the entry.
 */
final class Pool implements Iterable<Pool.Entry> {

    private static final Comparator<Entry> ORDER = (a, b) -> {
        int c = Long.compare(a.rank, b.rank);
        return c != 0 ? c : Integer.compare(a.index, b.index);
    };

    private static final int INITIAL = 16;

    private final TreeSet<Entry> tree;
    private final AvailableSet available;

    /** Array mode: the entry of each slot (null for a hole), its agent, the agent's seq and its rank. */
    private Entry[] refs;

    private AgentRec[] agents;

    private int[] seqs;
    private long[] ranks;
    /** Slots in use: [lo, hi); holes may lie anywhere inside. */
    private int lo;

    private int hi;
    /** Entries held (stale ones included), holes excluded. */
    private int size;

    Pool(boolean monotone, AvailableSet available) {
        this.tree = monotone ? null : new TreeSet<>(ORDER);
        this.available = available;
        if (monotone) {
            refs = new Entry[INITIAL];
            agents = new AgentRec[INITIAL];
            seqs = new int[INITIAL];
            ranks = new long[INITIAL];
        }
    }

    /** Whether this pool is a sorted array (which may hold stale entries) rather than a tree. */
    boolean lazy() {
        return tree == null;
    }

    /** Whether the entry is in this pool (possibly stale). */
    boolean holds(Entry entry) {
        if (tree != null) {
            return entry.inTree;
        }
        int p = entry.pos;
        return p >= lo && p < hi && refs[p] == entry;
    }

    void add(Entry entry, long rank) {
        entry.rank = rank;
        size++;
        if (tree != null) {
            entry.inTree = true;
            tree.add(entry);
            return;
        }
        if (hi == refs.length) {
            makeRoom();
        }
        int p = hi;
        while (p > lo && after(p - 1, rank, entry.index)) {
            p--;
        }
        if (p == lo && lo > 0) {
            put(--lo, entry); // before everything: room on the left
            return;
        }
        System.arraycopy(refs, p, refs, p + 1, hi - p);
        System.arraycopy(agents, p, agents, p + 1, hi - p);
        System.arraycopy(seqs, p, seqs, p + 1, hi - p);
        System.arraycopy(ranks, p, ranks, p + 1, hi - p);
        for (int i = p + 1; i <= hi; i++) {
            if (refs[i] != null) {
                refs[i].pos = i;
            }
        }
        hi++;
        put(p, entry);
    }

    /** Whether slot i orders after (rank, index); holes keep their numbers, so the order holds. */
    private boolean after(int i, long rank, int index) {
        long r = ranks[i];
        return r > rank || (r == rank && seqs[i] > index);
    }

    private void put(int i, Entry entry) {
        refs[i] = entry;
        agents[i] = entry.agent;
        seqs[i] = entry.index;
        ranks[i] = entry.rank;
        entry.pos = i;
    }

    /** Makes room at the tail: grows the arrays when three quarters are held, and squeezes out the holes. */
    private void makeRoom() {
        if (size >= refs.length - refs.length / 4) {
            int capacity = refs.length * 2;
            refs = Arrays.copyOf(refs, capacity);
            agents = Arrays.copyOf(agents, capacity);
            seqs = Arrays.copyOf(seqs, capacity);
            ranks = Arrays.copyOf(ranks, capacity);
        }
        int to = 0;
        for (int i = lo; i < hi; i++) {
            Entry e = refs[i];
            if (e != null) {
                refs[to] = e;
                agents[to] = agents[i];
                seqs[to] = seqs[i];
                ranks[to] = ranks[i];
                e.pos = to;
                to++;
            }
        }
        Arrays.fill(refs, to, hi, null);
        Arrays.fill(agents, to, hi, null);
        lo = 0;
        hi = to;
    }

    void remove(Entry entry) {
        if (tree != null) {
            entry.inTree = false;
            size--;
            tree.remove(entry);
            return;
        }
        hole(entry.pos);
    }

    /** Turns slot i into a hole and trims holes at both ends. */
    private void hole(int i) {
        refs[i] = null;
        agents[i] = null;
        size--;
        while (lo < hi && refs[lo] == null) {
            lo++;
        }
        while (hi > lo && refs[hi - 1] == null) {
            hi--;
        }
        if (lo == hi) {
            lo = 0;
            hi = 0;
        }
    }

    /** Entries held, stale ones included. */
    int size() {
        return size;
    }

    /**
     * The first live agent in pool order that meets the requirement and is not excluded by the
     * contact, or null. An array walk reads the slots' numbers and the columns, not the entries, and
     * turns the stale slots it passes into holes.
     */
    AgentRec firstEligible(Requirement requirement, AgentColumns columns, ContactRec contact) {
        if (tree != null) {
            for (Entry entry : tree) {
                AgentRec agent = entry.agent;
                if (requirement.metBy(columns, entry.index, entry) && !contact.excludes(agent)) {
                    return agent;
                }
            }
            return null;
        }
        boolean excluding = contact.excluded != null;
        for (int i = lo; i < hi; i++) {
            if (refs[i] == null) {
                continue;
            }
            int seq = seqs[i];
            if (!available.contains(seq)) {
                hole(i); // stale: left lazily; trimming the ends never moves them past i + 1
                continue;
            }
            if (requirement.metBy(columns, seq, refs[i]) && !(excluding && contact.excludes(agents[i]))) {
                return agents[i];
            }
        }
        return null;
    }

    @Override
    public Iterator<Entry> iterator() {
        if (tree != null) {
            return tree.iterator();
        }
        return new Iterator<>() {
            private int at = next(lo);

            private int next(int from) {
                int i = from;
                while (i < hi && (refs[i] == null || !available.contains(seqs[i]))) {
                    i++;
                }
                return i;
            }

            @Override
            public boolean hasNext() {
                return at < hi;
            }

            @Override
            public Entry next() {
                if (at >= hi) {
                    throw new NoSuchElementException();
                }
                Entry e = refs[at];
                at = next(at + 1);
                return e;
            }
        };
    }

    /** An agent's place in one pool. */
    static final class Entry {
        final AgentRec agent;
        /** {@link AgentRec#seq}, the agent's row in the {@link AvailableSet} and {@link AgentColumns}. */
        final int index;

        long rank;
        /** Array mode: the slot, valid while {@link Pool#holds(Entry)}. */
        int pos = -1;
        /** Tree mode: whether the tree holds it. */
        boolean inTree;

        Entry(AgentRec agent) {
            this.agent = agent;
            this.index = agent.seq;
        }
    }
}
