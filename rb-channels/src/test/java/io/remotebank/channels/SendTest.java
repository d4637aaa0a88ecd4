package io.remotebank.channels;

import static io.remotebank.channels.Fixture.ALICE;
import static io.remotebank.channels.Fixture.ALICE_SMS;
import static io.remotebank.channels.Fixture.BOB_SMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.channels.policy.ContactPolicy;
import io.remotebank.channels.spi.ProviderContent;
import io.remotebank.channels.spi.Submission;
import io.remotebank.channels.template.ApprovalState;
import io.remotebank.channels.template.ProviderMapping;
import io.remotebank.channels.template.Template;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.CustomerId;
import io.remotebank.core.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** send: accepted messages are stored, dispatched, reported; invalid ones are rejected; keys repeat results. */
class SendTest {

    private final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void otp_isAccepted_storedBeforeSendReturns_thenSubmittedAndDelivered() {
        SendResult result = f.messaging.send(Fixture.otp(ALICE_SMS, "otp:login:1"));

        assertThat(result).isInstanceOf(SendResult.Accepted.class);
        MessageRecord stored = f.record(result);
        assertThat(stored.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(stored.message().recipient().address()).contains(ALICE_SMS);
        assertThat(f.sms.submissions()).isEmpty();

        assertThat(f.messaging.dispatchDue()).isEqualTo(1);

        Submission sent = f.sms.submissions().get(0);
        assertThat(sent.id()).isEqualTo(result.id());
        assertThat(sent.attempt()).isEqualTo(1);
        assertThat(sent.content())
                .isEqualTo(new ProviderContent.Text("Your login code is 493817. It expires in 5 minutes."));
        assertThat(f.statuses(result.id())).containsExactly(MessageStatus.SUBMITTED, MessageStatus.DELIVERED);
        MessageRecord after = f.record(result);
        assertThat(after.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(after.attempts()).isEqualTo(1);
        assertThat(after.provider()).contains("simulator");
        assertThat(after.providerMessageId()).contains(f.sms.delivered().get(result.id()));
        assertThat(f.auditActions()).containsExactly("channels.policy.accepted");
    }

    @Test
    void repeatedKey_returnsTheFirstResult_andSendsOnce() {
        SendResult first = f.messaging.send(Fixture.otp(ALICE_SMS, "otp:login:2"));
        SendResult again = f.messaging.send(Fixture.otp(BOB_SMS, "otp:login:2"));

        assertThat(again).isEqualTo(first);
        f.messaging.dispatchDue();
        assertThat(f.sms.submissions()).hasSize(1);
        assertThat(f.messaging.find(ContactChannel.SMS, IdempotencyKey.of("otp:login:2")))
                .map(MessageRecord::id)
                .contains(first.id());
        assertThat(f.auditActions()).hasSize(1);
    }

    @Test
    void repeatedKey_returnsTheFirstResult_evenWhenThatWasARejection() {
        Message bad = Message.builder(Recipient.of(ALICE_SMS), Category.OTP, "otp:3")
                .template("otp.login", Map.of())
                .build();
        SendResult first = f.messaging.send(bad);
        SendResult again = f.messaging.send(Fixture.otp(ALICE_SMS, "otp:3"));

        assertThat(first).isInstanceOf(SendResult.Rejected.class);
        assertThat(again).isEqualTo(first);
    }

    @Test
    void customerAndChannel_resolveTheAddress() {
        Message m = Message.builder(Recipient.customer(ALICE, ContactChannel.SMS), Category.TRANSACTIONAL, "tx:1")
                .text("A debit of CNY 20.00 on your card ending 0123.")
                .build();

        SendResult result = f.messaging.send(m);

        assertThat(result).isInstanceOf(SendResult.Accepted.class);
        assertThat(f.record(result).message().recipient().address()).contains(ALICE_SMS);
        f.messaging.dispatchDue();
        assertThat(f.sms.submissions())
                .singleElement()
                .satisfies(s -> assertThat(s.address()).isEqualTo(ALICE_SMS));
    }

    @Test
    void customerWithoutAnAddressOnTheChannel_isRejected() {
        Message m = Message.builder(
                        Recipient.customer(CustomerId.of("C404"), ContactChannel.SMS), Category.NOTIFICATION, "n:1")
                .text("Your statement is ready.")
                .build();

        SendResult result = f.messaging.send(m);

        assertThat(result)
                .isInstanceOfSatisfying(
                        SendResult.Rejected.class, r -> assertThat(r.reason()).isEqualTo(RejectionReason.NO_ADDRESS));
        assertThat(f.record(result).status()).isEqualTo(MessageStatus.REJECTED);
        assertThat(f.messaging.dispatchDue()).isZero();
        assertThat(f.auditActions()).containsExactly("channels.message.rejected");
    }

    @Test
    void unknownTemplate_missingOrUndeclaredParameters_wrongCategory_areRejected() {
        assertRejected(
                Message.builder(Recipient.of(ALICE_SMS), Category.OTP, "k1")
                        .template("otp.nope", Map.of("code", "1"))
                        .build(),
                RejectionReason.UNKNOWN_TEMPLATE);
        assertRejected(
                Message.builder(Recipient.of(ALICE_SMS), Category.OTP, "k2")
                        .template("otp.login", Map.of("code", "1", "extra", "x"))
                        .build(),
                RejectionReason.TEMPLATE_PARAMETERS);
        assertRejected(
                Message.builder(Recipient.of(ALICE_SMS), Category.TRANSACTIONAL, "k3")
                        .template("otp.login", Map.of("code", "1"))
                        .build(),
                RejectionReason.TEMPLATE_CATEGORY);
        assertThat(f.messaging.dispatchDue()).isZero();
    }

    @Test
    void deadlineAlreadyPassed_isRejected() {
        Message m = Message.builder(Recipient.of(ALICE_SMS), Category.OTP, "late")
                .template("otp.login", Map.of("code", "1"))
                .deadline(f.clock.instant())
                .build();
        assertRejected(m, RejectionReason.DEADLINE_PASSED);
    }

    @Test
    void channelWithoutProvider_isRejected_andTemplateWithoutMappingForTheProvider_too() {
        Message wechat = Message.builder(
                        Recipient.of(new Address.WeChatOpenId("wx0123456789abcdef", "o6_bmjrPTlm6_2sgVt7hMZOPfL2M")),
                        Category.NOTIFICATION,
                        "w1")
                .text("hello")
                .build();
        assertRejected(wechat, RejectionReason.NO_PROVIDER);

        f.templates.register(Template.builder("notice.aliyun-only", Category.NOTIFICATION)
                .mapping("aliyun", new ProviderMapping.TemplateCode("SMS_153055065"))
                .approval(ApprovalState.APPROVED)
                .build());
        assertRejected(
                Message.builder(Recipient.of(ALICE_SMS), Category.NOTIFICATION, "n2")
                        .template("notice.aliyun-only", Map.of())
                        .build(),
                RejectionReason.NO_TEMPLATE_MAPPING);
    }

    @Test
    void templateCodeMapping_reachesTheProviderAsAReference() {
        f.templates.register(Template.builder("notice.statement", Category.NOTIFICATION)
                .parameters("month")
                .mapping("simulator", new ProviderMapping.TemplateCode("SMS_153055065"))
                .approval(ApprovalState.APPROVED)
                .build());
        f.messaging.send(Message.builder(Recipient.of(ALICE_SMS), Category.NOTIFICATION, "st:11")
                .template("notice.statement", Map.of("month", "2026-11"))
                .build());

        f.messaging.dispatchDue();

        assertThat(f.sms.submissions().get(0).content())
                .isEqualTo(new ProviderContent.TemplateReference(
                        io.remotebank.channels.template.TemplateId.of("notice.statement"),
                        "SMS_153055065",
                        Map.of("month", "2026-11")));
    }

    @Test
    void sendAfterClose_fails_andBuilderRefusesIncompleteConfiguration() {
        f.messaging.close();
        assertThatThrownBy(() -> f.messaging.send(Fixture.otp(ALICE_SMS, "x")))
                .isInstanceOf(ChannelsException.class)
                .satisfies(e -> assertThat(((ChannelsException) e).code()).isEqualTo(ChannelsError.CLOSED));

        assertThatThrownBy(() -> Messaging.builder().build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("outbox store");
        assertThatThrownBy(() -> Messaging.builder().store(f.store).build()).hasMessageContaining("provider");
        assertThatThrownBy(() -> Messaging.builder()
                        .store(f.store)
                        .provider(io.remotebank.channels.simulator.SimulatedProvider.sms())
                        .build())
                .hasMessageContaining("audit trail");
        assertThatThrownBy(() -> Messaging.builder()
                        .provider(io.remotebank.channels.simulator.SimulatedProvider.sms())
                        .provider(io.remotebank.channels.simulator.SimulatedProvider.sms()))
                .hasMessageContaining("sms already has provider simulator");
        assertThatThrownBy(() -> Messaging.builder()
                        .store(f.store)
                        .provider(io.remotebank.channels.simulator.SimulatedProvider.sms())
                        .auditTrail(f.trail)
                        .lease(Duration.ofSeconds(5))
                        .submitTimeout(Duration.ofSeconds(5))
                        .build())
                .hasMessageContaining("must be longer than the submit timeout");
        assertThatThrownBy(() -> Messaging.builder().batchSize(0)).hasMessageContaining("batch size");
        assertThatThrownBy(() -> Messaging.builder().pollInterval(Duration.ofMillis(1)))
                .hasMessageContaining("poll interval");
    }

    @Test
    void backgroundDispatcher_sendsWithoutBeingAsked() throws Exception {
        try (Fixture live = new Fixture(
                Instant.parse("2026-11-28T02:00:00Z"),
                b -> b.pollInterval(Duration.ofMillis(20)),
                ContactPolicy.ofDefaults())) {
            CountDownLatch delivered = new CountDownLatch(1);
            live.messaging.addStatusListener(e -> {
                if (e.status() == MessageStatus.DELIVERED) {
                    delivered.countDown();
                }
            });
            live.messaging.start();
            SendResult r = live.messaging.send(Fixture.otp(ALICE_SMS, "bg:1"));

            assertThat(delivered.await(30, TimeUnit.SECONDS)).as("delivered").isTrue();
            assertThat(live.statuses(r.id())).containsExactly(MessageStatus.SUBMITTED, MessageStatus.DELIVERED);
        }
    }

    private void assertRejected(Message m, RejectionReason reason) {
        SendResult result = f.messaging.send(m);
        assertThat(result).isInstanceOfSatisfying(SendResult.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(reason);
            assertThat(r.detail()).isNotBlank();
        });
        assertThat(f.record(result).status()).isEqualTo(MessageStatus.REJECTED);
        assertThat(List.of(f.auditActions().get(f.auditActions().size() - 1)))
                .containsExactly("channels.message.rejected");
    }
}
