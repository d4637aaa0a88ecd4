package io.remotebank.benchmarks;

import io.remotebank.benchmarks.routing.RoutingCycles;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Routing decisions at 10,000 agents, 50 skills, 100 queues and 100,000 waiting contacts, in both
 * regimes, for our engine (through its public, locked API) and a linear-scan router over the same
 * data.
 *
 * <p><b>Decisions</b> ({@code ...AgentFrees}, {@code ...ContactArrives}): one invocation makes 1,000
 * decisions in a row; the state is restored between invocations, outside the measurement
 * ({@code Level.Invocation}, harmless at about a millisecond per invocation).
 *
 * <ul>
 *   <li><b>agent frees</b>: every agent is busy and 100,000 contacts wait. An agent completes its
 *       contact and the engine gives it the best waiting contact it can serve. Restoring: the agents
 *       accept and new contacts arrive.
 *   <li><b>contact arrives</b>: agents are idle and 100,000 contacts wait that no agent can serve. A
 *       contact arrives and the engine gives it the eligible agent idle longest. Restoring: the agents
 *       accept and complete.
 * </ul>
 *
 * <p><b>Cycles</b> ({@code ...CycleAgentFrees}, {@code ...CycleContactArrives}): the whole steady
 * state in every invocation, nothing excluded: one decision plus the three other operations that keep
 * the population constant (four engine calls). The linear scan is spared its scan of the waiting list
 * when an agent frees in the contact-arrives cycle, which favours it.
 *
 * <p><b>Latency</b> ({@code remotebank...Timed}): the same batches, timing each decision with
 * {@code System.nanoTime()} and printing the percentiles at the end of the trial (warm-up iterations
 * are not recorded). They are separate methods so that the throughput methods of both sides run the
 * same loop without a clock read (about 20 ns per decision here) that only our side would pay.
 *
 * <p>Each trial's set-up ends with a full collection, so that the first collection of the 110,000
 * contacts just built (a young collection copying all of them, hundreds of milliseconds on one core)
 * falls in neither side's measurement. 10 methods x 1 fork x (3 + 5) s plus set-up: about 4 minutes.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RoutingBenchmark {

    private static final int AGENTS = 10_000;
    private static final int WAITING = 100_000;

    /** The agent-frees regime. */
    @State(Scope.Thread)
    public static class AgentFrees {
        RoutingCycles cycles;

        @Setup(Level.Trial)
        public void setUp() {
            cycles = RoutingCycles.agentFrees(AGENTS, WAITING, 7);
            System.gc();
        }

        @Setup(Level.Iteration)
        public void iteration(IterationParams params) {
            cycles.recordLatencies(params.getType() == IterationType.MEASUREMENT);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            if (cycles.latenciesRecorded()) {
                System.out.println("agent-frees decision latency: " + cycles.latencyReport());
            }
            cycles.close();
        }
    }

    /** The agent-frees regime, restored after each batch for our engine. */
    @State(Scope.Thread)
    public static class AgentFreesBatch extends AgentFrees {
        @TearDown(Level.Invocation)
        public void restore() {
            cycles.remotebankAgentFreesRestore();
        }
    }

    /** The agent-frees regime, restored after each batch for the linear scan. */
    @State(Scope.Thread)
    public static class LinearAgentFreesBatch extends AgentFrees {
        @TearDown(Level.Invocation)
        public void restore() {
            cycles.linearScanAgentFreesRestore();
        }
    }

    /** The contact-arrives regime. */
    @State(Scope.Thread)
    public static class ContactArrives {
        RoutingCycles cycles;

        @Setup(Level.Trial)
        public void setUp() {
            cycles = RoutingCycles.contactArrives(AGENTS, WAITING, 7);
            System.gc();
        }

        @Setup(Level.Iteration)
        public void iteration(IterationParams params) {
            cycles.recordLatencies(params.getType() == IterationType.MEASUREMENT);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            if (cycles.latenciesRecorded()) {
                System.out.println("contact-arrives decision latency: " + cycles.latencyReport());
            }
            cycles.close();
        }
    }

    /** The contact-arrives regime, prepared before and restored after each batch for our engine. */
    @State(Scope.Thread)
    public static class ContactArrivesBatch extends ContactArrives {
        @Setup(Level.Invocation)
        public void prepare() {
            cycles.prepareArrivals();
        }

        @TearDown(Level.Invocation)
        public void restore() {
            cycles.remotebankContactArrivesRestore();
        }
    }

    /** The contact-arrives regime, prepared before and restored after each batch for the linear scan. */
    @State(Scope.Thread)
    public static class LinearContactArrivesBatch extends ContactArrives {
        @Setup(Level.Invocation)
        public void prepare() {
            cycles.prepareArrivals();
        }

        @TearDown(Level.Invocation)
        public void restore() {
            cycles.linearScanContactArrivesRestore();
        }
    }

    @Benchmark
    @OperationsPerInvocation(RoutingCycles.BATCH)
    public void remotebankAgentFrees(AgentFreesBatch state) {
        state.cycles.remotebankAgentFreesBatch();
    }

    @Benchmark
    @OperationsPerInvocation(RoutingCycles.BATCH)
    public void remotebankAgentFreesTimed(AgentFreesBatch state) {
        state.cycles.remotebankAgentFreesBatchTimed();
    }

    @Benchmark
    @OperationsPerInvocation(RoutingCycles.BATCH)
    public void linearScanAgentFrees(LinearAgentFreesBatch state) {
        state.cycles.linearScanAgentFreesBatch();
    }

    @Benchmark
    @OperationsPerInvocation(RoutingCycles.BATCH)
    public void remotebankContactArrives(ContactArrivesBatch state) {
        state.cycles.remotebankContactArrivesBatch();
    }

    @Benchmark
    @OperationsPerInvocation(RoutingCycles.BATCH)
    public void remotebankContactArrivesTimed(ContactArrivesBatch state) {
        state.cycles.remotebankContactArrivesBatchTimed();
    }

    @Benchmark
    @OperationsPerInvocation(RoutingCycles.BATCH)
    public void linearScanContactArrives(LinearContactArrivesBatch state) {
        state.cycles.linearScanContactArrivesBatch();
    }

    @Benchmark
    public Object remotebankCycleAgentFrees(AgentFrees state) {
        return state.cycles.remotebankAgentFrees();
    }

    @Benchmark
    public Object linearScanCycleAgentFrees(AgentFrees state) {
        return state.cycles.linearScanAgentFrees();
    }

    @Benchmark
    public Object remotebankCycleContactArrives(ContactArrives state) {
        return state.cycles.remotebankContactArrives();
    }

    @Benchmark
    public Object linearScanCycleContactArrives(ContactArrives state) {
        return state.cycles.linearScanContactArrives();
    }
}
