package io.remotebank.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.remotebank.core.AgentId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    private static final QueueId SERVICE = QueueId.of("service");

    @Test
    void serviceLevel_asa_abandonRate_andOccupancy_followTheirDefinitions() {
        QueueConfig service = QueueConfig.builder("service")
                .serviceLevelThreshold(Duration.ofSeconds(20))
                .build();
        try (Centre centre = Centre.with(service)) {
            AgentId a = centre.ready("a", p -> p.queue("service"));
            centre.engine.notReady(a, "briefing");
            ContactId c1 = centre.arrive("c1", "service");
            ContactId c2 = centre.arrive("c2", "service");
            ContactId c3 = centre.arrive("c3", "service");
            ContactId c4 = centre.arrive("c4", "service");
            centre.advanceSeconds(5);
            centre.engine.abandon(c4); // a miss, though short
            centre.advanceSeconds(5);
            QueueStatistics live = centre.engine.statistics(SERVICE);
            assertThat(live.waiting()).isEqualTo(3);
            assertThat(live.longestWait()).isEqualTo(Duration.ofSeconds(10));
            assertThat(live.serviceLevel()).isEqualTo(0.0); // one offered (abandoned), none answered

            centre.engine.ready(a); // t=10 s
            centre.acceptOffer(a, c1); // waited 10 s: within 20 s
            centre.advanceSeconds(20);
            centre.engine.complete(a, c1); // t=30 s
            centre.acceptOffer(a, c2); // waited 30 s: a miss
            centre.advanceSeconds(10);
            centre.engine.complete(a, c2); // t=40 s
            centre.acceptOffer(a, c3); // waited 40 s: a miss
            centre.engine.complete(a, c3);
            centre.advanceSeconds(40); // idle 40 s

            QueueStatistics s = centre.engine.statistics(SERVICE);
            assertThat(s.arrived()).isEqualTo(4);
            assertThat(s.answered()).isEqualTo(3);
            assertThat(s.answeredWithinThreshold()).isEqualTo(1);
            assertThat(s.abandoned()).isEqualTo(1);
            assertThat(s.offered()).isEqualTo(4);
            assertThat(s.serviceLevel()).isEqualTo(0.25);
            assertThat(s.abandonRate()).isEqualTo(0.25);
            assertThat(s.averageSpeedOfAnswer()).isEqualTo(Duration.ofMillis((10_000 + 30_000 + 40_000) / 3));
            // handling 30 s (t=10..40), idle 40 s (t=40..80); not-ready time is excluded
            assertThat(s.occupancy()).isCloseTo(30.0 / 70.0, within(1e-9));
            assertThat(s.waiting()).isZero();
            assertThat(s.agentsLoggedIn()).isEqualTo(1);
            assertThat(s.agentsAvailable()).isEqualTo(1);

            centre.engine.resetStatistics();
            QueueStatistics reset = centre.engine.statistics(SERVICE);
            assertThat(reset.arrived()).isZero();
            assertThat(reset.serviceLevel()).isNaN();
            assertThat(reset.occupancy()).isNaN();
        }
    }

    @Test
    void agentStates_areCounted() {
        try (Centre centre = Centre.with(QueueConfig.builder("service").build())) {
            centre.ready("a", p -> p.queue("service"));
            AgentId b = centre.ready("b", p -> p.queue("service"));
            centre.engine.notReady(b, "break");
            centre.arrive("c1", "service");
            assertThat(centre.engine.agentStates())
                    .containsEntry(AgentState.RESERVED, 1)
                    .containsEntry(AgentState.NOT_READY, 1)
                    .doesNotContainKey(AgentState.READY);
        }
    }
}
