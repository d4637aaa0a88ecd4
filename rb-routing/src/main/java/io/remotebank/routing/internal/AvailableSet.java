package io.remotebank.routing.internal;

import java.util.Arrays;

/**
 * A set of agents by their {@link AgentRec#seq}, as bits: 10,000 agents fit in 1,250 longs, which
 * stay in cache, so a pool walk can tell a stale entry from a live one without reading the agent.
 */
final class AvailableSet {

    private long[] bits = new long[16];

    void add(int agent) {
        int word = agent >>> 6;
        if (word >= bits.length) {
            bits = Arrays.copyOf(bits, Math.max(word + 1, bits.length * 2));
        }
        bits[word] |= 1L << agent;
    }

    void remove(int agent) {
        int word = agent >>> 6;
        if (word < bits.length) {
            bits[word] &= ~(1L << agent);
        }
    }

    boolean contains(int agent) {
        int word = agent >>> 6;
        return word < bits.length && (bits[word] & (1L << agent)) != 0;
    }
}
