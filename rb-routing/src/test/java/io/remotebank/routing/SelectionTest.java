package io.remotebank.routing;

import static io.remotebank.core.ContactChannel.CHAT;
import static io.remotebank.core.ContactChannel.VOICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.core.AgentId;
import io.remotebank.routing.spi.AgentCandidate;
import io.remotebank.routing.spi.AgentSelector;
import io.remotebank.routing.spi.ContactCandidate;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Agent strategies and contact ordering. */
class SelectionTest {

    private static QueueConfig queue(AgentSelector selector) {
        return QueueConfig.builder("service").selector(selector).build();
    }

    private static void serve(Centre centre, AgentId agent, String contact) {
        ContactId id = centre.arrive(contact, "service");
        centre.acceptOffer(agent, id);
        centre.engine.complete(agent, id);
    }

    @Test
    void longestIdle_picksTheAgentIdleLongest() {
        try (Centre centre = Centre.with(queue(AgentSelectors.LONGEST_IDLE))) {
            AgentId a = centre.ready("a", p -> p.queue("service"));
            AgentId b = centre.ready("b", p -> p.queue("service"));
            centre.advanceSeconds(5);
            serve(centre, a, "c1"); // a was first (equal idle time, registered first), now idle since later
            centre.advanceSeconds(5);
            ContactId c2 = centre.arrive("c2", "service");
            assertThat(centre.offered(b)).contains(c2);
        }
    }

    @Test
    void leastOccupied_picksTheAgentWithTheSmallestShareOfItsSlots() {
        try (Centre centre = Centre.with(queue(AgentSelectors.LEAST_OCCUPIED))) {
            AgentId a = centre.ready("a", p -> p.queue("service"));
            AgentId b = centre.ready("b", p -> p.queue("service"));
            centre.acceptOffer(a, centre.arrive("chat1", CHAT, "service", r -> {}));
            centre.acceptOffer(b, centre.arrive("chat2", CHAT, "service", r -> {}));
            centre.acceptOffer(a, centre.arrive("chat3", CHAT, "service", r -> {}));
            centre.engine.complete(a, ContactId.of("chat1"));
            centre.engine.complete(a, ContactId.of("chat3"));
            centre.advanceSeconds(1);
            // a holds nothing now, b holds one chat: a is least occupied although b idled longer
            ContactId chat4 = centre.arrive("chat4", CHAT, "service", r -> {});
            assertThat(centre.offered(a)).contains(chat4);
        }
    }

    @Test
    void highestProficiency_picksTheBestQualifiedAgent() {
        try (Centre centre = Centre.with(queue(AgentSelectors.HIGHEST_PROFICIENCY))) {
            centre.ready("good", p -> p.queue("service").skill("wealth", 3));
            AgentId best = centre.ready("best", p -> p.queue("service").skill("wealth", 5));
            centre.ready("none", p -> p.queue("service"));
            ContactId c1 = centre.arrive("c1", VOICE, "service", r -> r.skill("wealth", 2));
            assertThat(centre.offered(best)).contains(c1);
        }
    }

    @Test
    void roundRobin_goesRoundTheAgentsInTurn() {
        try (Centre centre = Centre.with(queue(AgentSelectors.ROUND_ROBIN))) {
            AgentId a = centre.ready("a", p -> p.queue("service"));
            AgentId b = centre.ready("b", p -> p.queue("service"));
            AgentId c = centre.ready("c", p -> p.queue("service"));
            serve(centre, a, "c1");
            serve(centre, b, "c2");
            serve(centre, c, "c3");
            serve(centre, a, "c4");
            assertThat(AgentSelectors.named("round-robin")).isSameAs(AgentSelectors.ROUND_ROBIN);
        }
    }

    @Test
    void customSelector_throughTheSpi() {
        AgentSelector alphabeticalLast = new AgentSelector() {
            @Override
            public String name() {
                return "alphabetical-last";
            }

            @Override
            public long rank(AgentCandidate agent, ContactCandidate contact) {
                return -agent.id().value().charAt(0);
            }
        };
        try (Centre centre = Centre.with(queue(alphabeticalLast))) {
            centre.ready("alice", p -> p.queue("service"));
            AgentId zoe = centre.ready("zoe", p -> p.queue("service"));
            centre.ready("mike", p -> p.queue("service"));
            ContactId c1 = centre.arrive("c1", "service");
            assertThat(centre.offered(zoe)).contains(c1);
        }
    }

