package io.remotebank.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remotebank.core.AgentId;
import io.remotebank.core.ContactChannel;
import io.remotebank.routing.metrics.RoutingMetrics;
import io.remotebank.testing.ManualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

    private static RoutingEngine onVirtualTime(ManualTime time, QueueConfig... queues) {
        RoutingEngine.Builder builder =
                RoutingEngine.builder().clock(time.clock()).scheduler(time);
        for (QueueConfig queue : queues) {
            builder.queue(queue);
        }
        return builder.build();
    }

    private static QueueConfig twoSteps(String queue, Duration firstStep) {
        return QueueConfig.builder(queue)
                .step(RoutingStep.builder("first").timeout(firstStep).build())
                .step(RoutingStep.open("second"))
                .build();
    }

    private static String step(RoutingEngine engine, String contact) {
        return engine.contact(ContactId.of(contact)).orElseThrow().stepName();
    }

    /**
     * The steps a contact entered, from the events alone: reading the engine (a snapshot) would fire
     * what is due itself, so only the events show what the scheduled ticks did.
     */
    private static List<String> stepsEntered(List<RoutingEvent> events, String contact) {
        return events.stream()
                .filter(e ->
                        e instanceof RoutingEvent.StepEntered s && s.contact().equals(ContactId.of(contact)))
                .map(e -> ((RoutingEvent.StepEntered) e).stepName())
                .toList();
    }

    @Test
    void scheduledTicks_fireDeadlines_whenTheEnginesTimeMoves() {
        ManualTime time = ManualTime.at(Instant.parse("2026-11-28T09:00:00Z"));
        try (RoutingEngine engine = onVirtualTime(time, twoSteps("service", Duration.ofSeconds(30)))) {
            List<RoutingEvent> events = new CopyOnWriteArrayList<>();
            engine.addListener(events::add);
            engine.arrive(ContactRequest.builder("c1", ContactChannel.VOICE, "service")
                    .build());

            time.advance(Duration.ofSeconds(29));
            assertThat(stepsEntered(events, "c1")).containsExactly("first");

            time.advance(Duration.ofSeconds(1)); // nobody calls the engine: its scheduled tick does
            assertThat(stepsEntered(events, "c1")).containsExactly("first", "second");
            assertThat(events.get(events.size() - 1).atMillis())
                    .isEqualTo(Instant.parse("2026-11-28T09:00:30Z").toEpochMilli());
        }
    }

    @Test
    void aDeadlineEarlierThanTheScheduledTick_isScheduledToo() {
        ManualTime time = ManualTime.at(Instant.parse("2026-11-28T09:00:00Z"));
        try (RoutingEngine engine = onVirtualTime(
                time, twoSteps("slow", Duration.ofMinutes(5)), twoSteps("fast", Duration.ofMillis(200)))) {
            List<RoutingEvent> events = new CopyOnWriteArrayList<>();
            engine.addListener(events::add);
            engine.arrive(
                    ContactRequest.builder("late", ContactChannel.VOICE, "slow").build());
            time.advance(Duration.ofMillis(100));
            engine.arrive(
                    ContactRequest.builder("soon", ContactChannel.VOICE, "fast").build());

            time.advance(Duration.ofMillis(200));

            assertThat(stepsEntered(events, "soon")).containsExactly("first", "second");
            assertThat(stepsEntered(events, "late")).containsExactly("first");
        }
    }

    @Test
    void closingTheEngine_leavesNoTickScheduled() {
        ManualTime time = ManualTime.at(Instant.parse("2026-11-28T09:00:00Z"));
        RoutingEngine engine = onVirtualTime(time, twoSteps("service", Duration.ofMinutes(5)));
        engine.arrive(
                ContactRequest.builder("c1", ContactChannel.VOICE, "service").build());
        assertThat(time.pending()).isEqualTo(1);

        engine.close();

        assertThat(time.pending()).as(String.join("; ", time.describePending())).isZero();
    }

    @Test
    void withoutScheduledTicks_nothingRunsByItself() {
        ManualTime time = ManualTime.at(Instant.parse("2026-11-28T09:00:00Z"));
        try (RoutingEngine engine = RoutingEngine.builder()
                .clock(time.clock())
                .scheduler(time)
                .scheduledTicks(false)
                .queue(twoSteps("service", Duration.ofSeconds(30)))
                .build()) {
            List<RoutingEvent> events = new ArrayList<>();
            engine.addListener(events::add);
            engine.arrive(ContactRequest.builder("c1", ContactChannel.VOICE, "service")
                    .build());
            int afterArrival = events.size();

            time.advance(Duration.ofMinutes(1));
            assertThat(time.pending()).isZero();
            assertThat(events).hasSize(afterArrival); // reading the engine would fire the timer: only events tell

            engine.tick();
            assertThat(step(engine, "c1")).isEqualTo("second");
            assertThat(events.subList(afterArrival, events.size()))
                    .hasAtLeastOneElementOfType(RoutingEvent.StepEntered.class);
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
    void micrometerBinder_readsTheEngineOncePerSecond_ofTheEnginesTime() {
        ManualTime time = ManualTime.at(Instant.parse("2026-11-28T09:00:00Z"));
        try (RoutingEngine engine =
                onVirtualTime(time, QueueConfig.builder("service").build())) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            new RoutingMetrics(engine).bindTo(registry);
            Gauge waiting = registry.get("rb.routing.queue.waiting")
                    .tag("queue", "service")
                    .gauge();
            assertThat(waiting.value()).isZero();

            engine.arrive(ContactRequest.builder("c1", ContactChannel.VOICE, "service")
                    .build());
            time.advance(Duration.ofMillis(999));
            assertThat(waiting.value()).as("cached for one second").isZero();

            time.advance(Duration.ofMillis(2));
            assertThat(waiting.value()).isEqualTo(1.0);
        }
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
