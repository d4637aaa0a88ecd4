package io.remotebank.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.benchmarks.routing.RoutingCycles;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each routing benchmark cycle makes one real decision and leaves the population as it found it. */
class RoutingBenchmarkTest {

    @Test
    void agentFrees_bothRoutersAssignAContactPerCycle_andKeepTheQueueFull() {
        try (RoutingCycles cycles = RoutingCycles.agentFrees(300, 3_000, 7)) {
            int live = cycles.engineLiveContacts();
            int waiting = cycles.linearWaiting();
            assertThat(waiting).isBetween(2_900, 3_000);
            int decided = 0;
            for (int i = 0; i < 600; i++) {
                decided += cycles.remotebankAgentFrees() != null ? 1 : 0;
                assertThat(cycles.linearScanAgentFrees()).isNotNull();
            }
            assertThat(decided).isGreaterThanOrEqualTo(300); // the first round only frees agents
            assertThat(cycles.engineLiveContacts()).isEqualTo(live);
            assertThat(cycles.linearWaiting()).isEqualTo(waiting);

            cycles.recordLatencies(true);
            cycles.remotebankAgentFreesBatch();
            cycles.remotebankAgentFreesRestore();
            assertThat(cycles.latenciesRecorded()).isFalse(); // the throughput batch reads no clock
            cycles.remotebankAgentFreesBatchTimed();
            cycles.remotebankAgentFreesRestore();
            cycles.linearScanAgentFreesBatch();
            cycles.linearScanAgentFreesRestore();
            assertThat(cycles.engineLiveContacts()).isEqualTo(live);
            assertThat(cycles.linearWaiting()).isEqualTo(waiting);
            assertThat(cycles.latencyReport()).startsWith("decisions=" + RoutingCycles.BATCH);
        }
    }

    @Test
    void contactArrives_bothRoutersFindAnAgent_andTheUnservableStayWaiting() {
        try (RoutingCycles cycles = RoutingCycles.contactArrives(300, 3_000, 7)) {
            assertThat(cycles.engineLiveContacts()).isEqualTo(3_000);
            assertThat(cycles.linearWaiting()).isEqualTo(3_000);
            int engineFound = 0;
            int linearFound = 0;
            for (int i = 0; i < 1_000; i++) {
                engineFound += ((Optional<?>) cycles.remotebankContactArrives()).isPresent() ? 1 : 0;
                linearFound += ((Integer) cycles.linearScanContactArrives()) >= 0 ? 1 : 0;
            }
            assertThat(engineFound).isGreaterThan(900);
            assertThat(linearFound).isEqualTo(engineFound);
            assertThat(cycles.engineLiveContacts()).isEqualTo(3_000);

            cycles.prepareArrivals();
            cycles.remotebankContactArrivesBatch();
            cycles.remotebankContactArrivesRestore();
            cycles.recordLatencies(true);
            cycles.prepareArrivals();
            cycles.remotebankContactArrivesBatchTimed();
            cycles.remotebankContactArrivesRestore();
            assertThat(cycles.latencyReport()).startsWith("decisions=" + RoutingCycles.BATCH);
            cycles.linearScanContactArrivesBatch();
            cycles.linearScanContactArrivesRestore();
            assertThat(cycles.engineLiveContacts()).isEqualTo(3_000);
        }
    }
}