    @Test
    void higherPriority_goesFirst_andEqualsAreFifo() {
        try (Centre centre = Centre.with(QueueConfig.builder("service").build())) {
            centre.arrive("low1", "service");
            centre.advanceSeconds(1);
            centre.arrive("low2", "service");
            centre.advanceSeconds(1);
            centre.arrive("high", VOICE, "service", r -> r.priority(10));
            AgentId a = centre.ready("a", p -> p.queue("service"));
            for (String expected : new String[] {"high", "low1", "low2"}) {
                ContactId id = ContactId.of(expected);
                centre.acceptOffer(a, id);
                centre.engine.complete(a, id);
            }
        }
    }

    @Test
    void ageing_letsALongWaitingLowPriorityContactOvertakeNewHighPriorityOnes() {
        // one priority point per 10 s: after 60 s a priority-0 contact ranks with a fresh priority 6
        QueueConfig service =
                QueueConfig.builder("service").ageing(Duration.ofSeconds(10)).build();
        try (Centre centre = Centre.with(service)) {
            centre.arrive("old", VOICE, "service", r -> r.priority(0));
            centre.advanceSeconds(61);
            centre.arrive("newer", VOICE, "service", r -> r.priority(5));
            AgentId a = centre.ready("a", p -> p.queue("service"));
            assertThat(centre.offered(a)).contains(ContactId.of("old"));
        }
    }

    @Test
    void tierBoost_addsPriorityPerTier() {
        QueueConfig service = QueueConfig.builder("service").tierBoost(5).build();
        try (Centre centre = Centre.with(service)) {
            centre.arrive("mass", VOICE, "service", r -> r.priority(3));
            centre.arrive("private", VOICE, "service", r -> r.tier(1));
            AgentId a = centre.ready("a", p -> p.queue("service"));
            assertThat(centre.offered(a)).contains(ContactId.of("private"));
        }
    }

    @Test
    void queueWeight_makesAnAgentPreferItsPrimaryQueue() {
        try (Centre centre = Centre.with(
                QueueConfig.builder("primary").build(),
                QueueConfig.builder("secondary").build())) {
            centre.arrive("s1", "secondary");
            centre.advanceSeconds(5);
            centre.arrive("p1", "primary");
            AgentId weighted = centre.ready(
                    "weighted", p -> p.queue(QueueId.of("primary"), 10).queue("secondary"));
            assertThat(centre.offered(weighted)).contains(ContactId.of("p1"));
            AgentId plain = centre.ready("plain", p -> p.queue("primary").queue("secondary"));
            assertThat(centre.offered(plain)).contains(ContactId.of("s1"));
        }
    }

    @Test
    void anAgentFreeOnOneChannelOnly_isGivenThatChannelsBestContact_notAnOlderOneElsewhere() {
        try (Centre centre = Centre.with(
                QueueConfig.builder("primary").build(),
                QueueConfig.builder("secondary").build())) {
            centre.arrive("voice-old", "secondary");
            centre.advanceSeconds(5);
            centre.arrive("chat", CHAT, "secondary", r -> {});
            centre.advanceSeconds(5);
            centre.arrive("voice-primary", "primary");
            // one voice and two chats at once, voice not blocking chat; the primary queue weighs 10
            AgentId agent = centre.ready(
                    "agent",
                    p -> p.queue(QueueId.of("primary"), 10)
                            .queue("secondary")
                            .capacity(AgentCapacity.builder()
                                    .channel(VOICE, 1)
                                    .channel(CHAT, 2)
                                    .build()));
            // free on both channels: the weight makes the newest voice contact the best of all three
            centre.acceptOffer(agent, ContactId.of("voice-primary"));
            // now free on chat alone: the chat, although the voice contact beside it waited longer
            assertThat(centre.offered(agent)).contains(ContactId.of("chat"));
            assertThat(centre.state(ContactId.of("voice-old"))).isEqualTo(ContactState.WAITING);
        }
    }
}
