package io.remotebank.routing;

import static io.remotebank.core.ContactChannel.VOICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.remotebank.core.AgentId;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    /**
     * The centre every bad input meets: agent {@code a} ready with {@code c1} offered to it, {@code
     * c2} waiting, agent {@code fresh} registered but logged out, and {@code nobody} unknown.
     */
    record Scene(Centre centre, AgentId a, ContactId c1, ContactId c2, AgentId fresh, AgentId nobody) {
        RoutingEngine engine() {
            return centre.engine;
        }
    }

    @FunctionalInterface
    interface BadCall {
        void on(Scene scene);
    }

    private static Arguments refused(String what, RoutingError code, BadCall call) {
        return Arguments.of(Named.of(what, call), code);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                refused(
                        "ready: an unknown agent",
                        RoutingError.UNKNOWN_AGENT,
                        f -> f.engine().ready(f.nobody())),
                refused(
                        "accept: an unknown agent",
                        RoutingError.UNKNOWN_AGENT,
                        f -> f.engine().accept(f.nobody(), f.c1())),
                refused(
                        "arrive: preferring an unknown agent",
                        RoutingError.UNKNOWN_AGENT,
                        f -> f.centre().arrive("c3", VOICE, "service", r -> r.preferredAgent(f.nobody()))),
                refused(
                        "arrive: in an unknown queue",
                        RoutingError.UNKNOWN_QUEUE,
                        f -> f.centre().arrive("c3", "nowhere")),
                refused(
                        "transfer: to an unknown queue",
                        RoutingError.UNKNOWN_QUEUE,
                        f -> f.engine().transfer(f.c1(), QueueId.of("nowhere"))),
                refused(
                        "addAgent: serving an unknown queue",
                        RoutingError.UNKNOWN_QUEUE,
                        f -> f.engine()
                                .addAgent(AgentProfile.builder("b")
                                        .queue("nowhere")
                                        .build())),
                refused(
                        "arrive: needing an unknown skill",
                        RoutingError.UNKNOWN_SKILL,
                        f -> f.centre().arrive("c3", VOICE, "service", r -> r.skill("astrology", 1))),
                refused(
                        "addAgent: with an unknown skill",
                        RoutingError.UNKNOWN_SKILL,
                        f -> f.engine()
                                .addAgent(AgentProfile.builder("b")
                                        .skill("astrology", 3)
                                        .build())),
                refused(
                        "abandon: an unknown contact",
                        RoutingError.UNKNOWN_CONTACT,
                        f -> f.engine().abandon(ContactId.of("ghost"))),
                refused(
                        "arrive: a live contact's id",
                        RoutingError.DUPLICATE_CONTACT,
                        f -> f.centre().arrive("c2", "service")),
                refused(
                        "addAgent: a registered agent's id",
                        RoutingError.DUPLICATE_AGENT,
                        f -> f.engine().addAgent(AgentProfile.builder("a").build())),
                refused(
                        "addQueue: a registered queue's id",
                        RoutingError.DUPLICATE_QUEUE,
                        f -> f.engine().addQueue(QueueConfig.builder("service").build())),
                refused(
                        "accept: a contact not offered to the agent",
                        RoutingError.NO_SUCH_OFFER,
                        f -> f.engine().accept(f.a(), f.c2())),
                refused(
                        "reject: a contact not offered to the agent",
                        RoutingError.NO_SUCH_OFFER,
                        f -> f.engine().reject(f.a(), f.c2())),
                refused(
                        "complete: an offered, not connected, contact",
                        RoutingError.ILLEGAL_STATE,
                        f -> f.engine().complete(f.a(), f.c1())),
                refused(
                        "login: an agent logged in",
                        RoutingError.ILLEGAL_STATE,
                        f -> f.engine().login(f.a())),
                refused(
                        "endWrapUp: a contact not in wrap-up",
                        RoutingError.ILLEGAL_STATE,
                        f -> f.engine().endWrapUp(f.a(), f.c1())),
                refused(
                        "logout: an agent holding an offer",
                        RoutingError.ILLEGAL_STATE,
                        f -> f.engine().logout(f.a())),
                refused(
                        "removeAgent: a logged-in agent",
                        RoutingError.ILLEGAL_STATE,
                        f -> f.engine().removeAgent(f.a())),
                refused(
                        "transfer: an offered contact to the agent offered it",
                        RoutingError.ILLEGAL_STATE,
                        f -> f.engine().transfer(f.c1(), f.a())),
                refused(
                        "notReady: a reason with spaces",
                        RoutingError.ARGUMENT_INVALID,
                        f -> f.engine().notReady(f.a(), "no spaces allowed")),
                refused(
                        "accept: no agent",
                        RoutingError.ARGUMENT_INVALID,
                        f -> f.engine().accept(null, f.c1())),
                refused(
                        "ready: a logged-out agent",
                        RoutingError.ILLEGAL_STATE,
                        f -> f.engine().ready(f.fresh())),
                refused(
                        "notReady: a logged-out agent",
                        RoutingError.ILLEGAL_STATE,
                        f -> f.engine().notReady(f.fresh(), "break")),
                refused(
                        "logout: a logged-out agent",
                        RoutingError.ILLEGAL_STATE,
                        f -> f.engine().logout(f.fresh())),
                refused(
                        "transfer: to a logged-out agent",
                        RoutingError.ILLEGAL_STATE,
                        f -> f.engine().transfer(f.c2(), f.fresh())));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badInputs")
    void aBadInput_isRefusedWithItsCode_andChangesNothing(BadCall call, RoutingError code) {
        try (Centre centre = Centre.with(QueueConfig.builder("service").build())) {
            AgentId a = centre.ready("a", p -> p.queue("service"));
            ContactId c1 = centre.arrive("c1", "service");
            ContactId c2 = centre.arrive("c2", "service");
            AgentId fresh = AgentId.of("fresh");
            centre.engine.addAgent(AgentProfile.builder(fresh).queue("service").build());
            Scene scene = new Scene(centre, a, c1, c2, fresh, AgentId.of("nobody"));

            refused(centre, code, () -> call.on(scene));
        }
    }

    @Test
    void theTableOfBadInputs_coversEveryCodeAnOperationCanRefuseWith() {
        assertThat(badInputs().map(arguments -> arguments.get()[1]))
                .containsAll(EnumSet.complementOf(EnumSet.of(
                        RoutingError.CONFIG_INVALID, // overflow cycles: StepsTest
                        RoutingError.NO_CAPACITY, // forceAssign: SupervisorTest
                        RoutingError.AUDIT_FAILED, // SupervisorTest
                        RoutingError.CLOSED))); // EventsTest
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
