package io.remotebank.examples.demo;

import io.remotebank.channels.Address;
import io.remotebank.channels.AddressDirectory;
import io.remotebank.channels.Category;
import io.remotebank.channels.Message;
import io.remotebank.channels.MessageId;
import io.remotebank.channels.MessageStatus;
import io.remotebank.channels.Messaging;
import io.remotebank.channels.Recipient;
import io.remotebank.channels.SendResult;
import io.remotebank.channels.StatusEvent;
import io.remotebank.channels.SuppressionReason;
import io.remotebank.channels.outbox.OutboxStores;
import io.remotebank.channels.spi.OutboxStore;
import io.remotebank.channels.template.ApprovalState;
import io.remotebank.channels.template.Template;
import io.remotebank.channels.template.TemplateRegistry;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.audit.AuditTrail;
import io.remotebank.core.consent.ConsentPurpose;
import io.remotebank.core.consent.ConsentRecord;
import io.remotebank.core.consent.ConsentRegistries;
import io.remotebank.core.spi.ConsentRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Act 4 of the bank day: the messaging API with its contact policy, an outbox and the bank's SMS
 * channel. The new customer gets a notification whose delivery receipt comes back; a marketing
 * message to a customer who never consented is suppressed; one at 21:00 waits for the morning.
 */
final class MessagingAct {

    private static final Duration RECEIPT_WAIT = Duration.ofSeconds(20);

    private final DemoClock clock;
    private final AuditTrail trail;
    private final Narrator narrator;
    private final Checks checks;
    private final BankDayDemo.Customers customers;
    private final DemoReport report;
    private final SmsChannel sms;
    private final Path outboxDirectory;

    MessagingAct(
            DemoClock clock,
            AuditTrail trail,
            Narrator narrator,
            Checks checks,
            BankDayDemo.Customers customers,
            DemoReport report,
            SmsChannel sms,
            Path outboxDirectory) {
        this.clock = clock;
        this.trail = trail;
        this.narrator = narrator;
        this.checks = checks;
        this.customers = customers;
        this.report = report;
        this.sms = sms;
        this.outboxDirectory = outboxDirectory;
    }

