package io.remotebank.channels;

import static io.remotebank.channels.Fixture.ALICE;
import static io.remotebank.channels.Fixture.ALICE_SMS;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.channels.policy.ContactPolicy;
import io.remotebank.channels.simulator.SimulatedProvider;
import io.remotebank.channels.spi.ChannelProvider;
import io.remotebank.channels.spi.DeliveryReport;
import io.remotebank.channels.spi.ProviderContext;
import io.remotebank.channels.spi.Submission;
import io.remotebank.channels.spi.SubmitResult;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.consent.ConsentPurpose;
import io.remotebank.core.consent.ConsentRecord;
import io.remotebank.testing.ManualTime;
import io.remotebank.testsupport.Await;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The dispatcher: retries with backoff, failures, expiry, re-checks when due, delivery reports, leases. */
class DispatchTest {

    private static final Instant TEN_AM_SHANGHAI = Instant.parse("2026-11-28T02:00:00Z");

    private static Fixture fixture(ChannelProvider provider) {
        return new Fixture(
                TEN_AM_SHANGHAI,
                b -> b.retries(3, Duration.ofSeconds(2), Duration.ofSeconds(5)),
                ContactPolicy.ofDefaults(),
                provider);
    }

    @Test
    void temporaryFailure_isRetriedAfterTheBackoff_thenSubmitted() {
        try (Fixture f = fixture(SimulatedProvider.sms())) {
            f.sms.failTemporarily(1);
            SendResult r = f.messaging.send(Fixture.otp(ALICE_SMS, "otp:retry"));

            assertThat(f.messaging.dispatchDue()).isEqualTo(1);
            MessageRecord waiting = f.record(r);
            assertThat(waiting.status()).isEqualTo(MessageStatus.QUEUED);
            assertThat(waiting.attempts()).isEqualTo(1);
            assertThat(waiting.lastError()).contains("simulated: throttled");
            assertThat(waiting.dueAt()).isEqualTo(TEN_AM_SHANGHAI.plusSeconds(2));
            assertThat(f.events).isEmpty();

            f.clock.advance(Duration.ofMillis(1999));
            assertThat(f.messaging.dispatchDue()).isZero();
            f.clock.advance(Duration.ofMillis(1));
            assertThat(f.messaging.dispatchDue()).isEqualTo(1);

            assertThat(f.sms.submissions()).extracting(Submission::attempt).containsExactly(1, 2);
            assertThat(f.record(r).status()).isEqualTo(MessageStatus.DELIVERED);
            assertThat(f.record(r).attempts()).isEqualTo(2);
        }
    }

    @Test
    void temporaryFailures_untilTheLastAttempt_fail_withTheBackoffDoublingUpToItsMaximum() {
        try (Fixture f = fixture(SimulatedProvider.sms())) {
            f.sms.failTemporarily(10);
            SendResult r = f.messaging.send(Fixture.otp(ALICE_SMS, "otp:fail"));

            f.messaging.dispatchDue();
            assertThat(f.record(r).dueAt()).isEqualTo(TEN_AM_SHANGHAI.plusSeconds(2));
            f.clock.advance(Duration.ofSeconds(2));
            f.messaging.dispatchDue();
            assertThat(f.record(r).dueAt()).isEqualTo(TEN_AM_SHANGHAI.plusSeconds(2 + 4));
            f.clock.advance(Duration.ofSeconds(4));
            f.messaging.dispatchDue();

            MessageRecord failed = f.record(r);
            assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
            assertThat(failed.attempts()).isEqualTo(3);
            assertThat(failed.lastError()).hasValueSatisfying(e -> assertThat(e).contains("after 3 attempts"));
            assertThat(f.events).singleElement().satisfies(e -> {
                assertThat(e.status()).isEqualTo(MessageStatus.FAILED);
                assertThat(e.detail()).hasValueSatisfying(d -> assertThat(d).contains("throttled"));
            });
        }
    }

    @Test
    void permanentFailure_failsAtOnce() {
        try (Fixture f = fixture(SimulatedProvider.sms())) {
            f.sms.failPermanently(1);
            SendResult r = f.messaging.send(Fixture.otp(ALICE_SMS, "otp:barred"));
            f.messaging.dispatchDue();
            assertThat(f.record(r).status()).isEqualTo(MessageStatus.FAILED);
            assertThat(f.statuses(r.id())).containsExactly(MessageStatus.FAILED);
            f.clock.advance(Duration.ofMinutes(10));
            assertThat(f.messaging.dispatchDue()).isZero();
        }
    }

