package io.remotebank.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remotebank.core.AgentId;
import io.remotebank.routing.metrics.RoutingMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventsTest {

    @Test
    void events_areNumberedConsecutively_inTheOrderOfTheChanges() {
        try (Centre centre = Centre.with(QueueConfig.builder("service").build())) {
            AgentId a = centre.ready("a", p -> p.queue("service"));
            ContactId c1 = centre.arrive("c1", "service");
            centre.engine.accept(a, c1);
            centre.engine.complete(a, c1);
            List<Long> sequences =
                    centre.events.stream().map(RoutingEvent::sequence).toList();
            for (int i = 1; i < sequences.size(); i++) {
                assertThat(sequences.get(i)).isEqualTo(sequences.get(i - 1) + 1);
            }
            assertThat(centre.events)
                    .extracting(e -> e.getClass().getSimpleName())
                    .containsSubsequence(
                            "ContactArrived",
                            "StepEntered",
                            "OfferMade",
                            "ContactConnected",
                            "ContactEnded",
                            "WrapUpEnded");
        }
    }

    @Test
    void aListener_mayCallTheEngine_andAFailingListenerHarmsNoOne() {
        try (Centre centre = Centre.with(QueueConfig.builder("service").build())) {
            List<RoutingEvent> seen = new ArrayList<>();
            centre.engine.addListener(event -> {
                throw new IllegalStateException("broken listener");
            });
            centre.engine.addListener(event -> {
                seen.add(event);
                if (event instanceof RoutingEvent.OfferMade made) {
                    centre.engine.accept(made.offer().agent(), made.offer().contact()); // auto-answer
                }
            });
            AgentId a = centre.ready("a", p -> p.queue("service"));
            ContactId c1 = centre.arrive("c1", "service");
            assertThat(centre.state(c1)).isEqualTo(ContactState.CONNECTED);
            assertThat(centre.engine.agent(a).connected()).containsExactly(c1);
            assertThat(seen).extracting(RoutingEvent::sequence).isSorted();
        }
    }

    @Test
    void timerThread_firesDeadlinesOnTheSystemClock() throws InterruptedException {
        try (RoutingEngine engine = RoutingEngine.builder()
                .queue(QueueConfig.builder("service")
                        .step(RoutingStep.builder("first")
                                .timeout(Duration.ofMillis(50))
                                .build())
                        .step(RoutingStep.open("second"))
                        .build())
                .build()) {
            engine.arrive(ContactRequest.builder("c1", io.remotebank.core.ContactChannel.VOICE, "service")
                    .build());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (engine.contact(ContactId.of("c1")).orElseThrow().step() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(engine.contact(ContactId.of("c1")).orElseThrow().stepName())
                    .isEqualTo("second");
        }
    }

    @Test
    void closedEngine_refusesOperations() {
        Centre centre = Centre.with(QueueConfig.builder("service").build());
        centre.engine.close();
        RoutingException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> centre.arrive("c1", "service"), RoutingException.class);
        assertThat(e.code()).isEqualTo(RoutingError.CLOSED);
    }

    @Test
    void micrometerBinder_exposesQueueAndAgentMetrics() {
        try (Centre centre = Centre.with(QueueConfig.builder("service").build())) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            new RoutingMetrics(centre.engine).bindTo(registry);
            centre.ready("a", p -> p.queue("service"));
            centre.arrive("c1", "service");
            centre.arrive("c2", "service");
            assertThat(registry.get("rb.routing.queue.waiting")
                            .tag("queue", "service")
                            .gauge()
                            .value())
                    .isEqualTo(2.0);
            assertThat(registry.get("rb.routing.queue.arrived")
                            .tag("queue", "service")
                            .functionCounter()
                            .count())
                    .isEqualTo(2.0);
            assertThat(registry.get("rb.routing.agents")
                            .tag("state", "reserved")
                            .gauge()
                            .value())
                    .isEqualTo(1.0);
        }
    }
}
