package io.remotebank.channels.smpp;

import static io.remotebank.channels.smpp.SmppProviderTest.sms;
import static io.remotebank.channels.smpp.SmppProviderTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.channels.smpp.pdu.CommandStatus;
import io.remotebank.channels.smpp.simulator.SmscSimulator;
import io.remotebank.channels.spi.SubmitResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against a misbehaving SMSC: every accepted message ends acknowledged or failed. */
class SmppFaultTest {

    private SmscSimulator smsc;
    private SmppProvider provider;

    @AfterEach
    void close() {
        if (provider != null) {
            provider.close();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    private SmppClientConfig.Builder config() {
        return SmppClientConfig.builder("127.0.0.1", smsc.port())
                .credentials("bank", "secret".toCharArray())
                .reconnectDelay(Duration.ofMillis(5), Duration.ofMillis(50));
    }

    private void start(SmppClientConfig.Builder b) throws Exception {
        provider = SmppProvider.create(b.build());
        provider.start(new RecordingContext());
        provider.bound().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private List<SubmitResult> sendAll(int n) throws Exception {
        List<CompletableFuture<SubmitResult>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            answers.add(provider.submit(sms("m" + i)).toCompletableFuture());
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        return answers.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void connectionDroppedMidWindow_twentyTimes_noMessageLost() throws Exception {
        DropScenario.run(6_000, 20);
    }

    @Test
    void smscThatStopsAnswering_andComesBack_getsEverythingResent() throws Exception {
        smsc = SmscSimulator.builder().build().start();
        start(config().responseTimeout(Duration.ofMillis(200)).maxResends(50));
        smsc.silent(true);
        List<CompletableFuture<SubmitResult>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(provider.submit(sms("m" + i)).toCompletableFuture());
        }
        waitFor(() -> provider.statistics().connectionsLost() >= 1);
        smsc.silent(false);
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        assertThat(answers).allSatisfy(a -> assertThat(a.join()).isInstanceOf(SubmitResult.Submitted.class));
        assertThat(smsc.messages().stream().map(SmscSimulator.Received::text).distinct())
                .hasSize(20);
    }

    @Test
    void smscThatNeverAnswersAgain_failsTheSubmissionsTemporarily() throws Exception {
        smsc = SmscSimulator.builder().build().start();
        start(config().responseTimeout(Duration.ofMillis(100)).submitTimeout(Duration.ofMillis(1500)));
        smsc.silent(true);
        List<SubmitResult> results = sendAll(10);
        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(SubmitResult.TemporaryFailure.class));
        assertThat(provider.statistics().failed()).isEqualTo(10);
    }

    @Test
    void throttlingSmsc_isBackedOffFrom_andEverythingIsTaken() throws Exception {
        smsc = SmscSimulator.builder().throttleRate(0.3).build().start();
        start(config().throttleBackoff(Duration.ofMillis(2)).maxResends(100));
        List<SubmitResult> results = sendAll(300);
        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(SubmitResult.Submitted.class));
        assertThat(provider.statistics().throttled())
                .isEqualTo(smsc.statistics().throttled())
                .isPositive();
        assertThat(smsc.messages()).hasSize(300);
    }

    @Test
    void throttledBeyondTheResendLimit_failsTemporarily_withARetryAfter() throws Exception {
        smsc = SmscSimulator.builder().throttleRate(1.0).build().start();
        start(config().throttleBackoff(Duration.ofMillis(1)).maxResends(2));
        SubmitResult r = sendAll(1).get(0);
        assertThat(r).isInstanceOfSatisfying(SubmitResult.TemporaryFailure.class, t -> {
            assertThat(t.reason()).startsWith("ESME_RTHROTTLED");
            assertThat(t.retryAfter()).isPresent();
        });
    }

    @Test
    void garbageFromTheSmsc_makesTheClientReconnect_andCarryOn() throws Exception {
        smsc = SmscSimulator.builder().latency(Duration.ofMillis(20)).build().start();
        start(config().maxResends(20));
        List<CompletableFuture<SubmitResult>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            answers.add(provider.submit(sms("m" + i)).toCompletableFuture());
            if (i == 50) {
                smsc.sendGarbage();
            }
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        assertThat(answers).allSatisfy(a -> assertThat(a.join()).isInstanceOf(SubmitResult.Submitted.class));
        assertThat(provider.statistics().binds()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void errorStatuses_becomePermanentOrTemporaryFailures() throws Exception {
        smsc = SmscSimulator.builder()
                .errorRate(0.25, CommandStatus.ESME_RINVDSTADR)
                .build()
                .start();
        start(config());
        List<SubmitResult> results = sendAll(200);
        long permanent = results.stream()
                .filter(SubmitResult.PermanentFailure.class::isInstance)
                .count();
        assertThat(permanent).isEqualTo(smsc.statistics().rejected()).isPositive();
        assertThat(results)
                .filteredOn(SubmitResult.PermanentFailure.class::isInstance)
                .allSatisfy(r ->
                        assertThat(((SubmitResult.PermanentFailure) r).reason()).isEqualTo("ESME_RINVDSTADR"));
        assertThat(results.stream()
                        .filter(SubmitResult.Submitted.class::isInstance)
                        .count())
                .isEqualTo(200 - permanent);
    }

    @Test
    void temporaryStatus_isATemporaryFailure() throws Exception {
        smsc = SmscSimulator.builder()
                .errorRate(1.0, CommandStatus.ESME_RSYSERR)
                .build()
                .start();
        start(config());
        assertThat(sendAll(1).get(0))
                .isEqualTo(new SubmitResult.TemporaryFailure("ESME_RSYSERR", java.util.Optional.empty()));
    }

    @Test
    void wrongPassword_neverBinds_andSubmissionsTimeOut() throws Exception {
        smsc = SmscSimulator.builder()
                .credentials("bank", "right".toCharArray())
                .build()
                .start();
        provider = SmppProvider.create(SmppClientConfig.builder("127.0.0.1", smsc.port())
                .credentials("bank", "wrong".toCharArray())
                .reconnectDelay(Duration.ofMillis(20), Duration.ofMillis(50))
                .submitTimeout(Duration.ofMillis(500))
                .build());
        provider.start(new RecordingContext());
        List<SubmitResult> results = sendAll(3);
        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(SubmitResult.TemporaryFailure.class));
        assertThat(provider.isBound()).isFalse();
        assertThat(smsc.statistics().binds()).isZero();
    }

    @Test
    void droppedConnections_areRebound() throws Exception {
        smsc = SmscSimulator.builder().build().start();
        start(config());
        smsc.dropConnections();
        waitFor(() -> provider.statistics().binds() >= 2 && provider.isBound());
        assertThat(sendAll(5)).allSatisfy(r -> assertThat(r).isInstanceOf(SubmitResult.Submitted.class));
    }

    @Test
    void aBindStateError_makesTheClientUnbindThenBindAgain_andResend() throws Exception {
        smsc = SmscSimulator.builder()
                .errorRate(1.0, CommandStatus.ESME_RINVBNDSTS)
                .build()
                .start();
        start(config().maxResends(2));
        SubmitResult r = sendAll(1).get(0);
        assertThat(r)
                .isInstanceOfSatisfying(
                        SubmitResult.TemporaryFailure.class,
                        t -> assertThat(t.reason()).startsWith("ESME_RINVBNDSTS"));
        // Each rebind ended the old session with unbind and bound a fresh one: no ESME_RALYBND.
        waitFor(() -> provider.statistics().binds() >= 3);
        assertThat(smsc.statistics().binds()).isEqualTo(provider.statistics().binds());
        assertThat(provider.statistics().resent()).isEqualTo(2);
    }
}
