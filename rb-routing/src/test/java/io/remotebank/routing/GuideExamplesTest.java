package io.remotebank.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remotebank.core.AgentId;
import io.remotebank.core.ContactChannel;
import io.remotebank.routing.metrics.RoutingMetrics;
import io.remotebank.routing.spi.AgentCandidate;
import io.remotebank.routing.spi.AgentSelector;
import io.remotebank.routing.spi.ContactCandidate;
import io.remotebank.testing.ManualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The examples of docs/rb-routing.md, compiled and run. */
class GuideExamplesTest {

    @Test
    void quickStart() {
        // tag::quick-start[]
        ManualTime time = ManualTime.at(Instant.parse("2026-11-28T09:00:00Z")); // rb-testing's virtual time
        List<RoutingEvent> events = new ArrayList<>();
        RoutingEngine engine = RoutingEngine.builder()
                .clock(time.clock()) // omit both for the system clock and scheduler
                .scheduler(time) // the engine's timers run on it
                .skills("cards", "loans", "wealth")
                .queue(QueueConfig.builder("cards")
                        .step(RoutingStep.builder("specialists")
                                .timeout(Duration.ofSeconds(30))
                                .build())
                        .step(RoutingStep.builder("anyone")
                                .relaxBy(2)
                                .anyLanguage()
                                .build())
                        .wrapUp(Duration.ofSeconds(20))
                        .serviceLevelThreshold(Duration.ofSeconds(20))
                        .build())
                .agent(AgentProfile.builder("agent-007")
                        .skill("cards", 4)
                        .languages("zh", "en")
                        .queue("cards")
                        .build())
                .build();
        engine.addListener(events::add); // every state change, in order

        AgentId agent = AgentId.of("agent-007");
        engine.login(agent);
        engine.ready(agent);

        ContactId call = ContactId.of("call-1");
        Optional<Offer> offer = engine.arrive(ContactRequest.builder(call, ContactChannel.VOICE, QueueId.of("cards"))
                .skill("cards", 3)
                .language("zh")
                .priority(10)
                .build());
        // the agent's desktop shows the offer; the agent accepts, talks, completes
        engine.accept(agent, call);
        engine.complete(agent, call); // the agent wraps up for 20 s, then is ready again

        QueueStatistics stats = engine.statistics(QueueId.of("cards"));
        // end::quick-start[]
        assertThat(offer).map(Offer::agent).contains(agent);
        assertThat(stats.answered()).isEqualTo(1);
        assertThat(stats.serviceLevel()).isEqualTo(1.0);
        assertThat(events).isNotEmpty();
        engine.close();
    }

    @Test
    void overflowAndCallback() {
        // tag::overflow[]
        ManualTime time = ManualTime.at(Instant.parse("2026-11-28T09:00:00Z"));
        RoutingEngine engine = RoutingEngine.builder()
                .clock(time.clock())
                .scheduler(time) // time.advance(...) fires the step timeouts
                .skills("wealth")
                .queue(QueueConfig.builder("private-banking")
                        .step(RoutingStep.builder("relationship-team")
                                .require("wealth", 4)
                                .timeout(Duration.ofMinutes(2))
                                .build())
                        .overflow(Overflow.toQueue(QueueId.of("general")))
                        .tierBoost(10) // each tier is worth 10 priority points
                        .preferredAgentWait(Duration.ofSeconds(45)) // 管户制: the RM first
                        .build())
                .queue(QueueConfig.builder("general")
                        .step(RoutingStep.builder("anyone")
                                .timeout(Duration.ofMinutes(5))
                                .build())
                        .overflow(Overflow.callback()) // virtual hold after 5 minutes
                        .build())
                .agent(AgentProfile.builder("rm-li")
                        .skill("wealth", 5)
                        .queue("private-banking")
                        .build())
                .build();
        engine.arrive(ContactRequest.builder("vip-1", ContactChannel.VIDEO, "private-banking")
                .tier(2)
                .preferredAgent(AgentId.of("rm-li"))
                .build());
        // end::overflow[]
        assertThat(engine.contact(ContactId.of("vip-1")).orElseThrow().queue())
                .isEqualTo(QueueId.of("private-banking"));
        time.advance(Duration.ofMinutes(2));
        assertThat(engine.contact(ContactId.of("vip-1")).orElseThrow().queue()).isEqualTo(QueueId.of("general"));
        time.advance(Duration.ofMinutes(5));
        assertThat(engine.contact(ContactId.of("vip-1")).orElseThrow().callback())
                .isTrue();
        engine.close();
    }

    // tag::custom-selector[]
    /** Prefers agents who speak more of the bank's languages, then the one idle longest. */
    static final class MostLanguages implements AgentSelector {
        @Override
        public String name() {
            return "most-languages";
        }

        @Override
        public long rank(AgentCandidate agent, ContactCandidate contact) {
            return -agent.languages().size() * 1_000_000_000_000_000L + agent.idleSinceMillis();
        }

        @Override
        public boolean dependsOnContact() {
            return false; // the engine can keep agents sorted by this rank
        }
    }
    // end::custom-selector[]

    @Test
    void customSelectorAndMetrics() {
        // tag::metrics[]
        RoutingEngine engine = RoutingEngine.builder()
                .queue(QueueConfig.builder("chat").selector(new MostLanguages()).build())
                .build();
        MeterRegistry registry = new SimpleMeterRegistry(); // or your Prometheus registry
        new RoutingMetrics(engine).bindTo(registry);
        // end::metrics[]
        engine.addAgent(
                AgentProfile.builder("one").languages("zh").queue("chat").build());
        engine.addAgent(AgentProfile.builder("three")
                .languages("zh", "en", "yue")
                .queue("chat")
                .build());
        for (String id : List.of("one", "three")) {
            engine.login(AgentId.of(id));
            engine.ready(AgentId.of(id));
        }
        Optional<Offer> offer = engine.arrive(
                ContactRequest.builder("c1", ContactChannel.CHAT, "chat").build());
        assertThat(offer).map(Offer::agent).contains(AgentId.of("three"));
        assertThat(registry.get("rb.routing.queue.waiting").gauge().value()).isEqualTo(1.0);
        engine.close();
    }
}
