package io.remotebank.channels;

import static io.remotebank.channels.Fixture.ALICE;
import static io.remotebank.channels.Fixture.ALICE_SMS;
import static io.remotebank.channels.Fixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.channels.policy.ContactPolicy;
import io.remotebank.channels.policy.FrequencyCap;
import io.remotebank.channels.policy.QuietHours;
import io.remotebank.channels.policy.QuietHoursAction;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.consent.ConsentPurpose;
import io.remotebank.core.consent.ConsentRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The contact policy on a manual clock: quiet hours across zones and DST, consent, templates, caps. */
class PolicyTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static Fixture at(String instant) {
        return at(instant, ContactPolicy.ofDefaults());
    }

    private static Fixture at(String instant, ContactPolicy policy) {
        Fixture f = new Fixture(Instant.parse(instant), b -> {}, policy);
        f.grantMarketing(ALICE);
        f.grantMarketing(BOB);
        return f;
    }

    private static Message marketingIn(ZoneId zone, String key) {
        return Message.builder(Recipient.of(ALICE_SMS, ALICE), Category.MARKETING, key)
                .template("campaign.card-upgrade", Map.of("name", "Alice"))
                .zone(zone)
                .build();
    }

    /** The default window is 08:00 (inclusive) to 20:00 (exclusive) in Asia/Shanghai, UTC+8. */
    @ParameterizedTest
    @CsvSource({
        "2026-11-28T00:00:00Z, 2026-11-28T00:00:00Z", // 08:00 Shanghai: open
        "2026-11-28T11:59:59Z, 2026-11-28T11:59:59Z", // 19:59:59: open
        "2026-11-28T12:00:00Z, 2026-11-29T00:00:00Z", // 20:00: closed until 08:00 tomorrow
        "2026-11-28T13:00:00Z, 2026-11-29T00:00:00Z", // 21:00
        "2026-11-27T23:59:59Z, 2026-11-28T00:00:00Z", // 07:59:59: opens in a second
        "2026-11-27T17:00:00Z, 2026-11-28T00:00:00Z", // 01:00
    })
    void marketing_inTheDefaultZone_isQueuedForTheWindow(String now, String due) {
        try (Fixture f = at(now)) {
            SendResult r = f.messaging.send(Fixture.marketing(ALICE, "m"));
            if (now.equals(due)) {
                assertThat(r).isInstanceOf(SendResult.Accepted.class);
            } else {
                assertThat(r).isEqualTo(new SendResult.Deferred(r.id(), Instant.parse(due)));
                assertThat(f.record(r).dueAt()).isEqualTo(Instant.parse(due));
            }
        }
    }

    @Test
    void deferredMarketing_isNotSentBeforeTheWindow_andIsSentWhenItOpens() {
        try (Fixture f = at("2026-11-28T13:00:00Z")) { // 21:00 in Shanghai
            SendResult r = f.messaging.send(Fixture.marketing(ALICE, "campaign-42:C1001"));
            assertThat(r).isInstanceOf(SendResult.Deferred.class);

            f.clock.advance(Duration.ofHours(10).plusMinutes(59)); // 07:59
            assertThat(f.messaging.dispatchDue()).isZero();
            f.clock.advance(Duration.ofMinutes(1)); // 08:00
            assertThat(f.messaging.dispatchDue()).isEqualTo(1);

            assertThat(f.sms.submissions()).hasSize(1);
            assertThat(f.statuses(r.id())).containsExactly(MessageStatus.SUBMITTED, MessageStatus.DELIVERED);
            assertThat(f.auditActions()).containsExactly("channels.policy.deferred");
        }
    }

    @Test
    void otpAndTransactional_goAtAnyTime() {
        try (Fixture f = at("2026-11-27T19:00:00Z")) { // 03:00 in Shanghai
            assertThat(f.messaging.send(Fixture.otp(ALICE_SMS, "otp"))).isInstanceOf(SendResult.Accepted.class);
            assertThat(f.messaging.send(Message.builder(Recipient.of(ALICE_SMS), Category.TRANSACTIONAL, "tx")
                            .text("A debit of CNY 20.00.")
                            .build()))
                    .isInstanceOf(SendResult.Accepted.class);
        }
    }

    @Test
    void zone_comesFromTheMessage_thenTheResolver_thenTheDefault() {
        // 13:00Z: 21:00 in Shanghai (closed), 08:00 in New York (open), 13:00 in London (open).
        try (Fixture f = at("2026-11-28T13:00:00Z")) {
            assertThat(f.messaging.send(marketingIn(NEW_YORK, "ny"))).isInstanceOf(SendResult.Accepted.class);
            assertThat(f.messaging.send(Fixture.marketing(ALICE, "default"))).isInstanceOf(SendResult.Deferred.class);
            f.directory.zone(ALICE, LONDON);
            assertThat(f.messaging.send(Fixture.marketing(ALICE, "resolver"))).isInstanceOf(SendResult.Accepted.class);
        }
    }

    @Test
    void springForward_inNewYork_theWindowOpensAtEightLocal_whichIsOneHourEarlierInUtc() {
        // 2026-03-08: clocks go from 02:00 EST to 03:00 EDT. 05:00Z is 00:00 EST.
        try (Fixture f = at("2026-03-08T05:00:00Z")) {
            SendResult r = f.messaging.send(marketingIn(NEW_YORK, "dst-1"));
            // 08:00 EDT is 12:00Z; with the offset of midnight (-5) it would wrongly be 13:00Z.
            assertThat(r).isEqualTo(new SendResult.Deferred(r.id(), Instant.parse("2026-03-08T12:00:00Z")));
        }
    }

    @Test
    void springForward_aWindowStartingInTheGap_opensRightAfterTheGap() {
        ContactPolicy policy = ContactPolicy.builder()
                .quietHours(
                        Category.MARKETING,
                        QuietHours.sendBetween(LocalTime.of(2, 30), LocalTime.of(20, 0)),
                        QuietHoursAction.DEFER)
                .build();
        // 06:00Z is 01:00 EST; 02:30 does not exist that day, so the window opens at 03:30 EDT = 07:30Z.
        try (Fixture f = at("2026-03-08T06:00:00Z", policy)) {
            SendResult r = f.messaging.send(marketingIn(NEW_YORK, "dst-gap"));
            assertThat(r).isEqualTo(new SendResult.Deferred(r.id(), Instant.parse("2026-03-08T07:30:00Z")));
        }
    }

    @Test
    void fallBack_inLondon_theWindowOpensAtEightGmt() {
        // 2026-10-25: clocks go from 02:00 BST back to 01:00 GMT. 20:30Z on the 24th is 21:30 BST.
        try (Fixture f = at("2026-10-24T20:30:00Z")) {
            SendResult r = f.messaging.send(marketingIn(LONDON, "dst-2"));
            // 08:00 GMT is 08:00Z; with the evening's offset (+1) it would wrongly be 07:00Z.
            assertThat(r).isEqualTo(new SendResult.Deferred(r.id(), Instant.parse("2026-10-25T08:00:00Z")));
        }
    }

    @Test
    void fallBack_aWindowStartingAtARepeatedTime_opensAtItsFirstOccurrence() {
        ContactPolicy policy = ContactPolicy.builder()
                .quietHours(
                        Category.MARKETING,
                        QuietHours.sendBetween(LocalTime.of(1, 30), LocalTime.of(5, 0)),
                        QuietHoursAction.DEFER)
                .build();
        // 00:00Z is 01:00 BST; 01:30 happens at 00:30Z (BST) and again at 01:30Z (GMT).
        try (Fixture f = at("2026-10-25T00:00:00Z", policy)) {
            SendResult r = f.messaging.send(marketingIn(LONDON, "dst-3"));
            assertThat(r).isEqualTo(new SendResult.Deferred(r.id(), Instant.parse("2026-10-25T00:30:00Z")));
        }
    }

    @Test
    void windowOverMidnight_allowsLateEvening_andDefersTheAfternoon() {
        ContactPolicy policy = ContactPolicy.builder()
                .quietHours(
                        Category.NOTIFICATION,
                        QuietHours.sendBetween(LocalTime.of(22, 0), LocalTime.of(2, 0)),
                        QuietHoursAction.DEFER)
                .build();
        try (Fixture f = at("2026-11-28T15:00:00Z", policy)) { // 23:00 Shanghai
            Message m = Message.builder(Recipient.of(ALICE_SMS), Category.NOTIFICATION, "night")
                    .text("Maintenance tonight.")
                    .build();
            assertThat(f.messaging.send(m)).isInstanceOf(SendResult.Accepted.class);
            f.clock.advance(Duration.ofHours(4)); // 03:00
            Message later = Message.builder(Recipient.of(ALICE_SMS), Category.NOTIFICATION, "night-2")
                    .text("Maintenance tonight.")
                    .build();
            SendResult r = f.messaging.send(later);
            assertThat(r).isEqualTo(new SendResult.Deferred(r.id(), Instant.parse("2026-11-29T14:00:00Z")));
        }
    }

    @Test
    void quietHoursConfiguredToSuppress_suppress() {
        ContactPolicy policy = ContactPolicy.builder()
                .quietHours(
                        Category.MARKETING,
                        QuietHours.sendBetween(LocalTime.of(9, 0), LocalTime.of(18, 0)),
                        QuietHoursAction.SUPPRESS)
                .build();
        try (Fixture f = at("2026-11-28T12:00:00Z", policy)) { // 20:00 Shanghai
            SendResult r = f.messaging.send(Fixture.marketing(ALICE, "q"));
            assertSuppressed(f, r, SuppressionReason.QUIET_HOURS);
            assertThat(((SendResult.Suppressed) r).detail()).contains("09:00-18:00 Asia/Shanghai");
        }
    }

    @Test
    void deadlineBeforeTheWindowOpens_suppresses() {
        try (Fixture f = at("2026-11-28T13:00:00Z")) {
            Message m = Message.builder(Recipient.customer(ALICE, ContactChannel.SMS), Category.MARKETING, "dl")
                    .template("campaign.card-upgrade", Map.of("name", "Alice"))
                    .deadline(Instant.parse("2026-11-28T23:00:00Z"))
                    .build();
            assertSuppressed(f, f.messaging.send(m), SuppressionReason.QUIET_HOURS);
        }
    }

    @Test
    void consent_noCustomer_neverGranted_withdrawn_grantedLater_granted() {
        try (Fixture f = at("2026-11-28T02:00:00Z")) {
            Message toAddress = Message.builder(Recipient.of(ALICE_SMS), Category.MARKETING, "c0")
                    .template("campaign.card-upgrade", Map.of("name", "Alice"))
                    .build();
            assertSuppressed(f, f.messaging.send(toAddress), SuppressionReason.NO_CONSENT);

            io.remotebank.core.CustomerId carol = io.remotebank.core.CustomerId.of("C1003");
            f.directory.put(carol, Address.Msisdn.of("13912345678"));
            assertSuppressed(f, f.messaging.send(Fixture.marketing(carol, "c1")), SuppressionReason.NO_CONSENT);

            // Consent given only in the future does not count now.
            f.consent.record(ConsentRecord.granted(
                    carol,
                    ConsentPurpose.MARKETING_SMS,
                    f.clock.instant().plusSeconds(60),
                    ContactChannel.APP_PUSH,
                    "form:v3/2"));
            assertSuppressed(f, f.messaging.send(Fixture.marketing(carol, "c2")), SuppressionReason.NO_CONSENT);

            f.consent.record(ConsentRecord.withdrawn(
                    ALICE, ConsentPurpose.MARKETING_SMS, f.clock.instant(), ContactChannel.APP_PUSH, "settings:2"));
            assertSuppressed(f, f.messaging.send(Fixture.marketing(ALICE, "c3")), SuppressionReason.OPTED_OUT);

            assertThat(f.messaging.send(Fixture.marketing(BOB, "c4"))).isInstanceOf(SendResult.Accepted.class);
            assertThat(f.messaging.dispatchDue()).isEqualTo(1);
        }
    }

    @Test
    void consentIsNotNeeded_forOtp_byDefault_butCanBeRequiredForNotifications() {
        ContactPolicy policy = ContactPolicy.builder()
                .consentRequiredFor(Category.MARKETING, Category.NOTIFICATION)
                .build();
        try (Fixture f = at("2026-11-28T02:00:00Z", policy)) {
            io.remotebank.core.CustomerId dave = io.remotebank.core.CustomerId.of("C1004");
            f.directory.put(dave, Address.Msisdn.of("13712345678"));
            assertThat(f.messaging.send(Message.builder(Recipient.customer(dave, ContactChannel.SMS), Category.OTP, "o")
                            .template("otp.login", Map.of("code", "1"))
                            .build()))
                    .isInstanceOf(SendResult.Accepted.class);
            assertSuppressed(
                    f,
                    f.messaging.send(
                            Message.builder(Recipient.customer(dave, ContactChannel.SMS), Category.NOTIFICATION, "n")
                                    .text("Your statement is ready.")
                                    .build()),
                    SuppressionReason.NO_CONSENT);
        }
    }

    @Test
    void marketing_needsAnApprovedTemplate() {
        try (Fixture f = at("2026-11-28T02:00:00Z")) {
            Message draft = Message.builder(Recipient.customer(ALICE, ContactChannel.SMS), Category.MARKETING, "t1")
                    .template("campaign.draft", Map.of())
                    .build();
            assertSuppressed(f, f.messaging.send(draft), SuppressionReason.UNAPPROVED_TEMPLATE);
            Message text = Message.builder(Recipient.customer(ALICE, ContactChannel.SMS), Category.MARKETING, "t2")
                    .text("Buy now!")
                    .build();
            SendResult r = f.messaging.send(text);
            assertSuppressed(f, r, SuppressionReason.UNAPPROVED_TEMPLATE);
            assertThat(((SendResult.Suppressed) r).detail()).contains("not plain text");
        }
    }

    @Test
    void templateApprovalWithdrawn_whileDeferred_suppressesWhenDue() {
        try (Fixture f = at("2026-11-28T13:00:00Z")) {
            SendResult r = f.messaging.send(Fixture.marketing(ALICE, "w"));
            assertThat(r).isInstanceOf(SendResult.Deferred.class);
            f.templates.setApproval(
                    io.remotebank.channels.template.TemplateId.of("campaign.card-upgrade"),
                    io.remotebank.channels.template.ApprovalState.REJECTED);
            f.clock.advance(Duration.ofHours(11));

            assertThat(f.messaging.dispatchDue()).isEqualTo(1);

            assertThat(f.sms.submissions()).isEmpty();
            assertThat(f.statuses(r.id())).containsExactly(MessageStatus.SUPPRESSED);
        }
    }

    @Test
    void frequencyCap_overARollingWindow_perCustomer() {
        ContactPolicy policy = ContactPolicy.builder()
                .frequencyCap(Category.MARKETING, FrequencyCap.of(2, Duration.ofDays(1)))
                .build();
        try (Fixture f = at("2026-11-28T02:00:00Z", policy)) { // 10:00 Shanghai
            assertThat(f.messaging.send(Fixture.marketing(ALICE, "f1"))).isInstanceOf(SendResult.Accepted.class);
            f.clock.advance(Duration.ofHours(1));
            assertThat(f.messaging.send(Fixture.marketing(ALICE, "f2"))).isInstanceOf(SendResult.Accepted.class);
            f.clock.advance(Duration.ofHours(1));
            SendResult third = f.messaging.send(Fixture.marketing(ALICE, "f3"));
            assertSuppressed(f, third, SuppressionReason.FREQUENCY_CAP);
            assertThat(((SendResult.Suppressed) third).detail()).contains("2 per PT24H");
            // Another customer has a budget of their own; an OTP is not capped.
            assertThat(f.messaging.send(Fixture.marketing(BOB, "f4"))).isInstanceOf(SendResult.Accepted.class);
            assertThat(f.messaging.send(Fixture.otp(ALICE_SMS, "f5"))).isInstanceOf(SendResult.Accepted.class);

            // 24 h after the first message it leaves the window; the second is still in it.
            f.clock.advance(Duration.ofHours(22).plusSeconds(1));
            assertThat(f.messaging.send(Fixture.marketing(ALICE, "f6"))).isInstanceOf(SendResult.Accepted.class);
            assertSuppressed(f, f.messaging.send(Fixture.marketing(ALICE, "f7")), SuppressionReason.FREQUENCY_CAP);
        }
    }

    @Test
    void frequencyCap_countsDeferredMessages_atTheirDueTime() {
        ContactPolicy policy = ContactPolicy.builder()
                .frequencyCap(Category.MARKETING, FrequencyCap.of(1, Duration.ofHours(1)))
                .build();
        try (Fixture f = at("2026-11-28T13:00:00Z", policy)) { // 21:00: deferred to 08:00
            assertThat(f.messaging.send(Fixture.marketing(ALICE, "d1"))).isInstanceOf(SendResult.Deferred.class);
            // Another one now would be due at the same 08:00: capped.
            assertSuppressed(f, f.messaging.send(Fixture.marketing(ALICE, "d2")), SuppressionReason.FREQUENCY_CAP);
            // At 08:30 (ahead of the window start by less than an hour of the first): still capped; 09:00 is not.
            f.clock.advance(Duration.ofHours(11).plusMinutes(30));
            assertSuppressed(f, f.messaging.send(Fixture.marketing(ALICE, "d3")), SuppressionReason.FREQUENCY_CAP);
            f.clock.advance(Duration.ofMinutes(30));
            assertThat(f.messaging.send(Fixture.marketing(ALICE, "d4"))).isInstanceOf(SendResult.Accepted.class);
        }
    }

    @Test
    void decisions_areAudited_withTheReason_andTheAddressMasked() {
        try (Fixture f = at("2026-11-28T02:00:00Z")) {
            f.consent.record(ConsentRecord.withdrawn(
                    ALICE, ConsentPurpose.MARKETING_SMS, f.clock.instant(), ContactChannel.APP_PUSH, "settings:2"));
            SendResult r = f.messaging.send(Fixture.marketing(ALICE, "a1"));

            String event = f.auditJson().get(f.auditJson().size() - 1);
            assertThat(event)
                    .contains("\"action\":\"channels.policy.suppressed\"")
                    .contains("\"subject\":\"C1001\"")
                    .contains("\"reason\":\"OPTED_OUT\"")
                    .contains(r.id().value())
                    .contains("+86138****5678")
                    .doesNotContain("13812345678");
        }
    }

    private static void assertSuppressed(Fixture f, SendResult r, SuppressionReason reason) {
        assertThat(r)
                .isInstanceOfSatisfying(
                        SendResult.Suppressed.class, s -> assertThat(s.reason()).isEqualTo(reason));
        assertThat(f.record(r).status()).isEqualTo(MessageStatus.SUPPRESSED);
        assertThat(f.auditActions()).last().isEqualTo("channels.policy.suppressed");
    }
}
