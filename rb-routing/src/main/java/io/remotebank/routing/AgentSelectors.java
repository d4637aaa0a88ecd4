package io.remotebank.routing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.routing.spi.AgentCandidate;
import io.remotebank.routing.spi.AgentSelector;
import io.remotebank.routing.spi.ContactCandidate;
import java.util.List;
import org.apiguardian.api.API;

/** The built-in agent strategies. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AgentSelectors {

    /** Ranks place the idle-since time in the low 44 bits (good until the year 2527). */
    private static final int SHIFT = 44;

    /** The agent idle longest: the default. */
    public static final AgentSelector LONGEST_IDLE = new Builtin("longest-idle", false) {
        @Override
        public long rank(AgentCandidate agent, ContactCandidate contact) {
            return agent.idleSinceMillis();
        }
    };

    /**
     * The agent holding the smallest share of its slots (ties: idle longest). Useful with chat, where
     * an agent with one of three chats is still available.
     */
    public static final AgentSelector LEAST_OCCUPIED = new Builtin("least-occupied", false) {
        @Override
        public long rank(AgentCandidate agent, ContactCandidate contact) {
            int capacity = Math.max(1, agent.capacity());
            long permille = agent.load() * 1000L / capacity;
            return (permille << SHIFT) + agent.idleSinceMillis();
        }
    };

    /**
     * The agent with the highest total proficiency in the contact's required skills (ties: idle
     * longest). This strategy depends on the contact, so the engine scans the queue's available agents.
     */
    public static final AgentSelector HIGHEST_PROFICIENCY = new Builtin("highest-proficiency", true) {
        @Override
        public long rank(AgentCandidate agent, ContactCandidate contact) {
            long total = 0;
            for (SkillRequirement requirement : contact.requirements()) {
                total += agent.proficiency(requirement.skill());
            }
            return ((1000 - total) << SHIFT) + agent.idleSinceMillis();
        }
    };

    /** The agent whose last offer is oldest: offers go round the agents in turn. */
    public static final AgentSelector ROUND_ROBIN = new Builtin("round-robin", false) {
        @Override
        public long rank(AgentCandidate agent, ContactCandidate contact) {
            return agent.lastOfferSequence();
        }
    };

    private static final List<AgentSelector> ALL =
            List.of(LONGEST_IDLE, LEAST_OCCUPIED, HIGHEST_PROFICIENCY, ROUND_ROBIN);

    private AgentSelectors() {}

    /** The built-in strategies. */
    public static List<AgentSelector> all() {
        return ALL;
    }

    /**
     * A built-in strategy by name.
     *
     * @param name {@code longest-idle}, {@code least-occupied}, {@code highest-proficiency} or {@code
     *     round-robin}
     * @return the strategy
     * @throws RoutingException with {@link RoutingError#ARGUMENT_INVALID} for another name
     */
    public static AgentSelector named(String name) {
        for (AgentSelector selector : ALL) {
            if (selector.name().equals(name)) {
                return selector;
            }
        }
        throw new RoutingException(
                RoutingError.ARGUMENT_INVALID,
                "unknown agent strategy '" + name
                        + "'; known: longest-idle, least-occupied, highest-proficiency, round-robin");
    }

    private abstract static class Builtin implements AgentSelector {
        private final String name;
        private final boolean dependsOnContact;

        Builtin(String name, boolean dependsOnContact) {
            this.name = name;
            this.dependsOnContact = dependsOnContact;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean dependsOnContact() {
            return dependsOnContact;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
