package io.remotebank.routing.internal;

import io.remotebank.routing.SkillRequirement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an agent must have to take a contact in a step: a channel, skills with minimum proficiency
 * (sorted by skill id, so equal requirements are equal objects) and optionally a language. Contacts
 * with equal requirements in one queue share a {@link Bucket}.
 */
final class Requirement {

    final int channel;
    final int[] skills;
    final int[] mins;
    final String language;
    /** The language's bit, or 0 (none required, or the language has no bit: checked by name). */
    final long languageBit;

    private final int hash;
    private List<SkillRequirement> view;

    Requirement(int channel, int[] skills, int[] mins, String language, Languages languages) {
        this.channel = channel;
        this.skills = skills;
        this.mins = mins;
        this.language = language;
        this.languageBit = language == null ? 0 : languages.bit(language);
        this.hash = hash(channel, skills, mins, skills.length, language);
    }

    /**
     * Computes the requirement of a contact in a step into reusable arrays, so that the bucket of an
     * existing requirement is found without allocating one. {@code equals} compares it with a
     * {@link Requirement} (the keys of a queue's bucket map), with the same hash.
     */
    static final class Probe {
        int channel;
        int[] skills = new int[8];
        int[] mins = new int[8];
        int n;
        String language;
        int hash;

        /** Combines a contact's own skills with a step: relaxes the contact's, adds the step's (max wins). */
        Probe set(int channel, int[] ownSkills, int[] ownMins, StepRec step, String language) {
            int size = ownSkills.length + step.skills.length;
            if (size > skills.length) {
                skills = new int[size];
                mins = new int[size];
            }
            int[] s = skills;
            int[] m = mins;
            int count = 0;
            for (int i = 0; i < ownSkills.length; i++) {
                count = put(
                        s,
                        m,
                        count,
                        ownSkills[i],
                        Math.max(SkillRequirement.MIN_PROFICIENCY, ownMins[i] - step.relaxBy));
            }
            for (int i = 0; i < step.skills.length; i++) {
                count = put(s, m, count, step.skills[i], step.mins[i]);
            }
            // insertion sort by skill id: requirement lists are short
            for (int i = 1; i < count; i++) {
                for (int j = i; j > 0 && s[j - 1] > s[j]; j--) {
                    int t = s[j];
                    s[j] = s[j - 1];
                    s[j - 1] = t;
                    t = m[j];
                    m[j] = m[j - 1];
                    m[j - 1] = t;
                }
            }
            this.channel = channel;
            this.n = count;
            this.language = step.matchLanguage ? language : null;
            this.hash = Requirement.hash(channel, s, m, count, this.language);
            return this;
        }

        Requirement toRequirement(Languages languages) {
            return new Requirement(channel, Arrays.copyOf(skills, n), Arrays.copyOf(mins, n), language, languages);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Requirement r)
                    || r.hash != hash
                    || r.channel != channel
                    || r.skills.length != n
                    || !Objects.equals(r.language, language)) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (r.skills[i] != skills[i] || r.mins[i] != mins[i]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The hash of a requirement: as {@code Arrays.hashCode} over the first {@code n} elements. */
    static int hash(int channel, int[] skills, int[] mins, int n, String language) {
        int hs = 1;
        int hm = 1;
        for (int i = 0; i < n; i++) {
            hs = 31 * hs + skills[i];
            hm = 31 * hm + mins[i];
        }
        int h = channel;
        h = 31 * h + hs;
        h = 31 * h + hm;
        return 31 * h + (language == null ? 0 : language.hashCode());
    }

    private static int put(int[] skills, int[] mins, int n, int skill, int min) {
        for (int i = 0; i < n; i++) {
            if (skills[i] == skill) {
                mins[i] = Math.max(mins[i], min);
                return n;
            }
        }
        skills[n] = skill;
        mins[n] = min;
        return n + 1;
    }

    boolean satisfiedBy(AgentRec agent) {
        return agent.slots(channel) > 0 && metBy(agent.proficiency, agent.languageMask, agent.languages);
    }

    /**
     * Whether an agent with these proficiencies and languages meets the skills and the language (not
     * the channel). Takes the agent's arrays rather than the agent, so that a pool entry can carry them.
     */
    boolean metBy(byte[] proficiency, long languageMask, java.util.Set<String> languages) {
        int[] s = skills;
        for (int i = 0; i < s.length; i++) {
            int skill = s[i];
            if (skill >= proficiency.length || proficiency[skill] < mins[i]) {
                return false;
            }
        }
        if (language == null) {
            return true;
        }
        return languageBit != 0 ? (languageMask & languageBit) != 0 : languages.contains(language);
    }

    /**
     * {@link #metBy(byte[], long, java.util.Set)} read from the engine's columns by the agent's seq; the
     * entry is read only for a language that has no bit.
     */
    boolean metBy(AgentColumns columns, int seq, Pool.Entry entry) {
        int[] s = skills;
        for (int i = 0; i < s.length; i++) {
            if (columns.proficiency(s[i], seq) < mins[i]) {
                return false;
            }
        }
        if (language == null) {
            return true;
        }
        return languageBit != 0
                ? (columns.languageMask(seq) & languageBit) != 0
                : entry.agent.languages.contains(language);
    }

    List<SkillRequirement> view(Skills names) {
        List<SkillRequirement> v = view;
        if (v == null) {
            List<SkillRequirement> list = new ArrayList<>(skills.length);
            for (int i = 0; i < skills.length; i++) {
                list.add(SkillRequirement.of(names.name(skills[i]), mins[i]));
            }
            v = List.copyOf(list);
            view = v;
        }
        return v;
    }

    Optional<String> languageOptional() {
        return Optional.ofNullable(language);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Requirement r
                && r.hash == hash
                && r.channel == channel
                && Arrays.equals(r.skills, skills)
                && Arrays.equals(r.mins, mins)
                && Objects.equals(r.language, language);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
