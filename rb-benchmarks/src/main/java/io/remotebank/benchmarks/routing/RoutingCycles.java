package io.remotebank.benchmarks.routing;

import io.remotebank.core.AgentId;
import io.remotebank.routing.ContactId;
import io.remotebank.routing.ContactRequest;
import io.remotebank.routing.Offer;
import io.remotebank.routing.RoutingEngine;
import java.time.Clock;
import java.util.Optional;

/**
 * The two routing regimes of {@code RoutingBenchmark}, each set up for our engine and for the
 * linear-scan router from the same {@link RoutingWorld}. Public so that tests can check that each cycle
 * really makes one assignment.
 */
public final class RoutingCycles implements AutoCloseable {

    private final RoutingWorld world;
    private final RoutingWorld linearWorld;
    private final RoutingEngine engine;
    private final LinearScanRouter linear;
    private final AgentId[] agentIds;
    private final ContactId[] holding;
    private final Clock clock = Clock.systemUTC();
    private int next;
    private long counter;

    private RoutingCycles(int agents, long seed) {
        this.world = new RoutingWorld(agents, seed);
        this.linearWorld = new RoutingWorld(agents, seed);
        this.engine = world.engine(clock);
        this.linear = new LinearScanRouter(linearWorld);
        this.agentIds = new AgentId[agents];
        this.holding = new ContactId[agents];
        for (int a = 0; a < agents; a++) {
            agentIds[a] = AgentId.of(RoutingWorld.agent(a));
            engine.login(agentIds[a]);
        }
    }

    /** All agents busy, {@code waiting} servable contacts waiting. */
    public static RoutingCycles agentFrees(int agents, int waiting, long seed) {
        RoutingCycles cycles = new RoutingCycles(agents, seed);
        for (int i = 0; i < waiting + agents; i++) {
            cycles.arriveBoth(true);
        }
        for (int a = 0; a < agents; a++) {
            cycles.engine.ready(cycles.agentIds[a]);
            cycles.acceptIfOffered(a);
            cycles.linear.free(a, cycles.clock.millis(), true);
        }
        return cycles;
    }

    /** All agents idle, {@code waiting} contacts waiting that no agent can serve. */
    public static RoutingCycles contactArrives(int agents, int waiting, long seed) {
        RoutingCycles cycles = new RoutingCycles(agents, seed);
        for (int i = 0; i < waiting; i++) {
            cycles.arriveBoth(false);
        }
        for (int a = 0; a < agents; a++) {
            cycles.engine.ready(cycles.agentIds[a]);
            cycles.linear.free(a, cycles.clock.millis(), true);
        }
        return cycles;
    }

    private void arriveBoth(boolean servable) {
        String id = "c" + counter++;
        engine.arrive(RoutingWorld.request(id, world.nextContact(servable)));
        linear.arrive(linearWorld.nextContact(servable), clock.millis());
    }

    private Offer acceptIfOffered(int a) {
        Optional<Offer> offer = engine.pendingOffer(agentIds[a]);
        if (offer.isPresent()) {
            engine.accept(agentIds[a], offer.get().contact());
            holding[a] = offer.get().contact();
            return offer.get();
        }
        return null;
    }

    /** Our engine: an agent completes, is given the best waiting contact, accepts; a contact arrives. */
    public Object remotebankAgentFrees() {
        int a = next++ % agentIds.length;
        ContactId held = holding[a];
        if (held != null) {
            holding[a] = null;
            engine.complete(agentIds[a], held);
        }
        Offer offer = acceptIfOffered(a);
        engine.arrive(RoutingWorld.request("c" + counter++, world.nextContact(true)));
        return offer;
    }

    /** The linear scan: the same cycle. */
    public Object linearScanAgentFrees() {
        int a = next++ % agentIds.length;
        long now = clock.millis();
        Object taken = linear.free(a, now, true);
        linear.arrive(linearWorld.nextContact(true), now);
        return taken;
    }

    /** Our engine: a contact arrives and is given an agent, who accepts, completes and is free again. */
    public Object remotebankContactArrives() {
        ContactId id = ContactId.of("c" + counter++);
        Optional<Offer> offer = engine.arrive(RoutingWorld.request(id.value(), world.nextContact(true)));
        if (offer.isPresent()) {
            AgentId agent = offer.get().agent();
            engine.accept(agent, id);
            engine.complete(agent, id);
        } else {
            engine.abandon(id); // no eligible agent free: keep the population steady
        }
        return offer;
    }

    /** The linear scan: the same cycle (without scanning the waiting list when the agent frees). */
    public Object linearScanContactArrives() {
        long now = clock.millis();
        int agent = linear.arrive(linearWorld.nextContact(true), now);
        if (agent >= 0) {
            linear.free(agent, now, false);
        }
        return agent;
    }

    // ------------------------------------------------------------------ decision batches

    private final long[] latencies = new long[1 << 22];
    private int latencyCount;
    private final ContactRequest[] prepared = new ContactRequest[BATCH];
    private final int[][] preparedSpecs = new int[BATCH][];
    private final int[] batchAgents = new int[BATCH];
    private final boolean[] batchCompleted = new boolean[BATCH];
    private final Offer[] batchOffers = new Offer[BATCH];

    /** Decisions per batch. */
    public static final int BATCH = 1000;

