package io.remotebank.routing.simulation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.routing.AgentProfile;
import io.remotebank.routing.Overflow;
import io.remotebank.routing.QueueConfig;
import io.remotebank.routing.QueueId;
import io.remotebank.routing.RoutingEngine;
import io.remotebank.routing.RoutingError;
import io.remotebank.routing.RoutingException;
import io.remotebank.routing.RoutingStep;
import io.remotebank.routing.internal.Args;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import org.apiguardian.api.API;

/**
 * A discrete-event simulation of a contact centre that drives the real {@link RoutingEngine} on
 * virtual time.
 *
 * <p>Contacts arrive from {@link ContactStream}s; the engine routes them with the queues' real rules
 * (steps, skills, overflow, priorities, agent strategies); agents accept every offer at once, handle
 * the contact for a drawn handle time and complete it, then wrap up as the queue says. A caller whose
 * patience runs out before being accepted hangs up ({@link RoutingEngine#abandon}). Agents log in and
 * out by their {@link Shift}s. The engine's statistics are reset after the warm-up and read at the end.
 *
 * <p>Runs are deterministic: the same configuration and seed give the same report. Each contact
 * stream draws its arrivals, handle times and patience from its own random sequence, split from the
 * seed, so adding a stream does not change what another one draws.
 *
 * <p>The engine is run without listeners whenever no queue has timed steps (offers are then read from
 * the engine's return values and {@link RoutingEngine#pendingOffer}); with timed steps or overflow a
 * listener collects the offers those timers make.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Simulation {

    final long seed;
    final Instant start;
    final Duration duration;
    final Duration warmUp;
    final List<String> skills;
    final List<QueueConfig> queues;
    final List<ContactStream> streams;
    final List<AgentPlan> agents;
    final boolean listen;

    private Simulation(Builder builder, boolean listen) {
        this.seed = builder.seed;
        this.start = builder.start;
        this.duration = builder.duration;
        this.warmUp = builder.warmUp;
        this.skills = List.copyOf(builder.skills);
        this.queues = List.copyOf(builder.queues);
        this.streams = List.copyOf(builder.streams);
        this.agents = List.copyOf(builder.agents);
        this.listen = listen;
    }

    /** A builder: seed 1, starting on Monday 2025-01-06 00:00 UTC, 8 hours, no warm-up. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the simulation from the start: a new engine every time, so a simulation can run again and
     * gives the same report.
     *
     * @return what the engine measured
     */
    public SimulationReport run() {
        return new SimulationRun(this).run();
    }

    /** The engine this simulation drives, built fresh (agents registered, logged out). */
    RoutingEngine newEngine(java.time.Clock clock) {
        RoutingEngine.Builder builder =
                RoutingEngine.builder().clock(clock).scheduledTicks(false).skills(skills.toArray(String[]::new));
        queues.forEach(builder::queue);
        agents.forEach(a -> builder.agent(a.profile()));
        return builder.build();
    }

    /** Whether any queue schedules step timers, whose offers only a listener sees. */
    static boolean hasTimedSteps(List<QueueConfig> queues) {
        for (QueueConfig queue : queues) {
            List<RoutingStep> steps = queue.steps();
            for (int i = 0; i < steps.size(); i++) {
                boolean last = i == steps.size() - 1;
                boolean timed = steps.get(i).timeout().map(t -> !t.isZero()).orElse(false);
                if (timed && (!last || !queue.overflow().equals(Overflow.stay()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * An agent and its shifts.
     *
     * @param profile the agent
     * @param shifts when it works, in order, not overlapping
     */
    record AgentPlan(AgentProfile profile, List<Shift> shifts) {}

    /** Builds a {@link Simulation}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {

        private long seed = 1;
        private Instant start = Instant.parse("2025-01-06T00:00:00Z");
        private Duration duration = Duration.ofHours(8);
        private Duration warmUp = Duration.ZERO;
        private final List<String> skills = new ArrayList<>();
        private final List<QueueConfig> queues = new ArrayList<>();
        private final List<ContactStream> streams = new ArrayList<>();
        private final List<AgentPlan> agents = new ArrayList<>();
        private boolean listen;

        private Builder() {}

        /**
         * Sets the seed of every random draw.
         *
         * @param seed any number
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the virtual start time (the engine's clock reads it at the start).
         *
         * @param start the instant
         * @return this builder
         */
        public Builder start(Instant start) {
            this.start = Args.notNull(start, "start");
            return this;
        }

        /**
         * Sets how long to simulate, warm-up included.
         *
         * @param duration 1 ms to 10 years
         * @return this builder
         */
        public Builder duration(Duration duration) {
            Args.positive(duration, "duration");
            if (duration.compareTo(Duration.ofDays(3653)) > 0) {
                throw new RoutingException(
                        RoutingError.ARGUMENT_INVALID, "duration must be at most 10 years (got " + duration + ")");
            }
            this.duration = duration;
            return this;
        }

        /**
         * Sets the warm-up: the engine's statistics are reset when it ends, so the report describes the
         * steady state rather than the empty centre of the start.
         *
         * @param warmUp 0 or more, less than the duration
         * @return this builder
         */
        public Builder warmUp(Duration warmUp) {
            this.warmUp = Args.nonNegative(warmUp, "warm-up");
            return this;
        }

        /**
         * Defines skills.
         *
         * @param names skill names
         * @return this builder
         */
        public Builder skills(String... names) {
            for (String name : Args.notNull(names, "skills")) {
                skills.add(Args.name(name, "skill"));
            }
            return this;
        }

        /**
         * Adds a queue, configured exactly as for the real engine.
         *
         * @param queue the queue
         * @return this builder
         */
        public Builder queue(QueueConfig queue) {
            queues.add(Args.notNull(queue, "queue"));
            return this;
        }

        /**
         * Adds a stream of contacts.
         *
         * @param stream the stream
         * @return this builder
         */
        public Builder contacts(ContactStream stream) {
            streams.add(Args.notNull(stream, "contact stream"));
            return this;
        }

        /**
         * Adds an agent who works the given shifts (the whole run when none is given).
         *
         * @param profile the agent
         * @param shifts when it works, not overlapping
         * @return this builder
         */
        public Builder agent(AgentProfile profile, Shift... shifts) {
            Args.notNull(profile, "agent");
            List<Shift> list = new ArrayList<>(List.of(Args.notNull(shifts, "shifts")));
            list.sort(Comparator.comparing(Shift::start));
            for (int i = 1; i < list.size(); i++) {
                if (list.get(i).start().compareTo(list.get(i - 1).end()) < 0) {
                    throw new RoutingException(
                            RoutingError.ARGUMENT_INVALID,
                            "shifts of agent " + profile.id() + " overlap: " + list.get(i - 1) + " and " + list.get(i));
                }
            }
            agents.add(new AgentPlan(profile, List.copyOf(list)));
            return this;
        }

        /**
         * Adds {@code count} agents, all working the same shifts.
         *
         * @param count 0 or more
         * @param profiles the profile of the i-th agent (0-based), each with its own id
         * @param shifts when they work (the whole run when none is given)
         * @return this builder
         */
        public Builder agents(int count, IntFunction<AgentProfile> profiles, Shift... shifts) {
            Args.range(count, 0, 1_000_000, "agent count");
            Args.notNull(profiles, "profiles");
            for (int i = 0; i < count; i++) {
                agent(profiles.apply(i), shifts);
            }
            return this;
        }

        /** For tests: collect offers through a listener even when return values would do. */
        Builder listenForOffers() {
            this.listen = true;
            return this;
        }

        /**
         * Checks the whole configuration (the engine is built once to validate queues, skills and
         * agents) and returns the simulation.
         *
         * @return the simulation
         */
        public Simulation build() {
            if (warmUp.compareTo(duration) >= 0) {
                throw new RoutingException(
                        RoutingError.ARGUMENT_INVALID,
                        "warm-up (" + warmUp + ") must be shorter than the duration (" + duration + ")");
            }
            if (streams.isEmpty()) {
                throw new RoutingException(RoutingError.ARGUMENT_INVALID, "a simulation needs a contact stream");
            }
            Set<QueueId> known = new HashSet<>();
            queues.forEach(q -> known.add(q.id()));
            for (ContactStream stream : streams) {
                if (!known.contains(stream.queue())) {
                    throw new RoutingException(
                            RoutingError.UNKNOWN_QUEUE, "contact stream enters unknown queue " + stream.queue());
                }
            }
            Simulation simulation = new Simulation(this, listen || hasTimedSteps(queues));
            simulation.newEngine(new VirtualClock(start.toEpochMilli())).close();
            for (ContactStream stream : streams) {
                for (var skill : stream.skills()) {
                    if (!skills.contains(skill.skill())) {
                        throw new RoutingException(
                                RoutingError.UNKNOWN_SKILL,
                                "contact stream of " + stream.queue() + " requires undefined skill " + skill.skill());
                    }
                }
            }
            return simulation;
        }
    }
}
