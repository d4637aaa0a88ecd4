package io.remotebank.routing;

import static io.remotebank.core.ContactChannel.VOICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.core.AgentId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Routing steps, overflow and the preferred agent. */
class StepsTest {

    private static QueueConfig.Builder loans() {
        return QueueConfig.builder("loans")
                .step(RoutingStep.builder("experts")
                        .timeout(Duration.ofSeconds(30))
                        .build())
                .step(RoutingStep.builder("anyone")
                        .relaxBy(2)
                        .anyLanguage()
                        .timeout(Duration.ofSeconds(60))
                        .build());
    }

    @Test
    void stepTimeout_relaxesTheRequirement() {
        try (Centre centre = Centre.with(loans().build())) {
            AgentId junior = centre.ready(
                    "junior", p -> p.queue("loans").skill("loans", 2).languages("en"));
            ContactId c1 =
                    centre.arrive("c1", VOICE, "loans", r -> r.skill("loans", 4).language("zh"));
            centre.advanceSeconds(29);
            assertThat(centre.offered(junior)).isEmpty();
            centre.advanceSeconds(1);
            assertThat(centre.offered(junior)).contains(c1);
            assertThat(centre.engine.contact(c1).orElseThrow().stepName()).isEqualTo("anyone");
            assertThat(centre.events(RoutingEvent.StepEntered.class))
                    .extracting(RoutingEvent.StepEntered::stepName)
                    .containsExactly("experts", "anyone");
        }
    }

    @Test
    void contactKeepsItsPlace_whenItMovesToTheNextStep() {
        try (Centre centre = Centre.with(loans().build())) {
            // c1 needs an expert; c2, arriving later, needs only the relaxed level from the start
            ContactId c1 = centre.arrive("c1", VOICE, "loans", r -> r.skill("loans", 4));
            centre.advanceSeconds(10);
            ContactId c2 = centre.arrive("c2", VOICE, "loans", r -> r.skill("loans", 2));
            centre.advanceSeconds(25); // c1 is relaxed to level 2 at 30 s, behind nobody
            AgentId junior = centre.ready("junior", p -> p.queue("loans").skill("loans", 2));
            assertThat(centre.offered(junior)).contains(c1);
            centre.engine.accept(junior, c1);
            AgentId junior2 = centre.ready("junior2", p -> p.queue("loans").skill("loans", 2));
            assertThat(centre.offered(junior2)).contains(c2);
        }
    }

    @Test
    void afterTheLastStep_contactOverflowsToAnotherQueue_keepingItsArrival() {
        QueueConfig general = QueueConfig.builder("general").build();
        try (Centre centre = Centre.with(
                loans().overflow(Overflow.toQueue(QueueId.of("general"))).build(), general)) {
            ContactId c1 = centre.arrive("c1", VOICE, "loans", r -> r.skill("loans", 4));
            centre.advanceSeconds(90);
            ContactSnapshot snapshot = centre.engine.contact(c1).orElseThrow();
            assertThat(snapshot.queue()).isEqualTo(QueueId.of("general"));
            assertThat(snapshot.arrivedAt()).isEqualTo(centre.clock.instant().minusSeconds(90));
            assertThat(snapshot.queuedAt()).isEqualTo(centre.clock.instant());
            assertThat(centre.events(RoutingEvent.ContactMoved.class))
                    .singleElement()
                    .satisfies(m -> assertThat(m.cause()).isEqualTo(RoutingEvent.MoveCause.OVERFLOW));
            assertThat(centre.engine.statistics(QueueId.of("loans")).movedOut()).isEqualTo(1);
            assertThat(centre.engine.statistics(QueueId.of("loans")).waiting()).isZero();
            assertThat(centre.engine.statistics(QueueId.of("general")).waiting())
                    .isEqualTo(1);
        }
    }

