package io.remotebank.routing.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Languages interned to bits, so that checking an agent's language is a mask test rather than a set
 * lookup (at scale, a set lookup follows several objects, each a cache miss). The first 64 languages
 * seen get a bit; any later one gets none ({@code 0}) and is checked against the agent's set instead.
 */
final class Languages {

    private final Map<String, Long> bits = new HashMap<>();

    /** The bit of a language, assigned on first sight, or 0 when all 64 bits are taken. */
    long bit(String language) {
        Long bit = bits.get(language);
        if (bit == null) {
            bit = bits.size() < Long.SIZE ? 1L << bits.size() : 0L;
            bits.put(language, bit);
        }
        return bit;
    }

    /** The mask of a set of languages (those without a bit are left out). */
    long mask(Set<String> languages) {
        long mask = 0;
        for (String language : languages) {
            mask |= bit(language);
        }
        return mask;
    }
}
