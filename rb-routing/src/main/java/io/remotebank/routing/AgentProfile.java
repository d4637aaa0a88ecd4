package io.remotebank.routing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.AgentId;
import io.remotebank.routing.internal.Args;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * What the engine knows of an agent: skills with proficiency, languages, capacity per channel and the
 * queues the agent serves, each with a weight.
 *
 * <p>The weight (0-100, default 0) is added to the priority of a queue's contacts when this agent
 * chooses between several queues, so an agent can favour a primary queue over a secondary one without
 * starving it (waiting-time ageing still applies).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AgentProfile {

    private final AgentId id;
    private final Map<String, Integer> skills;
    private final Set<String> languages;
    private final AgentCapacity capacity;
    private final Map<QueueId, Integer> queues;

    private AgentProfile(Builder builder) {
        this.id = builder.id;
        this.skills = Collections.unmodifiableMap(new LinkedHashMap<>(builder.skills));
        this.languages = Collections.unmodifiableSet(new TreeSet<>(builder.languages));
        this.capacity = builder.capacity;
        this.queues = Collections.unmodifiableMap(new LinkedHashMap<>(builder.queues));
    }

    /**
     * A builder.
     *
     * @param id the agent
     * @return a builder with no skills, no languages, {@link AgentCapacity#standard()} and no queues
     */
    public static Builder builder(AgentId id) {
        return new Builder(Args.notNull(id, "agent id"));
    }

    /**
     * A builder.
     *
     * @param id the agent's id text
     * @return a builder
     */
    public static Builder builder(String id) {
        return builder(AgentId.of(id));
    }

    /** The agent. */
    public AgentId id() {
        return id;
    }

    /** Skill name to proficiency (1-5). */
    public Map<String, Integer> skills() {
        return skills;
    }

    /** Languages the agent serves in, as lower-case tags such as {@code zh}, {@code yue}, {@code en}. */
    public Set<String> languages() {
        return languages;
    }

    /** Capacity per channel. */
    public AgentCapacity capacity() {
        return capacity;
    }

    /** The queues served, each with its weight. */
    public Map<QueueId, Integer> queues() {
        return queues;
    }

    /** A builder holding this profile's values, to change some of them. */
    public Builder toBuilder() {
        Builder builder = new Builder(id);
        builder.skills.putAll(skills);
        builder.languages.addAll(languages);
        builder.capacity = capacity;
        builder.queues.putAll(queues);
        return builder;
    }

    @Override
    public String toString() {
        return "AgentProfile[" + id + ", skills=" + skills + ", languages=" + languages + ", " + capacity + ", queues="
                + queues + "]";
    }

    /** Builds an {@link AgentProfile}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {

        private final AgentId id;
        private final Map<String, Integer> skills = new LinkedHashMap<>();
        private final Set<String> languages = new TreeSet<>();
        private AgentCapacity capacity = AgentCapacity.standard();
        private final Map<QueueId, Integer> queues = new LinkedHashMap<>();

        private Builder(AgentId id) {
            this.id = id;
        }

        /**
         * Adds or replaces a skill.
         *
         * @param skill the skill's name
         * @param proficiency 1-5
         * @return this builder
         */
        public Builder skill(String skill, int proficiency) {
            Args.name(skill, "skill");
            Args.range(
                    proficiency,
                    SkillRequirement.MIN_PROFICIENCY,
                    SkillRequirement.MAX_PROFICIENCY,
                    "proficiency of " + skill);
            skills.put(skill, proficiency);
            return this;
        }

        /**
         * Adds languages.
         *
         * @param tags language tags such as {@code zh}, {@code yue}, {@code en} (case-insensitive)
         * @return this builder
         */
        public Builder languages(String... tags) {
            for (String tag : Args.notNull(tags, "languages")) {
                languages.add(Languages.normalize(tag));
            }
            return this;
        }

        /**
         * Sets the capacity.
         *
         * @param capacity slots per channel and blocking rules
         * @return this builder
         */
        public Builder capacity(AgentCapacity capacity) {
            this.capacity = Args.notNull(capacity, "capacity");
            return this;
        }

        /**
         * Adds a queue with weight 0.
         *
         * @param queue the queue
         * @return this builder
         */
        public Builder queue(QueueId queue) {
            return queue(queue, 0);
        }

        /**
         * Adds a queue.
         *
         * @param queue the queue's id text
         * @return this builder
         */
        public Builder queue(String queue) {
            return queue(QueueId.of(queue), 0);
        }

        /**
         * Adds a queue with a weight.
         *
         * @param queue the queue
         * @param weight 0-100, added to the priority of the queue's contacts when this agent chooses
         * @return this builder
         */
        public Builder queue(QueueId queue, int weight) {
            Args.notNull(queue, "queue");
            Args.range(weight, 0, 100, "weight of queue " + queue);
            queues.put(queue, weight);
            return this;
        }

        /** Removes every queue. */
        public Builder clearQueues() {
            queues.clear();
            return this;
        }

        /** Removes every skill. */
        public Builder clearSkills() {
            skills.clear();
            return this;
        }

        /** The profile. */
        public AgentProfile build() {
            return new AgentProfile(this);
        }
    }

    /** Language tag normalisation shared by agents and contacts. */
    static final class Languages {
        private Languages() {}

        /** Lower-cases and checks a tag: 2-8 letters, then optional {@code -} subtags of 1-8 letters or digits. */
        static String normalize(String tag) {
            Args.notNull(tag, "language");
            String lower = tag.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            if (!valid(lower)) {
                throw new RoutingException(
                        RoutingError.ARGUMENT_INVALID,
                        "language must be a tag such as zh, yue or en (got '" + tag + "')");
            }
            return lower;
        }

        private static boolean valid(String tag) {
            int run = 0;
            boolean first = true;
            for (int i = 0; i < tag.length(); i++) {
                char c = tag.charAt(i);
                if (c == '-') {
                    if (first ? run < 2 : run < 1) {
                        return false;
                    }
                    first = false;
                    run = 0;
                } else if ((c >= 'a' && c <= 'z') || (!first && c >= '0' && c <= '9')) {
                    if (++run > 8) {
                        return false;
                    }
                } else {
                    return false;
                }
            }
            return first ? run >= 2 : run >= 1;
        }
    }
}
