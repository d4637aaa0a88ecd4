package io.remotebank.routing.simulation;

import io.remotebank.core.AgentId;
import io.remotebank.routing.ContactId;
import io.remotebank.routing.Offer;
import io.remotebank.routing.QueueConfig;
import io.remotebank.routing.QueueId;
import io.remotebank.routing.QueueStatistics;
import io.remotebank.routing.RoutingEngine;
import io.remotebank.routing.RoutingEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/** One run of a {@link Simulation}: the event loop on virtual time around one engine. */
final class SimulationRun {

    private static final int ARRIVAL = 0;
    private static final int ABANDON = 1;
    private static final int COMPLETE = 2;
    private static final int WRAP_UP_END = 3;
    private static final int LOGIN = 4;
    private static final int LOGOUT = 5;
    private static final int WARM_UP_END = 6;

    /** A scheduled event; among equal times, the one scheduled first runs first. */
    private record Event(long time, long seq, int kind, int index, Caller caller, Agent agent) {}

    /** A contact as the simulator sees it. */
    private static final class Caller {
        final ContactId id;
        final int stream;
        final long handleMillis;
        boolean waiting = true;
        Agent agent;
        QueueId answeredIn;

        Caller(ContactId id, int stream, long handleMillis) {
            this.id = id;
            this.stream = stream;
            this.handleMillis = handleMillis;
        }
    }

    /** An agent as the simulator sees it. */
    private static final class Agent {
        final AgentId id;
        int held;
        boolean loggedIn;
        boolean leaving;

        Agent(AgentId id) {
            this.id = id;
        }
    }

    /** One stream's random sequences and arrival clock. */
    private static final class Source {
        final ContactStream stream;
        final SplittableRandom arrivals;
        final SplittableRandom handling;
        final SplittableRandom patience;
        final int queueIndex;
        double nextMillis;
        long generated;
        long expired;

        Source(ContactStream stream, SplittableRandom root, int queueIndex) {
            this.stream = stream;
            this.arrivals = root.split();
            this.handling = root.split();
            this.patience = root.split();
            this.queueIndex = queueIndex;
        }
    }

