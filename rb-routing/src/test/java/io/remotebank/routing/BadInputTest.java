package io.remotebank.routing;

import static io.remotebank.core.ContactChannel.VOICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.remotebank.core.AgentId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every refused operation names its error and leaves the engine exactly as it was. */
class BadInputTest {

    private static final QueueId SERVICE = QueueId.of("service");

    private static void refused(Centre centre, RoutingError code, Executable operation) {
        int eventsBefore = centre.events.size();
        QueueStatistics before = centre.engine.statistics(SERVICE);
        int live = centre.engine.liveContacts();
        RoutingException e = catchThrowableOfType(
                () -> {
                    try {
                        operation.execute();
                    } catch (Throwable t) {
                        if (t instanceof RuntimeException r) {
                            throw r;
                        }
                        throw new AssertionError(t);
                    }
                },
                RoutingException.class);
        assertThat(e).as("expected %s", code).isNotNull();
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.getMessage()).startsWith(code.code() + ": ");
        assertThat(centre.events).hasSize(eventsBefore);
        assertThat(centre.engine.statistics(SERVICE)).isEqualTo(before);
        assertThat(centre.engine.liveContacts()).isEqualTo(live);
        centre.assertConsistent();
    }

    @Test
    void everyBadInput_isRefusedWithItsCode_andChangesNothing() {
        try (Centre centre = Centre.with(QueueConfig.builder("service").build())) {
            AgentId a = centre.ready("a", p -> p.queue("service"));
            ContactId c1 = centre.arrive("c1", "service");
            ContactId c2 = centre.arrive("c2", "service");
            AgentId nobody = AgentId.of("nobody");

            refused(centre, RoutingError.UNKNOWN_AGENT, () -> centre.engine.ready(nobody));
            refused(centre, RoutingError.UNKNOWN_AGENT, () -> centre.engine.accept(nobody, c1));
            refused(
                    centre,
                    RoutingError.UNKNOWN_AGENT,
                    () -> centre.arrive("c3", VOICE, "service", r -> r.preferredAgent(nobody)));
            refused(centre, RoutingError.UNKNOWN_QUEUE, () -> centre.arrive("c3", "nowhere"));
            refused(centre, RoutingError.UNKNOWN_QUEUE, () -> centre.engine.transfer(c1, QueueId.of("nowhere")));
            refused(
                    centre,
                    RoutingError.UNKNOWN_QUEUE,
                    () -> centre.engine.addAgent(
                            AgentProfile.builder("b").queue("nowhere").build()));
            refused(
                    centre,
                    RoutingError.UNKNOWN_SKILL,
                    () -> centre.arrive("c3", VOICE, "service", r -> r.skill("astrology", 1)));
            refused(
                    centre,
                    RoutingError.UNKNOWN_SKILL,
                    () -> centre.engine.addAgent(
                            AgentProfile.builder("b").skill("astrology", 3).build()));
            refused(centre, RoutingError.UNKNOWN_CONTACT, () -> centre.engine.abandon(ContactId.of("ghost")));
            refused(centre, RoutingError.DUPLICATE_CONTACT, () -> centre.arrive("c2", "service"));
            refused(
                    centre,
                    RoutingError.DUPLICATE_AGENT,
                    () -> centre.engine.addAgent(AgentProfile.builder("a").build()));
            refused(
                    centre,
                    RoutingError.DUPLICATE_QUEUE,
                    () -> centre.engine.addQueue(QueueConfig.builder("service").build()));
            refused(centre, RoutingError.NO_SUCH_OFFER, () -> centre.engine.accept(a, c2));
            refused(centre, RoutingError.NO_SUCH_OFFER, () -> centre.engine.reject(a, c2));
            refused(centre, RoutingError.ILLEGAL_STATE, () -> centre.engine.complete(a, c1)); // offered, not connected
            refused(centre, RoutingError.ILLEGAL_STATE, () -> centre.engine.login(a));
            refused(centre, RoutingError.ILLEGAL_STATE, () -> centre.engine.endWrapUp(a, c1));
            refused(centre, RoutingError.ILLEGAL_STATE, () -> centre.engine.logout(a));
            refused(centre, RoutingError.ILLEGAL_STATE, () -> centre.engine.removeAgent(a));
            refused(centre, RoutingError.ILLEGAL_STATE, () -> centre.engine.transfer(c1, a));
            refused(centre, RoutingError.ARGUMENT_INVALID, () -> centre.engine.notReady(a, "no spaces allowed"));
            refused(centre, RoutingError.ARGUMENT_INVALID, () -> centre.engine.accept(null, c1));

            AgentId fresh = AgentId.of("fresh");
            centre.engine.addAgent(AgentProfile.builder(fresh).queue("service").build());
            refused(centre, RoutingError.ILLEGAL_STATE, () -> centre.engine.ready(fresh));
            refused(centre, RoutingError.ILLEGAL_STATE, () -> centre.engine.notReady(fresh, "break"));
            refused(centre, RoutingError.ILLEGAL_STATE, () -> centre.engine.logout(fresh));
            refused(centre, RoutingError.ILLEGAL_STATE, () -> centre.engine.transfer(c2, fresh));
        }
    }

    @Test
    void valuesOutOfRange_areRefusedWhenBuilt() {
        List<Executable> bad = List.of(
                () -> ContactRequest.builder("c", VOICE, "q").priority(1001),
                () -> ContactRequest.builder("c", VOICE, "q").priority(-1),
                () -> ContactRequest.builder("c", VOICE, "q").tier(10),
                () -> ContactRequest.builder("c", VOICE, "q").language("not a tag"),
                () -> ContactId.of("has space"),
                () -> QueueId.of(""),
                () -> SkillRequirement.of("cards", 6),
                () -> AgentProfile.builder("a").skill("cards", 0),
                () -> AgentProfile.builder("a").queue(SERVICE, 101),
                () -> QueueConfig.builder("q").ageing(java.time.Duration.ZERO),
                () -> QueueConfig.builder("q").wrapUp(java.time.Duration.ofSeconds(-1)),
                () -> RoutingStep.builder("s").relaxBy(5),
                () -> RoutingEngine.builder().offerTimeout(java.time.Duration.ofMillis(10)),
                () -> AgentCapacity.builder().channel(VOICE, 101),
                () -> AgentSelectors.named("random"));
        for (Executable executable : bad) {
            RoutingException e = catchThrowableOfType(
                    () -> {
                        try {
                            executable.execute();
                        } catch (RuntimeException r) {
                            throw r;
                        } catch (Throwable t) {
                            throw new AssertionError(t);
                        }
                    },
                    RoutingException.class);
            assertThat(e).isNotNull();
            assertThat(e.code()).isEqualTo(RoutingError.ARGUMENT_INVALID);
        }
    }
}