    @Test
    void providerThatThrowsOrNeverAnswers_isRetried() {
        Deque<CompletionStage<SubmitResult>> answers = new ArrayDeque<>();
        answers.add(CompletableFuture.failedFuture(new IllegalStateException("socket closed")));
        answers.add(new CompletableFuture<>()); // never completes: times out
        answers.add(CompletableFuture.completedFuture(new SubmitResult.Submitted("gw-1")));
        ChannelProvider scripted = new Scripted(answers);
        try (Fixture f = new Fixture(
                TEN_AM_SHANGHAI,
                b -> b.retries(5, Duration.ofSeconds(1), Duration.ofSeconds(1)).submitTimeout(Duration.ofMillis(100)),
                ContactPolicy.ofDefaults(),
                scripted)) {
            SendResult r = f.messaging.send(Fixture.otp(ALICE_SMS, "otp:flaky"));
            f.messaging.dispatchDue();
            assertThat(f.record(r).lastError()).contains("the provider failed: IllegalStateException");
            f.clock.advance(Duration.ofSeconds(1));
            f.messaging.dispatchDue();
            assertThat(f.record(r).lastError()).contains("no answer from the provider in time");
            f.clock.advance(Duration.ofSeconds(1));
            f.messaging.dispatchDue();
            assertThat(f.record(r).status()).isEqualTo(MessageStatus.SUBMITTED);
            assertThat(f.record(r).providerMessageId()).contains("gw-1");
        }
    }

    @Test
    void deadlinePassedWhileQueued_expires() {
        try (Fixture f = fixture(SimulatedProvider.sms())) {
            f.sms.failTemporarily(1);
            Message m = Message.builder(Recipient.of(ALICE_SMS), Category.OTP, "otp:exp")
                    .template("otp.login", Map.of("code", "1"))
                    .deadline(TEN_AM_SHANGHAI.plusSeconds(1))
                    .build();
            SendResult r = f.messaging.send(m);
            f.messaging.dispatchDue();
            f.clock.advance(Duration.ofSeconds(2));
            f.messaging.dispatchDue();

            assertThat(f.record(r).status()).isEqualTo(MessageStatus.EXPIRED);
            assertThat(f.statuses(r.id())).containsExactly(MessageStatus.EXPIRED);
            assertThat(f.sms.submissions()).hasSize(1);
        }
    }

    @Test
    void consentWithdrawnWhileDeferred_suppressesWhenDue_andIsAudited() {
        try (Fixture f = new Fixture(Instant.parse("2026-11-28T13:00:00Z"), b -> {}, ContactPolicy.ofDefaults())) {
            f.grantMarketing(ALICE);
            SendResult r = f.messaging.send(Fixture.marketing(ALICE, "night"));
            assertThat(r).isInstanceOf(SendResult.Deferred.class);
            f.clock.advance(Duration.ofHours(1));
            f.consent.record(ConsentRecord.withdrawn(
                    ALICE, ConsentPurpose.MARKETING_SMS, f.clock.instant(), ContactChannel.SMS, "sms-reply:TD"));
            f.clock.advance(Duration.ofHours(10));

            assertThat(f.messaging.dispatchDue()).isEqualTo(1);

            assertThat(f.sms.submissions()).isEmpty();
            assertThat(f.record(r).status()).isEqualTo(MessageStatus.SUPPRESSED);
            assertThat(f.record(r).result()).isEqualTo(r);
            assertThat(f.statuses(r.id())).containsExactly(MessageStatus.SUPPRESSED);
            assertThat(f.auditActions()).containsExactly("channels.policy.deferred", "channels.policy.suppressed");
            assertThat(f.auditJson().get(1)).contains("\"stage\":\"due\"").contains("OPTED_OUT");
        }
    }

    @Test
    void deliveryReport_thatArrivesBeforeTheSubmissionIsRecorded_isApplied_andARepeatIsIgnored() {
        Scripted early = new Scripted(new ArrayDeque<>()) {
            @Override
            public CompletionStage<SubmitResult> submit(Submission submission) {
                context.report(new DeliveryReport(
                        "gw-7", MessageStatus.FAILED, context.clock().instant(), Optional.of("UNDELIV")));
                return CompletableFuture.completedFuture(new SubmitResult.Submitted("gw-7"));
            }
        };
        try (Fixture f = fixture(early)) {
            SendResult r = f.messaging.send(Fixture.otp(ALICE_SMS, "otp:early"));
            f.messaging.dispatchDue();
            assertThat(f.statuses(r.id())).containsExactly(MessageStatus.SUBMITTED, MessageStatus.FAILED);
            assertThat(f.record(r).lastError()).contains("provider error UNDELIV");

            early.context.report(
                    new DeliveryReport("gw-7", MessageStatus.DELIVERED, f.clock.instant(), Optional.empty()));
            assertThat(f.record(r).status()).isEqualTo(MessageStatus.FAILED);
            assertThat(f.statuses(r.id())).hasSize(2);
        }
    }

