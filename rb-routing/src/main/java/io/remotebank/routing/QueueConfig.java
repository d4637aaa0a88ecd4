package io.remotebank.routing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.routing.internal.Args;
import io.remotebank.routing.spi.AgentSelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A queue: its routing steps, what happens after the last one, and how its contacts are ordered and
 * measured.
 *
 * <p><b>Order.</b> A contact's score is {@code priority + tier * tierBoost + waited / ageing}: a
 * contact gains one priority point for each {@link #ageing()} it waits, so no contact starves behind a
 * stream of higher-priority ones. Because every contact of a queue ages at the same rate, the order of
 * two contacts never changes while they wait; among equal scores the earlier arrival goes first.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class QueueConfig {

    private final QueueId id;
    private final List<RoutingStep> steps;
    private final Overflow overflow;
    private final Duration wrapUp;
    private final Duration serviceLevelThreshold;
    private final Duration ageing;
    private final int tierBoost;
    private final AgentSelector selector;
    private final Duration preferredAgentWait;

    private QueueConfig(Builder builder) {
        this.id = builder.id;
        this.steps = builder.steps.isEmpty() ? List.of(RoutingStep.open("default")) : List.copyOf(builder.steps);
        this.overflow = builder.overflow;
        this.wrapUp = builder.wrapUp;
        this.serviceLevelThreshold = builder.serviceLevelThreshold;
        this.ageing = builder.ageing;
        this.tierBoost = builder.tierBoost;
        this.selector = builder.selector;
        this.preferredAgentWait = builder.preferredAgentWait;
    }

    /**
     * A builder.
     *
     * @param id the queue
     * @return a builder with one open step, {@link Overflow#stay()}, no wrap-up, a 20 s service-level
     *     threshold, ageing of one priority point per 30 s, no tier boost, {@link
     *     AgentSelectors#LONGEST_IDLE} and a 30 s wait for a preferred agent
     */
    public static Builder builder(QueueId id) {
        return new Builder(Args.notNull(id, "queue id"));
    }

    /**
     * A builder.
     *
     * @param id the queue's id text
     * @return a builder
     */
    public static Builder builder(String id) {
        return builder(QueueId.of(id));
    }

    /** The queue. */
    public QueueId id() {
        return id;
    }

    /** The routing steps, at least one. */
    public List<RoutingStep> steps() {
        return steps;
    }

    /** What happens when the last step times out. */
    public Overflow overflow() {
        return overflow;
    }

    /** How long an agent stays in wrap-up after completing a contact (zero: none). */
    public Duration wrapUp() {
        return wrapUp;
    }

    /** The service-level threshold: contacts answered within it count as within service level. */
    public Duration serviceLevelThreshold() {
        return serviceLevelThreshold;
    }

    /** The wait that is worth one priority point. */
    public Duration ageing() {
        return ageing;
    }

    /** Priority points added per customer tier. */
    public int tierBoost() {
        return tierBoost;
    }

    /** The agent strategy. */
    public AgentSelector selector() {
        return selector;
    }

    /** How long a contact with a preferred agent waits for that agent alone (zero: not at all). */
    public Duration preferredAgentWait() {
        return preferredAgentWait;
    }

    @Override
    public String toString() {
        return "QueueConfig[" + id + ", steps=" + steps.size() + ", overflow=" + overflow + ", selector="
                + selector.name() + "]";
    }

    /** Builds a {@link QueueConfig}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {

        private final QueueId id;
        private final List<RoutingStep> steps = new ArrayList<>();
        private Overflow overflow = Overflow.stay();
        private Duration wrapUp = Duration.ZERO;
        private Duration serviceLevelThreshold = Duration.ofSeconds(20);
        private Duration ageing = Duration.ofSeconds(30);
        private int tierBoost;
        private AgentSelector selector = AgentSelectors.LONGEST_IDLE;
        private Duration preferredAgentWait = Duration.ofSeconds(30);

        private Builder(QueueId id) {
            this.id = id;
        }

        /**
         * Appends a step.
         *
         * @param step the step
         * @return this builder
         */
        public Builder step(RoutingStep step) {
            steps.add(Args.notNull(step, "step"));
            return this;
        }

        /**
         * Sets what happens after the last step's timeout.
         *
         * @param overflow the overflow
         * @return this builder
         */
        public Builder overflow(Overflow overflow) {
            this.overflow = Args.notNull(overflow, "overflow");
            return this;
        }

        /**
         * Sets the automatic wrap-up time.
         *
         * @param wrapUp zero or more
         * @return this builder
         */
        public Builder wrapUp(Duration wrapUp) {
            this.wrapUp = Args.nonNegative(wrapUp, "wrap-up");
            return this;
        }

        /**
         * Sets the service-level threshold.
         *
         * @param threshold zero or more
         * @return this builder
         */
        public Builder serviceLevelThreshold(Duration threshold) {
            this.serviceLevelThreshold = Args.nonNegative(threshold, "service-level threshold");
            return this;
        }

        /**
         * Sets the wait worth one priority point.
         *
         * @param ageing 1 ms to 1 day
         * @return this builder
         */
        public Builder ageing(Duration ageing) {
            Args.positive(ageing, "ageing");
            if (ageing.compareTo(Duration.ofDays(1)) > 0 || ageing.toMillis() < 1) {
                throw new RoutingException(
                        RoutingError.ARGUMENT_INVALID, "ageing must be 1 ms to 1 day (got " + ageing + ")");
            }
            this.ageing = ageing;
            return this;
        }

        /**
         * Sets the priority points added per customer tier.
         *
         * @param points 0-100
         * @return this builder
         */
        public Builder tierBoost(int points) {
            this.tierBoost = Args.range(points, 0, 100, "tier boost");
            return this;
        }

        /**
         * Sets the agent strategy.
         *
         * @param selector a built-in of {@link AgentSelectors} or a custom one
         * @return this builder
         */
        public Builder selector(AgentSelector selector) {
            this.selector = Args.notNull(selector, "selector");
            Args.name(selector.name(), "selector name");
            return this;
        }

        /**
         * Sets how long a contact waits for its preferred agent alone.
         *
         * @param wait zero or more
         * @return this builder
         */
        public Builder preferredAgentWait(Duration wait) {
            this.preferredAgentWait = Args.nonNegative(wait, "preferred-agent wait");
            return this;
        }

        /** The queue configuration. */
        public QueueConfig build() {
            return new QueueConfig(this);
        }
    }
}
