package io.remotebank.routing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.routing.internal.Args;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One step of a queue's routing criteria: which agents may take a contact while it is in this step, and
 * how long it stays before moving to the next, usually more relaxed, step.
 *
 * <p>A contact's requirement in a step is its own required skills, each lowered by {@link
 * #relaxBy()} (never below 1), plus the step's own skills; its language is required unless the step
 * says {@link Builder#anyLanguage()}. The contact keeps its place in the queue from step to step: its order
 * depends only on its priority and arrival time.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RoutingStep {

    private final String name;
    private final List<SkillRequirement> skills;
    private final int relaxBy;
    private final boolean matchLanguage;
    private final Duration timeout;

    private RoutingStep(Builder builder) {
        this.name = builder.name;
        this.skills = List.copyOf(builder.skills);
        this.relaxBy = builder.relaxBy;
        this.matchLanguage = builder.matchLanguage;
        this.timeout = builder.timeout;
    }

    /**
     * A builder.
     *
     * @param name the step's name, for events and statistics
     * @return a builder of a step that requires only the contact's own skills and language, forever
     */
    public static Builder builder(String name) {
        return new Builder(Args.name(name, "step name"));
    }

    /** A step with no extra requirement and no timeout. */
    public static RoutingStep open(String name) {
        return builder(name).build();
    }

    /** The step's name. */
    public String name() {
        return name;
    }

    /** Skills the step requires on top of the contact's own. */
    public List<SkillRequirement> skills() {
        return skills;
    }

    /** How many levels the contact's own minimum proficiencies are lowered in this step. */
    public int relaxBy() {
        return relaxBy;
    }

    /** Whether the agent must speak the contact's language in this step. */
    public boolean matchLanguage() {
        return matchLanguage;
    }

    /** How long a contact stays in this step; empty for as long as it waits. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    @Override
    public String toString() {
        return "RoutingStep[" + name + ", skills=" + skills + ", relaxBy=" + relaxBy + ", matchLanguage="
                + matchLanguage + ", timeout=" + timeout + "]";
    }

    /** Builds a {@link RoutingStep}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {

        private final String name;
        private final List<SkillRequirement> skills = new ArrayList<>();
        private int relaxBy;
        private boolean matchLanguage = true;
        private Duration timeout;

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Requires a skill in this step.
         *
         * @param skill the skill
         * @param minProficiency 1-5
         * @return this builder
         */
        public Builder require(String skill, int minProficiency) {
            skills.add(SkillRequirement.of(skill, minProficiency));
            return this;
        }

        /**
         * Lowers the contact's own minimum proficiencies.
         *
         * @param levels 0-4
         * @return this builder
         */
        public Builder relaxBy(int levels) {
            this.relaxBy = Args.range(levels, 0, SkillRequirement.MAX_PROFICIENCY - 1, "relaxBy");
            return this;
        }

        /** Lets agents of any language take the contact in this step. */
        public Builder anyLanguage() {
            this.matchLanguage = false;
            return this;
        }

        /**
         * How long a contact stays in this step.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Args.positive(timeout, "step timeout");
            return this;
        }

        /** The step. */
        public RoutingStep build() {
            return new RoutingStep(this);
        }
    }
}
