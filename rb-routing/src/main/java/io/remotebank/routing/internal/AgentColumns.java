package io.remotebank.routing.internal;

import java.util.Arrays;

/**
 * The agents' skills and languages as columns indexed by {@link AgentRec#seq}: one byte array per
 * skill and one array of language masks. A pool walk checks a candidate with two array reads in
 * arrays that stay in cache (10,000 agents are 10 KB per skill), instead of reading the agent's own
 * objects, each a cache miss at scale. Kept up to date with every profile an agent is given.
 */
final class AgentColumns {

    private byte[][] bySkill = new byte[0][];
    private long[] languageMasks = new long[64];

    /** Writes an agent's current profile into the columns. */
    void set(AgentRec agent) {
        int seq = agent.seq;
        byte[] proficiency = agent.proficiency;
        if (proficiency.length > bySkill.length) {
            int old = bySkill.length;
            bySkill = Arrays.copyOf(bySkill, proficiency.length);
            for (int s = old; s < bySkill.length; s++) {
                bySkill[s] = new byte[languageMasks.length];
            }
        }
        if (seq >= languageMasks.length) {
            int capacity = Math.max(seq + 1, languageMasks.length * 2);
            languageMasks = Arrays.copyOf(languageMasks, capacity);
            for (int s = 0; s < bySkill.length; s++) {
                bySkill[s] = Arrays.copyOf(bySkill[s], capacity);
            }
        }
        for (int s = 0; s < bySkill.length; s++) {
            bySkill[s][seq] = s < proficiency.length ? proficiency[s] : 0;
        }
        languageMasks[seq] = agent.languageMask;
    }

    /** The agent's proficiency in a skill, 0 when it has none. */
    int proficiency(int skill, int seq) {
        return skill < bySkill.length ? bySkill[skill][seq] : 0;
    }

    /** The agent's languages as bits of the engine's {@link Languages}. */
    long languageMask(int seq) {
        return languageMasks[seq];
    }
}
