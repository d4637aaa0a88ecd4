package io.remotebank.routing;

import static io.remotebank.core.ContactChannel.CHAT;
import static io.remotebank.core.ContactChannel.VIDEO;
import static io.remotebank.core.ContactChannel.VOICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.core.AgentId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentModelTest {

    private static QueueConfig service() {
        return QueueConfig.builder("service").wrapUp(Duration.ofSeconds(30)).build();
    }

    @Test
    void agentState_followsItsContacts_throughTheWholeCycle() {
        try (Centre centre = Centre.with(service())) {
            centre.engine.addAgent(AgentProfile.builder("a1").queue("service").build());
            AgentId a1 = AgentId.of("a1");
            assertThat(centre.state(a1)).isEqualTo(AgentState.LOGGED_OUT);
            centre.engine.login(a1);
            assertThat(centre.engine.agent(a1).state()).isEqualTo(AgentState.NOT_READY);
            assertThat(centre.engine.agent(a1).notReadyReason()).contains("login");
            centre.engine.ready(a1);
            assertThat(centre.state(a1)).isEqualTo(AgentState.READY);

            ContactId c1 = centre.arrive("c1", "service");
            assertThat(centre.state(a1)).isEqualTo(AgentState.RESERVED);
            centre.acceptOffer(a1, c1);
            assertThat(centre.state(a1)).isEqualTo(AgentState.BUSY);
            assertThat(centre.state(c1)).isEqualTo(ContactState.CONNECTED);
            centre.engine.complete(a1, c1);
            assertThat(centre.state(a1)).isEqualTo(AgentState.WRAP_UP);
            assertThat(centre.engine.contact(c1)).isEmpty();
            centre.advanceSeconds(29);
            assertThat(centre.state(a1)).isEqualTo(AgentState.WRAP_UP);
            centre.advanceSeconds(1);
            assertThat(centre.state(a1)).isEqualTo(AgentState.READY);

            centre.engine.notReady(a1, "lunch");
            assertThat(centre.engine.agent(a1).notReadyReason()).contains("lunch");
            centre.engine.logout(a1);
            assertThat(centre.state(a1)).isEqualTo(AgentState.LOGGED_OUT);
            assertThat(centre.events(RoutingEvent.AgentStateChanged.class))
                    .extracting(RoutingEvent.AgentStateChanged::to)
                    .containsExactly(
                            AgentState.NOT_READY,
                            AgentState.READY,
                            AgentState.RESERVED,
                            AgentState.BUSY,
                            AgentState.WRAP_UP,
                            AgentState.READY,
                            AgentState.NOT_READY,
                            AgentState.LOGGED_OUT);
        }
    }

    @Test
    void chatAgent_takesThreeChats_andTheFourthWaits() {
        try (Centre centre = Centre.with(service())) {
            AgentId a1 = centre.ready("a1", p -> p.queue("service"));
            for (int i = 1; i <= 4; i++) {
                ContactId chat = centre.arrive("chat" + i, CHAT, "service", r -> {});
                if (i <= 3) {
                    centre.acceptOffer(a1, chat);
                }
            }
            assertThat(centre.engine.agent(a1).connected()).hasSize(3);
            assertThat(centre.state(ContactId.of("chat4"))).isEqualTo(ContactState.WAITING);
            assertThat(centre.engine.agent(a1).state()).isEqualTo(AgentState.BUSY);
            centre.engine.complete(a1, ContactId.of("chat1"));
            centre.engine.endWrapUp(a1, ContactId.of("chat1"));
            assertThat(centre.offered(a1)).contains(ContactId.of("chat4"));
        }
    }

    @Test
    void voiceCall_blocksChatAndVideo_andChatBlocksVoice_inTheStandardCapacity() {
        try (Centre centre = Centre.with(service())) {
            AgentId a1 = centre.ready("a1", p -> p.queue("service"));
            ContactId call = centre.arrive("call", "service");
            centre.acceptOffer(a1, call);
            centre.arrive("chat", CHAT, "service", r -> {});
            centre.arrive("video", VIDEO, "service", r -> {});
            assertThat(centre.offered(a1)).isEmpty();
            centre.engine.complete(a1, call);
            centre.engine.endWrapUp(a1, call);
            // the chat arrived before the video, so it goes first; then voice and video stay blocked
            centre.acceptOffer(a1, ContactId.of("chat"));
            centre.arrive("call2", VOICE, "service", r -> {});
            assertThat(centre.offered(a1)).isEmpty();
        }
    }

    @Test
    void customCapacity_withoutBlocking_allowsAVoiceCallBesideChats() {
        AgentCapacity capacity =
                AgentCapacity.builder().channel(VOICE, 1).channel(CHAT, 2).build();
        try (Centre centre = Centre.with(service())) {
            AgentId a1 = centre.ready("a1", p -> p.queue("service").capacity(capacity));
            centre.acceptOffer(a1, centre.arrive("chat", CHAT, "service", r -> {}));
            centre.acceptOffer(a1, centre.arrive("call", VOICE, "service", r -> {}));
            assertThat(centre.engine.agent(a1).connected()).hasSize(2);
            centre.arrive("video", VIDEO, "service", r -> {});
            assertThat(centre.offered(a1)).isEmpty(); // no video slots at all
            assertThat(capacity.channels()).containsExactlyInAnyOrder(VOICE, CHAT);
        }
    }

    @Test
    void contact_needsSkillProficiencyAndLanguage() {
        try (Centre centre = Centre.with(service())) {
            AgentId novice = centre.ready(
                    "novice", p -> p.queue("service").skill("loans", 2).languages("zh"));
            AgentId expertEn = centre.ready(
                    "expertEn", p -> p.queue("service").skill("loans", 5).languages("en"));
            ContactId c1 = centre.arrive(
                    "c1", VOICE, "service", r -> r.skill("loans", 4).language("zh"));
            assertThat(centre.offered(novice)).isEmpty();
            assertThat(centre.offered(expertEn)).isEmpty();
            assertThat(centre.state(c1)).isEqualTo(ContactState.WAITING);
            AgentId expertZh = centre.ready(
                    "expertZh", p -> p.queue("service").skill("loans", 4).languages("ZH", "yue"));
            assertThat(centre.offered(expertZh)).contains(c1);
        }
    }

    @Test
    void agentProfile_update_changesEligibility_andKeepsContactsInHand() {
        try (Centre centre = Centre.with(service())) {
            AgentId a1 = centre.ready("a1", p -> p.queue("service").skill("cards", 1));
            ContactId first = centre.arrive("first", CHAT, "service", r -> {});
            centre.acceptOffer(a1, first);
            ContactId fraud = centre.arrive("fraud", CHAT, "service", r -> r.skill("fraud", 3));
            assertThat(centre.offered(a1)).isEmpty();
            AgentProfile updated = AgentProfile.builder("a1")
                    .queue("service")
                    .skill("fraud", 3)
                    .build();
            centre.engine.updateAgent(updated);
            assertThat(centre.offered(a1)).contains(fraud);
            assertThat(centre.engine.agent(a1).connected()).containsExactly(first);
        }
    }

    @Test
    void logout_isRefusedWhileHoldingContacts_andRemoveNeedsLogout() {
        try (Centre centre = Centre.with(service())) {
            AgentId a1 = centre.ready("a1", p -> p.queue("service"));
            ContactId c1 = centre.arrive("c1", "service");
            assertThat(centre.engine.agent(a1).pendingOffer()).contains(c1);
            RoutingException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                    () -> centre.engine.logout(a1), RoutingException.class);
            assertThat(e.code()).isEqualTo(RoutingError.ILLEGAL_STATE);
            assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                                    () -> centre.engine.removeAgent(a1), RoutingException.class)
                            .code())
                    .isEqualTo(RoutingError.ILLEGAL_STATE);
            centre.engine.reject(a1, c1);
            centre.engine.logout(a1);
            centre.engine.removeAgent(a1);
            assertThat(centre.engine.agents()).isEmpty();
            assertThat(List.of(centre.state(c1))).containsExactly(ContactState.WAITING);
        }
    }
}
