package io.remotebank.channels;

import static io.remotebank.channels.Fixture.ALICE;
import static io.remotebank.channels.Fixture.ALICE_SMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.channels.policy.ContactPolicy;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.CustomerId;
import io.remotebank.core.consent.ConsentPurpose;
import io.remotebank.core.consent.ConsentState;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Inbound messages: opt-out replies withdraw consent before the application sees anything. */
class InboundTest {

    private final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TD", "td", " T ", "R", "退订", "【退订】", "ＴＤ", "TD。", "unsubscribe", "STOP!"})
    void optOutReply_withdrawsConsent_andNeverReachesTheApplication(String text) {
        f.grantMarketing(ALICE);
        assertThat(f.messaging.send(Fixture.marketing(ALICE, "before"))).isInstanceOf(SendResult.Accepted.class);

        f.sms.simulateInbound(ALICE_SMS, "10655", text);

        assertThat(f.inbound).isEmpty();
        assertThat(f.consent.current(ALICE, ConsentPurpose.MARKETING_SMS)).hasValueSatisfying(r -> {
            assertThat(r.state()).isEqualTo(ConsentState.WITHDRAWN);
            assertThat(r.channel()).isEqualTo(ContactChannel.SMS);
            assertThat(r.evidence()).startsWith("inbound-opt-out:simulator:");
        });
        assertThat(f.auditActions()).last().isEqualTo("channels.optout.recorded");
        SendResult after = f.messaging.send(Fixture.marketing(ALICE, "after"));
        assertThat(after)
                .isInstanceOfSatisfying(
                        SendResult.Suppressed.class,
                        s -> assertThat(s.reason()).isEqualTo(SuppressionReason.OPTED_OUT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TD Bank branch hours?", "1", "Thanks", "退订了吗", "TDTD", ""})
    void otherTexts_reachTheApplication_andChangeNoConsent(String text) {
        f.grantMarketing(ALICE);
        f.sms.simulateInbound(ALICE_SMS, "10655", text);

        assertThat(f.inbound).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo(text);
            assertThat(m.from()).isEqualTo(ALICE_SMS);
            assertThat(m.toString()).doesNotContain("13812345678");
        });
        assertThat(f.consent.isGranted(ALICE, ConsentPurpose.MARKETING_SMS)).isTrue();
    }

    @Test
    void optOut_fromAnUnknownAddress_isAuditedAsUnmatched() {
        f.sms.simulateInbound(Address.Msisdn.of("13900001111"), "10655", "TD");

        assertThat(f.inbound).isEmpty();
        assertThat(f.auditActions()).containsExactly("channels.optout.unmatched");
        assertThat(f.auditJson().get(0)).contains("+86139****1111").doesNotContain("13900001111");
    }

    @Test
    void configuredKeywords_andAnInboundWithItsCustomer_fromAWebhook() {
        try (Fixture g = new Fixture(
                Instant.parse("2026-11-28T02:00:00Z"),
                b -> {},
                ContactPolicy.builder().addOptOutKeywords("QX").build())) {
            CustomerId eve = CustomerId.of("C2001");
            g.grantMarketing(eve);
            g.messaging.receive(new InboundMessage(
                    Address.Msisdn.of("13600001111"), "10655", "qx", g.clock.instant(), "gateway", Optional.of(eve)));
            assertThat(g.consent.isGranted(eve, ConsentPurpose.MARKETING_SMS)).isFalse();
            assertThat(g.messaging.policy().optOutKeywords()).contains("QX", "TD", "退订");
        }
    }

    @Test
    void keywordsAreValidated() {
        assertThatThrownBy(() ->
                        ContactPolicy.builder().optOutKeywords(Set.of("  ")).build())
                .hasMessageContaining("opt-out keyword");
        assertThatThrownBy(() -> ContactPolicy.builder().optOutKeywords(Set.of()))
                .hasMessageContaining("1 to 100");
        assertThat(ContactPolicy.builder().optOutKeywords(Set.of("退订")).build().isOptOut("TD"))
                .isFalse();
    }

    @Test
    void aFailingInboundListener_doesNotStopTheOthers() {
        f.messaging.addInboundListener(m -> {
            throw new IllegalStateException("boom");
        });
        java.util.List<InboundMessage> second = new java.util.ArrayList<>();
        f.messaging.addInboundListener(second::add);
        f.sms.simulateInbound(ALICE_SMS, "10655", "hello");
        assertThat(second).hasSize(1);
        assertThat(f.inbound).hasSize(1);
    }

    @Test
    void unsubscribeEvent_withdrawsTheWeChatPurpose_andNeverReachesTheApplication() {
        Address.WeChatOpenId follower = new Address.WeChatOpenId("wx0123456789abcdef", "o6_bmjrPTlm6_2sgVt7hMZOPfL2M");
        f.directory.put(ALICE, follower);
        f.consent.record(io.remotebank.core.consent.ConsentRecord.granted(
                ALICE,
                ConsentPurpose.MARKETING_WECHAT,
                f.clock.instant().minusSeconds(86_400),
                ContactChannel.WECHAT,
                "test"));

        f.messaging.receive(new InboundMessage(
                follower,
                "gh_0123456789ab",
                "",
                f.clock.instant(),
                "wechat:wx0123456789abcdef",
                Optional.empty(),
                InboundKind.UNSUBSCRIBE,
                Optional.empty(),
                java.util.Map.of("Event", "unsubscribe")));

        assertThat(f.inbound).isEmpty();
        assertThat(f.consent.current(ALICE, ConsentPurpose.MARKETING_WECHAT)).hasValueSatisfying(r -> {
            assertThat(r.state()).isEqualTo(ConsentState.WITHDRAWN);
            assertThat(r.evidence()).startsWith("inbound-unsubscribe:wechat:wx0123456789abcdef:");
        });
        assertThat(f.auditActions()).last().isEqualTo("channels.optout.recorded");
    }

    @Test
    void optOutKeyword_inAnImageOrVoiceMessage_isNotAnOptOut() {
        f.grantMarketing(ALICE);

        f.messaging.receive(new InboundMessage(
                ALICE_SMS,
                "10655",
                "TD",
                f.clock.instant(),
                "gateway",
                Optional.empty(),
                InboundKind.VOICE,
                Optional.of("42"),
                java.util.Map.of()));

        assertThat(f.inbound)
                .singleElement()
                .satisfies(m -> assertThat(m.kind()).isEqualTo(InboundKind.VOICE));
        assertThat(f.consent.isGranted(ALICE, ConsentPurpose.MARKETING_SMS)).isTrue();
    }

    @Test
    void inboundWithoutACustomer_reachesListenersWithTheResolversCustomer() {
        f.sms.simulateInbound(ALICE_SMS, "10655", "hello");

        assertThat(f.inbound)
                .singleElement()
                .satisfies(m -> assertThat(m.customer()).contains(ALICE));
    }
}
