package io.remotebank.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.core.AgentId;
import io.remotebank.core.ContactChannel;
import io.remotebank.testing.ManualTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A contact centre for scenario tests: an engine on virtual time that records its events. The tests
 * tick the engine themselves after moving the time ({@link #advance}), so that a test sees the state
 * after each step whatever the engine scheduled.
 */
final class Centre implements AutoCloseable {

    final ManualTime time = ManualTime.at(Instant.parse("2026-11-28T09:00:00Z"));
    final Clock clock = time.clock();
    final List<RoutingEvent> events = new CopyOnWriteArrayList<>();
    final RoutingEngine engine;

    private Centre(Consumer<RoutingEngine.Builder> config) {
        RoutingEngine.Builder builder = RoutingEngine.builder()
                .clock(clock)
                .scheduler(time)
                .scheduledTicks(false)
                .skills("cards", "loans", "wealth", "fraud");
        config.accept(builder);
        engine = builder.build();
        engine.addListener(events::add);
    }

    /** A centre with the four skills and the given queues. */
    static Centre with(QueueConfig... queues) {
        return with(b -> {}, queues);
    }

    static Centre with(Consumer<RoutingEngine.Builder> config, QueueConfig... queues) {
        return new Centre(b -> {
            for (QueueConfig q : queues) {
                b.queue(q);
            }
            config.accept(b);
        });
    }

    /** Registers, logs in and readies an agent. */
    AgentId ready(String id, Consumer<AgentProfile.Builder> profile) {
        AgentProfile.Builder builder = AgentProfile.builder(id);
        profile.accept(builder);
        engine.addAgent(builder.build());
        AgentId agent = AgentId.of(id);
        engine.login(agent);
        engine.ready(agent);
        return agent;
    }

    ContactId arrive(String id, String queue) {
        return arrive(id, ContactChannel.VOICE, queue, b -> {});
    }

    ContactId arrive(String id, ContactChannel channel, String queue, Consumer<ContactRequest.Builder> request) {
        ContactRequest.Builder builder = ContactRequest.builder(id, channel, queue);
        request.accept(builder);
        engine.arrive(builder.build());
        return ContactId.of(id);
    }

    void advance(Duration duration) {
        time.advance(duration);
        engine.tick();
    }

    void advanceSeconds(long seconds) {
        advance(Duration.ofSeconds(seconds));
    }

    /** The contact currently offered to the agent, if any. */
    Optional<ContactId> offered(AgentId agent) {
        return engine.pendingOffer(agent).map(Offer::contact);
    }

    /** Asserts the agent has an offer of the contact and accepts it. */
    void acceptOffer(AgentId agent, ContactId contact) {
        assertThat(offered(agent)).contains(contact);
        engine.accept(agent, contact);
    }

    ContactState state(ContactId contact) {
        return engine.contact(contact).orElseThrow().state();
    }

    AgentState state(AgentId agent) {
        return engine.agent(agent).state();
    }

    <E extends RoutingEvent> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    void assertConsistent() {
        assertThat(engine.invariantViolation()).isEmpty();
    }

    @Override
    public void close() {
        assertConsistent();
        engine.close();
    }
}