    @Test
    void leasedMessages_areNotTakenByAnotherDispatcher_untilTheLeaseEnds() {
        try (Fixture f = fixture(SimulatedProvider.sms())) {
            f.messaging.send(Fixture.otp(ALICE_SMS, "otp:lease"));
            // Another dispatcher leases it and "crashes" without answering.
            assertThat(f.store.claimDue(
                            f.clock.instant(), 10, "other", f.clock.instant().plusSeconds(60)))
                    .hasSize(1);

            assertThat(f.messaging.dispatchDue()).isZero();
            f.clock.advance(Duration.ofSeconds(60));
            assertThat(f.messaging.dispatchDue()).isEqualTo(1);
            assertThat(f.sms.submissions()).hasSize(1);
        }
    }

    @Test
    void backgroundRound_whoseProviderNeverAnswers_timesOutOnTheSchedulersTime() {
        ManualTime time = ManualTime.at(TEN_AM_SHANGHAI);
        Scripted silent = new Scripted(new ArrayDeque<>(List.of(new CompletableFuture<>())));
        try (Fixture f = new Fixture(
                TEN_AM_SHANGHAI,
                b -> b.scheduler(time).lease(Duration.ofMinutes(10)).submitTimeout(Duration.ofMinutes(5)),
                ContactPolicy.ofDefaults(),
                silent)) {
            SendResult r = f.messaging.send(Fixture.otp(ALICE_SMS, "otp:silent"));
            f.messaging.start();
            time.runDue(); // the first poll hands a round to the dispatcher's thread
            // The next poll and the round's submit timer.
            Await.until("the round waits on the scheduler's time", () -> time.pending() == 2);

            time.advance(Duration.ofMinutes(5));

            Await.until("the round recorded the timeout", () -> f.record(r).attempts() == 1);
            assertThat(f.record(r).status()).isEqualTo(MessageStatus.QUEUED);
            assertThat(f.record(r).lastError()).contains("no answer from the provider in time");
        }
    }

    @Test
    @Timeout(30) // a guard against a hang only: the submit timeout is minutes of a clock nobody moves
    void close_whileAProviderNeverAnswers_endsTheWait_andPutsTheMessageBackUnleased() {
        ManualTime time = ManualTime.at(TEN_AM_SHANGHAI);
        Scripted unreachable = new Scripted(new ArrayDeque<>(List.of(new CompletableFuture<>())));
        try (Fixture f = new Fixture(
                TEN_AM_SHANGHAI,
                b -> b.scheduler(time)
                        .lease(Duration.ofMinutes(10))
                        .submitTimeout(Duration.ofMinutes(5))
                        .shutdownTimeout(Duration.ofSeconds(1)),
                ContactPolicy.ofDefaults(),
                unreachable)) {
            SendResult r = f.messaging.send(Fixture.otp(ALICE_SMS, "otp:unreachable"));
            f.messaging.start();
            time.runDue();
            Await.until("the provider got the submission", () -> unreachable.answers.isEmpty());

            f.messaging.close();

            MessageRecord back = f.store.find(r.id()).orElseThrow();
            assertThat(back.status()).isEqualTo(MessageStatus.QUEUED);
            assertThat(back.attempts()).isZero();
            assertThat(f.store.claimDue(
                            f.clock.instant(), 10, "next", f.clock.instant().plusSeconds(60)))
                    .as("the next dispatcher takes it at once, without waiting for the lease to end")
                    .extracting(MessageRecord::id)
                    .containsExactly(r.id());
            assertThat(time.pending()).as("no poll is left scheduled").isZero();
        }
    }

    /** A provider whose answers a test scripts. */
    private static class Scripted implements ChannelProvider {
        private final Deque<CompletionStage<SubmitResult>> answers;
        ProviderContext context;

        Scripted(Deque<CompletionStage<SubmitResult>> answers) {
            this.answers = answers;
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public Set<ContactChannel> channels() {
            return Set.of(ContactChannel.SMS);
        }

        @Override
        public void start(ProviderContext context) {
            this.context = context;
        }

        @Override
        public CompletionStage<SubmitResult> submit(Submission submission) {
            return answers.removeFirst();
        }
    }
}
