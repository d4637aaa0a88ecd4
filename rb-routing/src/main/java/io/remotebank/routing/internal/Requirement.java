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
        int h = channel;
        h = 31 * h + Arrays.hashCode(skills);
        h = 31 * h + Arrays.hashCode(mins);
        this.hash = 31 * h + (language == null ? 0 : language.hashCode());
    }

    /** Combines a contact's own skills with a step: relaxes the contact's, adds the step's (max wins). */
    static Requirement of(
            int channel, int[] ownSkills, int[] ownMins, StepRec step, String language, Languages languages) {
        int[] skills = new int[ownSkills.length + step.skills.length];
        int[] mins = new int[skills.length];
        int n = 0;
        for (int i = 0; i < ownSkills.length; i++) {
            n = put(
                    skills,
                    mins,
                    n,
                    ownSkills[i],
                    Math.max(SkillRequirement.MIN_PROFICIENCY, ownMins[i] - step.relaxBy));
        }
        for (int i = 0; i < step.skills.length; i++) {
            n = put(skills, mins, n, step.skills[i], step.mins[i]);
        }
        int[] s = Arrays.copyOf(skills, n);
        int[] m = Arrays.copyOf(mins, n);
        // insertion sort by skill id: requirement lists are short
        for (int i = 1; i < n; i++) {
            for (int j = i; j > 0 && s[j - 1] > s[j]; j--) {
                int t = s[j];
                s[j] = s[j - 1];
                s[j - 1] = t;
                t = m[j];
                m[j] = m[j - 1];
                m[j - 1] = t;
            }
        }
        return new Requirement(channel, s, m, step.matchLanguage ? language : null, languages);
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
        return agent.slots[channel] > 0
                && metBy(agent.proficiency, agent.languageMask, agent.languages);
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
