package io.remotebank.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.channels.policy.ContactPolicy;
import io.remotebank.channels.simulator.SimulatedProvider;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** WeChat's 48-hour customer-service window, on a manual clock. */
class ServiceWindowTest {

    private static final Address.WeChatOpenId FOLLOWER =
            new Address.WeChatOpenId("wx0123456789abcdef", "o6_bmjrPTlm6_2sgVt7hMZOPfL2M");

    private final Fixture f = new Fixture(
            Instant.parse("2026-11-28T02:00:00Z"),
            b -> {},
            ContactPolicy.ofDefaults(),
            SimulatedProvider.builder()
                    .name("wechat-sim")
                    .channels(ContactChannel.WECHAT)
                    .build());

    @AfterEach
    void close() {
        f.close();
    }

    private SendResult sendText(String key) {
        return f.messaging.send(Message.builder(Recipient.of(FOLLOWER), Category.NOTIFICATION, key)
                .text("您好，您的问题已处理")
                .build());
    }

    private void followerWritesIn() {
        f.messaging.receive(new InboundMessage(
                FOLLOWER, "gh_0123456789ab", "人工客服", f.clock.instant(), "wechat-sim", Optional.empty()));
    }

    @Test
    void customerServiceMessage_toAFollowerWhoNeverWroteIn_isSuppressed_andAudited() {
        SendResult result = sendText("cs-1");

        assertThat(result)
                .isInstanceOfSatisfying(
                        SendResult.Suppressed.class,
                        s -> assertThat(s.reason()).isEqualTo(SuppressionReason.SERVICE_WINDOW));
        assertThat(f.auditActions()).contains("channels.policy.suppressed");
    }

    @Test
    void insideFortyEightHoursOfTheLastMessage_itGoes_andAfterwardsItIsSuppressed() {
        followerWritesIn();
        f.clock.advance(Duration.ofHours(47).plusMinutes(59));

        assertThat(sendText("cs-2")).isInstanceOf(SendResult.Accepted.class);

        f.clock.advance(Duration.ofMinutes(1));
        assertThat(sendText("cs-3"))
                .isInstanceOfSatisfying(
                        SendResult.Suppressed.class,
                        s -> assertThat(s.reason()).isEqualTo(SuppressionReason.SERVICE_WINDOW));
    }

    @Test
    void anEventCounts_butUnsubscribingDoesNot() {
        f.messaging.receive(new InboundMessage(
                FOLLOWER,
                "gh",
                "",
                f.clock.instant(),
                "wechat-sim",
                Optional.empty(),
                InboundKind.UNSUBSCRIBE,
                Optional.empty(),
                Map.of()));
        assertThat(sendText("cs-4")).isInstanceOf(SendResult.Suppressed.class);

        f.messaging.receive(new InboundMessage(
                FOLLOWER,
                "gh",
                "",
                f.clock.instant(),
                "wechat-sim",
                Optional.empty(),
                InboundKind.MENU_CLICK,
                Optional.empty(),
                Map.of("EventKey", "BALANCE")));
        assertThat(sendText("cs-5")).isInstanceOf(SendResult.Accepted.class);
    }

    @Test
    void templateMessages_areNotBoundByTheWindow() {
        SendResult result = f.messaging.send(Message.builder(Recipient.of(FOLLOWER), Category.OTP, "otp-1")
                .template("otp.login", Map.of("code", "493817"))
                .build());

        assertThat(result).isNotInstanceOf(SendResult.Suppressed.class);
    }

    @Test
    void windowIsConfigurable_andZeroRemovesIt() {
        ContactPolicy none = ContactPolicy.builder()
                .serviceWindow(ContactChannel.WECHAT, Duration.ZERO)
                .build();

        assertThat(none.serviceWindow(ContactChannel.WECHAT)).isEmpty();
        assertThat(ContactPolicy.ofDefaults().serviceWindow(ContactChannel.MINI_PROGRAM))
                .contains(Duration.ofHours(48));
        assertThat(ContactPolicy.ofDefaults().serviceWindow(ContactChannel.SMS)).isEmpty();
        assertThatThrownBy(() -> ContactPolicy.builder().serviceWindow(ContactChannel.WECHAT, Duration.ofDays(31)))
                .isInstanceOf(ValidationException.class);
    }
}