    @Test
    void overflowCycle_isRefusedAtConfiguration() {
        QueueConfig a = QueueConfig.builder("a")
                .overflow(Overflow.toQueue(QueueId.of("b")))
                .build();
        QueueConfig b = QueueConfig.builder("b")
                .overflow(Overflow.toQueue(QueueId.of("a")))
                .build();
        RoutingException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> RoutingEngine.builder()
                        .scheduledTicks(false)
                        .queue(a)
                        .queue(b)
                        .build(),
                RoutingException.class);
        assertThat(e.code()).isEqualTo(RoutingError.CONFIG_INVALID);
    }

    @Test
    void afterTheLastStep_contactLeaves_asOverflowed() {
        try (Centre centre = Centre.with(loans().overflow(Overflow.leave()).build())) {
            ContactId c1 = centre.arrive("c1", VOICE, "loans", r -> r.skill("loans", 4));
            centre.advanceSeconds(90);
            assertThat(centre.engine.contact(c1)).isEmpty();
            assertThat(centre.events(RoutingEvent.ContactEnded.class))
                    .singleElement()
                    .satisfies(e -> assertThat(e.outcome()).isEqualTo(Outcome.OVERFLOWED));
            assertThat(centre.engine.statistics(QueueId.of("loans")).overflowed())
                    .isEqualTo(1);
        }
    }

    @Test
    void afterTheLastStep_contactBecomesACallback_andIsOfferedAsOne() {
        try (Centre centre = Centre.with(loans().overflow(Overflow.callback()).build())) {
            ContactId c1 = centre.arrive("c1", VOICE, "loans", r -> r.skill("loans", 4));
            centre.advanceSeconds(90);
            assertThat(centre.engine.contact(c1).orElseThrow().callback()).isTrue();
            assertThat(centre.engine.statistics(QueueId.of("loans")).callbacksWaiting())
                    .isEqualTo(1);
            AgentId a1 = centre.ready("a1", p -> p.queue("loans").skill("loans", 3));
            Offer offer = centre.engine.pendingOffer(a1).orElseThrow();
            assertThat(offer.callback()).isTrue();
            centre.engine.accept(a1, c1);
            centre.engine.abandon(c1); // the customer could not be reached
            assertThat(centre.events(RoutingEvent.ContactEnded.class))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.outcome()).isEqualTo(Outcome.ABANDONED);
                        assertThat(e.agent()).contains(a1);
                    });
        }
    }

    @Test
    void preferredAgent_isTriedFirst_evenWhenOthersAreFree() {
        QueueConfig wealth = QueueConfig.builder("wealth")
                .preferredAgentWait(Duration.ofSeconds(20))
                .build();
        try (Centre centre = Centre.with(wealth)) {
            AgentId rm = centre.ready("rm", p -> p.queue("wealth"));
            AgentId other = centre.ready("other", p -> p.queue("wealth"));
            ContactId first = centre.arrive("first", "wealth");
            centre.acceptOffer(rm, first); // rm was idle longest
            ContactId vip = centre.arrive("vip", VOICE, "wealth", r -> r.preferredAgent(rm));
            assertThat(centre.offered(other)).isEmpty();
            assertThat(centre.engine.contact(vip).orElseThrow().waitingForPreferredAgent())
                    .isTrue();
            centre.advanceSeconds(10);
            centre.engine.complete(rm, first);
            assertThat(centre.offered(rm)).contains(vip);
        }
    }

    @Test
    void preferredAgent_wait_expires_andTheQueueTakesOver() {
        QueueConfig wealth = QueueConfig.builder("wealth")
                .preferredAgentWait(Duration.ofSeconds(20))
                .build();
        try (Centre centre = Centre.with(wealth)) {
            AgentId rm = centre.ready("rm", p -> p.queue("wealth"));
            centre.engine.notReady(rm, "meeting");
            AgentId other = centre.ready("other", p -> p.queue("wealth"));
            ContactId vip = centre.arrive("vip", VOICE, "wealth", r -> r.preferredAgent(rm));
            centre.advanceSeconds(19);
            assertThat(centre.offered(other)).isEmpty();
            centre.advanceSeconds(1);
            assertThat(centre.offered(other)).contains(vip);
        }
    }

    @Test
    void preferredAgent_loggingOut_releasesItsWaitingCustomers() {
        try (Centre centre = Centre.with(QueueConfig.builder("wealth").build())) {
            AgentId rm = centre.ready("rm", p -> p.queue("wealth"));
            centre.engine.notReady(rm, "meeting");
            AgentId other = centre.ready("other", p -> p.queue("wealth"));
            ContactId vip = centre.arrive("vip", VOICE, "wealth", r -> r.preferredAgent(rm));
            centre.engine.logout(rm);
            assertThat(centre.offered(other)).contains(vip);
        }
    }
}