    private final Simulation simulation;
    private final VirtualClock clock;
    private final RoutingEngine engine;
    private final PriorityQueue<Event> events =
            new PriorityQueue<>((a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
    private final Map<ContactId, Caller> live = new HashMap<>();
    private final Map<AgentId, Agent> agents = new HashMap<>();
    private final Map<QueueId, Long> wrapUpMillis = new HashMap<>();
    private final ArrayDeque<Offer> offers = new ArrayDeque<>();
    private final Source[] sources;
    private final long startMillis;
    private final long endMillis;
    private long seq;
    private long contactSeq;

    SimulationRun(Simulation simulation) {
        this.simulation = simulation;
        this.startMillis = simulation.start.toEpochMilli();
        this.endMillis = startMillis + simulation.duration.toMillis();
        this.clock = new VirtualClock(startMillis);
        this.engine = simulation.newEngine(clock);
        for (QueueConfig queue : simulation.queues) {
            wrapUpMillis.put(queue.id(), queue.wrapUp().toMillis());
        }
        SplittableRandom root = new SplittableRandom(simulation.seed);
        sources = new Source[simulation.streams.size()];
        for (int i = 0; i < sources.length; i++) {
            ContactStream stream = simulation.streams.get(i);
            sources[i] = new Source(stream, root.split(), queueIndex(stream.queue()));
        }
    }

    private int queueIndex(QueueId queue) {
        for (int i = 0; i < simulation.queues.size(); i++) {
            if (simulation.queues.get(i).id().equals(queue)) {
                return i;
            }
        }
        throw new IllegalStateException("checked by the builder");
    }

    SimulationReport run() {
        try (engine) {
            if (simulation.listen) {
                engine.addListener(event -> {
                    if (event instanceof RoutingEvent.OfferMade made) {
                        offers.add(made.offer());
                    }
                });
            }
            scheduleStart();
            while (!events.isEmpty() && events.peek().time <= endMillis) {
                Event event = events.poll();
                fireEngineTimersUntil(event.time);
                clock.set(event.time);
                handle(event);
            }
            fireEngineTimersUntil(endMillis);
            clock.set(endMillis);
            engine.tick();
            return report();
        }
    }

    private void scheduleStart() {
        for (int i = 0; i < sources.length; i++) {
            scheduleArrival(i);
        }
        for (Simulation.AgentPlan plan : simulation.agents) {
            Agent agent = new Agent(plan.profile().id());
            agents.put(agent.id, agent);
            if (plan.shifts().isEmpty()) {
                schedule(startMillis, LOGIN, 0, null, agent);
            }
            for (Shift shift : plan.shifts()) {
                schedule(startMillis + shift.start().toMillis(), LOGIN, 0, null, agent);
                schedule(startMillis + shift.end().toMillis(), LOGOUT, 0, null, agent);
            }
        }
        if (!simulation.warmUp.isZero()) {
            schedule(startMillis + simulation.warmUp.toMillis(), WARM_UP_END, 0, null, null);
        }
    }

    private void schedule(long time, int kind, int index, Caller caller, Agent agent) {
        events.add(new Event(time, seq++, kind, index, caller, agent));
    }

    private void scheduleArrival(int index) {
        Source source = sources[index];
        source.nextMillis = source.stream.arrivals().next(source.nextMillis, source.arrivals);
        if (source.nextMillis <= simulation.duration.toMillis()) {
            schedule(startMillis + (long) Math.floor(source.nextMillis), ARRIVAL, index, null, null);
        }
    }

    /** With a listener, step and overflow timers can make offers: run them at their own times. */
    private void fireEngineTimersUntil(long time) {
        if (!simulation.listen) {
            return;
        }
        while (true) {
            Optional<Instant> deadline = engine.nextDeadline();
            if (deadline.isEmpty() || deadline.get().toEpochMilli() > time) {
                return;
            }
            clock.set(Math.max(clock.millis(), deadline.get().toEpochMilli()));
            engine.tick();
            takeOffers(null);
        }
    }

    private void handle(Event event) {
        switch (event.kind) {
            case ARRIVAL -> arrive(event.index);
            case ABANDON -> abandon(event.caller);
            case COMPLETE -> complete(event.caller);
            case WRAP_UP_END -> wrapUpEnded(event.agent);
            case LOGIN -> login(event.agent);
            case LOGOUT -> logout(event.agent);
            case WARM_UP_END -> engine.resetStatistics();
            default -> throw new IllegalStateException("unknown event " + event.kind);
        }
    }

    private void arrive(int index) {
        Source source = sources[index];
        source.generated++;
        ContactId id = ContactId.of("c" + (++contactSeq));
        long handle = Math.round(source.stream.handleTime().sampleSeconds(source.handling) * 1000);
        double patience = source.stream.patience().sampleSeconds(source.patience);
        Caller caller = new Caller(id, index, handle);
        live.put(id, caller);
        Optional<Offer> offer = engine.arrive(source.stream.request(id.value()));
        if (simulation.listen) {
            takeOffers(null);
        } else {
            offer.ifPresent(o -> take(o, true));
        }
        if (caller.waiting && patience != Double.POSITIVE_INFINITY) {
            schedule(clock.millis() + Math.round(patience * 1000), ABANDON, index, caller, null);
        }
        scheduleArrival(index);
    }

    /** The agent accepts at once; the caller's handling starts now. */
    private void take(Offer offer, boolean direct) {
        Caller caller = live.get(offer.contact());
        if (caller == null || !caller.waiting) {
            return; // listener mode: already taken
        }
        Agent agent = agents.get(offer.agent());
        engine.accept(agent.id, caller.id);
        caller.waiting = false;
        caller.agent = agent;
        caller.answeredIn = offer.queue();
        agent.held++;
        schedule(clock.millis() + caller.handleMillis, COMPLETE, caller.stream, caller, null);
        if (direct) {
            offersTo(agent); // an agent with several slots may be offered another contact
        } else {
            takeOffers(null);
        }
    }

    /** Takes the offers the engine made since the last look: collected by the listener, or the agent's. */
    private void takeOffers(Agent agent) {
        if (simulation.listen) {
            Offer offer;
            while ((offer = offers.poll()) != null) {
                take(offer, false);
            }
        } else if (agent != null) {
            offersTo(agent);
        }
    }

    private void offersTo(Agent agent) {
        Optional<Offer> offer = engine.pendingOffer(agent.id);
        offer.ifPresent(o -> take(o, true));
    }

    private void abandon(Caller caller) {
        if (!caller.waiting) {
            return;
        }
        engine.abandon(caller.id);
        caller.waiting = false;
        live.remove(caller.id);
        sources[caller.stream].expired++;
        takeOffers(null);
    }

    private void complete(Caller caller) {
        Agent agent = caller.agent;
        engine.complete(agent.id, caller.id);
        live.remove(caller.id);
        long wrapUp = wrapUpMillis.get(caller.answeredIn);
        if (wrapUp > 0) {
            schedule(clock.millis() + wrapUp, WRAP_UP_END, 0, null, agent);
            takeOffers(null);
            return;
        }
        released(agent);
    }

    private void wrapUpEnded(Agent agent) {
        released(agent);
    }

    private void released(Agent agent) {
        agent.held--;
        if (agent.leaving && agent.held == 0) {
            engine.logout(agent.id);
            agent.loggedIn = false;
            agent.leaving = false;
            return;
        }
        takeOffers(agent);
    }

    private void login(Agent agent) {
        if (!agent.loggedIn) {
            engine.login(agent.id);
            agent.loggedIn = true;
        }
        agent.leaving = false;
        engine.ready(agent.id);
        takeOffers(agent);
    }

    private void logout(Agent agent) {
        if (!agent.loggedIn) {
            return;
        }
        engine.notReady(agent.id, "end-of-shift");
        if (agent.held == 0) {
            engine.logout(agent.id);
            agent.loggedIn = false;
        } else {
            agent.leaving = true;
        }
    }

    private SimulationReport report() {
        Map<QueueId, QueueStatistics> statistics = new LinkedHashMap<>();
        Map<QueueId, Long> generated = new LinkedHashMap<>();
        Map<QueueId, Long> expired = new LinkedHashMap<>();
        for (QueueConfig queue : simulation.queues) {
            statistics.put(queue.id(), engine.statistics(queue.id()));
            generated.put(queue.id(), 0L);
            expired.put(queue.id(), 0L);
        }
        for (Source source : sources) {
            QueueId queue = source.stream.queue();
            generated.merge(queue, source.generated, Long::sum);
            expired.merge(queue, source.expired, Long::sum);
        }
        Duration measured = simulation.duration.minus(simulation.warmUp);
        return new SimulationReport(simulation.seed, simulation.warmUp, measured, statistics, generated, expired);
    }
}