    void play() throws Exception {
        BankDayDemo.Customers.Applicant zhang = customers.zhang();
        BankDayDemo.Customers.Applicant li = customers.li();

        // The consent Zhang gave in the app during the video call; Li never gave any.
        ConsentRegistry consent = ConsentRegistries.inMemory();
        consent.record(ConsentRecord.granted(
                zhang.id(),
                ConsentPurpose.MARKETING_SMS,
                clock.instant(),
                ContactChannel.VIDEO,
                "video-account-opening:consent-form:v2"));

        TemplateRegistry templates = new TemplateRegistry()
                .register(Template.builder("account.opened", Category.NOTIFICATION)
                        .parameters("last4")
                        .text("【远程银行】您的账户（尾号{last4}）已开立成功，感谢您的信任。")
                        .approval(ApprovalState.APPROVED)
                        .build())
                .register(Template.builder("campaign.wealth-week", Category.MARKETING)
                        .parameters("rate")
                        .text("【远程银行】理财周：新客专享年化{rate}%产品，详询客户经理。回复TD退订")
                        .approval(ApprovalState.APPROVED)
                        .build());
        AddressDirectory directory = new AddressDirectory()
                .put(zhang.id(), Address.Msisdn.of(zhang.mobile()))
                .put(li.id(), Address.Msisdn.of(li.mobile()));

        Map<MessageId, CompletableFuture<StatusEvent>> finals = new ConcurrentHashMap<>();
        try (OutboxStore outbox = OutboxStores.h2(outboxDirectory.resolve("outbox")); // embedded, durable
                Messaging messaging = Messaging.builder()
                        .store(outbox)
                        .provider(sms.provider())
                        .auditTrail(trail)
                        .consentRegistry(consent)
                        .templates(templates)
                        .addressResolver(directory)
                        .clock(clock)
                        .pollInterval(Duration.ofMillis(20))
                        .build()) {
            messaging.addStatusListener(event -> {
                if (event.status().terminal()) {
                    finals.computeIfAbsent(event.id(), id -> new CompletableFuture<>())
                            .complete(event);
                }
            });
            messaging.start();
            narrator.say("SMS goes out through " + sms.description() + ".");

            // 1. A notification: due at once, submitted over SMPP, its delivery receipt comes back.
            SendResult opened = sms(messaging, zhang, Category.NOTIFICATION, "account.opened", Map.of("last4", "8821"));
            narrator.say("account-opened notification to " + zhang + ": " + describe(opened));
            StatusEvent receipt = null;
            if (opened instanceof SendResult.Accepted) {
                try {
                    receipt = finals.computeIfAbsent(opened.id(), id -> new CompletableFuture<>())
                            .get(RECEIPT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    receipt = null;
                }
            }
            boolean delivered = receipt != null && receipt.status() == MessageStatus.DELIVERED;
            narrator.say(
                    delivered
                            ? "delivery receipt: DELIVERED (SMSC id "
                                    + receipt.providerMessageId().orElse("?") + ")"
                            : "no delivery receipt within " + RECEIPT_WAIT.toSeconds() + " s");
            report.message(delivered ? "delivered" : "not delivered");
            narrator.say("the SMSC received " + sms.submitsReceived() + " submit_sm.");
            checks.expect(
                    "the notification is accepted, submitted and its delivery receipt arrives",
                    delivered,
                    receipt == null ? describe(opened) : receipt.status().name());

            // 2. Marketing to a customer without consent: the policy suppresses it before the outbox.
            SendResult noConsent =
                    sms(messaging, li, Category.MARKETING, "campaign.wealth-week", Map.of("rate", "2.8"));
            narrator.say("wealth-week offer to " + li + " (no marketing consent): " + describe(noConsent));
            boolean suppressed =
                    noConsent instanceof SendResult.Suppressed s && s.reason() == SuppressionReason.NO_CONSENT;
            report.message(suppressed ? "suppressed" : "not suppressed");
            checks.expect(
                    "marketing to a customer without consent is suppressed (NO_CONSENT)",
                    suppressed,
                    describe(noConsent));

            // 3. The same offer to the new customer, who consented, but at 21:00: quiet hours.
            ZonedDateTime nine = ZonedDateTime.of(
                    LocalDate.ofInstant(clock.instant(), BankDayDemo.BANK_ZONE),
                    LocalTime.of(21, 0),
                    BankDayDemo.BANK_ZONE);
            clock.advanceTo(nine.toInstant());
            narrator.say("the campaign tool runs again in the evening.");
            SendResult evening =
                    sms(messaging, zhang, Category.MARKETING, "campaign.wealth-week", Map.of("rate", "2.8"));
            narrator.say("wealth-week offer to " + zhang + " (consented): " + describe(evening));
            Instant eightNextDay = nine.plusDays(1).withHour(8).toInstant();
            boolean deferred =
                    evening instanceof SendResult.Deferred d && d.until().equals(eightNextDay);
            report.message(deferred ? "deferred" : "not deferred");
            checks.expect("marketing at 21:00 is deferred to 08:00 the next morning", deferred, describe(evening));
        } finally {
            sms.close();
        }
    }

    /** An SMS from a template to a customer; the idempotency key is the template and the customer. */
    private static SendResult sms(
            Messaging messaging,
            BankDayDemo.Customers.Applicant to,
            Category category,
            String template,
            Map<String, String> parameters) {
        return messaging.send(Message.builder(
                        Recipient.customer(to.id(), ContactChannel.SMS),
                        category,
                        template + ":" + to.id().value())
                .template(template, parameters)
                .build());
    }

    private String describe(SendResult result) {
        if (result instanceof SendResult.Accepted) {
            return "accepted";
        }
        if (result instanceof SendResult.Deferred d) {
            return "deferred until "
                    + ZonedDateTime.ofInstant(d.until(), BankDayDemo.BANK_ZONE).toLocalDateTime() + " (quiet hours)";
        }
        if (result instanceof SendResult.Suppressed s) {
            return "suppressed, " + s.reason();
        }
        SendResult.Rejected r = (SendResult.Rejected) result;
        return "rejected, " + r.reason() + " " + r.detail();
    }
}