    /** Our engine, agent-frees regime: {@value #BATCH} agents complete and each is given a contact. */
    public void remotebankAgentFreesBatch() {
        for (int k = 0; k < BATCH; k++) {
            int a = next++ % agentIds.length;
            batchAgents[k] = a;
            ContactId held = holding[a];
            batchCompleted[k] = held != null;
            if (held != null) {
                holding[a] = null;
                engine.complete(agentIds[a], held);
            }
        }
    }

    /** {@link #remotebankAgentFreesBatch()}, timing each decision with {@code System.nanoTime()}. */
    public void remotebankAgentFreesBatchTimed() {
        long before = System.nanoTime();
        for (int k = 0; k < BATCH; k++) {
            int a = next++ % agentIds.length;
            batchAgents[k] = a;
            ContactId held = holding[a];
            batchCompleted[k] = held != null;
            if (held != null) {
                holding[a] = null;
                engine.complete(agentIds[a], held);
            }
            long after = System.nanoTime();
            record(after - before);
            before = after;
        }
    }

    /** Restores the agent-frees regime after a batch (not measured): accept the offers, refill the queue. */
    public void remotebankAgentFreesRestore() {
        for (int k = 0; k < BATCH; k++) {
            acceptIfOffered(batchAgents[k]);
            if (batchCompleted[k]) {
                engine.arrive(RoutingWorld.request("c" + counter++, world.nextContact(true)));
            }
        }
    }

    /** The linear scan, agent-frees regime. */
    public void linearScanAgentFreesBatch() {
        long now = clock.millis();
        for (int k = 0; k < BATCH; k++) {
            int a = next++ % agentIds.length;
            batchCompleted[k] = linear.holding[a] != null;
            linear.free(a, now, true);
        }
    }

    /** Restores the linear scan's agent-frees regime (not measured). */
    public void linearScanAgentFreesRestore() {
        long now = clock.millis();
        for (int k = 0; k < BATCH; k++) {
            if (batchCompleted[k]) {
                linear.arrive(linearWorld.nextContact(true), now);
            }
        }
    }

    /** Prepares the next batch of arriving contacts (not measured). */
    public void prepareArrivals() {
        for (int k = 0; k < BATCH; k++) {
            int[] spec = world.nextContact(true);
            prepared[k] = RoutingWorld.request("c" + counter++, spec);
            preparedSpecs[k] = linearWorld.nextContact(true);
        }
    }

    /** Our engine, contact-arrives regime: {@value #BATCH} contacts arrive and each is given an agent. */
    public void remotebankContactArrivesBatch() {
        for (int k = 0; k < BATCH; k++) {
            batchOffers[k] = engine.arrive(prepared[k]).orElse(null);
        }
    }

    /** {@link #remotebankContactArrivesBatch()}, timing each decision with {@code System.nanoTime()}. */
    public void remotebankContactArrivesBatchTimed() {
        long before = System.nanoTime();
        for (int k = 0; k < BATCH; k++) {
            batchOffers[k] = engine.arrive(prepared[k]).orElse(null);
            long after = System.nanoTime();
            record(after - before);
            before = after;
        }
    }

    /** Restores the contact-arrives regime (not measured): agents accept, complete and are free again. */
    public void remotebankContactArrivesRestore() {
        for (int k = 0; k < BATCH; k++) {
            Offer offer = batchOffers[k];
            if (offer == null) {
                engine.abandon(prepared[k].id());
            } else {
                engine.accept(offer.agent(), offer.contact());
                engine.complete(offer.agent(), offer.contact());
            }
        }
    }

    /** The linear scan, contact-arrives regime. */
    public void linearScanContactArrivesBatch() {
        long now = clock.millis();
        for (int k = 0; k < BATCH; k++) {
            batchAgents[k] = linear.arrive(preparedSpecs[k], now);
        }
    }

    /** Restores the linear scan's contact-arrives regime (not measured). */
    public void linearScanContactArrivesRestore() {
        long now = clock.millis();
        for (int k = 0; k < BATCH; k++) {
            if (batchAgents[k] >= 0) {
                linear.free(batchAgents[k], now, false);
            }
        }
    }

    private boolean recording;

    /**
     * Whether decision latencies are recorded (off during warm-up, so that compilation does not count).
     *
     * @param on whether to record
     */
    public void recordLatencies(boolean on) {
        recording = on;
    }

    private void record(long nanos) {
        if (recording && latencyCount < latencies.length) {
            latencies[latencyCount++] = nanos;
        }
    }

    /** Whether any decision latency has been recorded since the last report. */
    public boolean latenciesRecorded() {
        return latencyCount > 0;
    }

    /** Percentiles of the recorded decision latencies, e.g. {@code p50=...ns p99=... p99.9=...}, then clears them. */
    public String latencyReport() {
        if (latencyCount == 0) {
            return "no decisions recorded";
        }
        long[] sorted = java.util.Arrays.copyOf(latencies, latencyCount);
        java.util.Arrays.sort(sorted);
        String report = String.format(
                "decisions=%d p50=%dns p90=%dns p99=%dns p99.9=%dns max=%dns",
                sorted.length,
                sorted[(int) (sorted.length * 0.50)],
                sorted[(int) (sorted.length * 0.90)],
                sorted[(int) (sorted.length * 0.99)],
                sorted[(int) (sorted.length * 0.999)],
                sorted[sorted.length - 1]);
        latencyCount = 0;
        return report;
    }

    /** Contacts live in the engine. */
    public int engineLiveContacts() {
        return engine.liveContacts();
    }

    /** Contacts waiting in the linear router. */
    public int linearWaiting() {
        return linear.waiting();
    }

    @Override
    public void close() {
        engine.close();
    }
}
