package io.remotebank.channels.smpp;

import static io.remotebank.channels.smpp.SmppProviderTest.sms;
import static io.remotebank.channels.smpp.SmppProviderTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.channels.smpp.HostileSmsc.BindAnswer;
import io.remotebank.channels.smpp.pdu.CommandStatus;
import io.remotebank.channels.smpp.simulator.SmscSimulator;
import io.remotebank.channels.spi.SubmitResult;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Why the client is not bound, and when it stops trying: a refusal that binding again cannot change
 * is not retried (an SMSC that counts wrong passwords locks the account), and every failure names
 * the SMSC and the command_status.
 */
class SmppBindFailureTest {

    private HostileSmsc smsc;
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

    private SmppProvider start(int port, Duration responseTimeout) {
        provider = SmppProvider.create(SmppClientConfig.builder("127.0.0.1", port)
                .credentials("bank", "guess".toCharArray())
                // Quick retries: a client that retried would bind again many times in the test.
                .reconnectDelay(Duration.ofMillis(1), Duration.ofMillis(5))
                .responseTimeout(responseTimeout)
                .submitTimeout(Duration.ofSeconds(30))
                .build());
        provider.start(new RecordingContext());
        return provider;
    }

    static Stream<Arguments> permanentRefusals() {
        // SMPP 3.4 5.1.3: wrong credentials or system type, and a bind command the SMSC does not serve.
        return Stream.of(
                Arguments.of(new BindAnswer.Refuse(CommandStatus.ESME_RINVPASWD.code()), "ESME_RINVPASWD (0x0000000E)"),
                Arguments.of(new BindAnswer.Refuse(CommandStatus.ESME_RINVSYSID.code()), "ESME_RINVSYSID (0x0000000F)"),
                Arguments.of(
                        new BindAnswer.Refuse(CommandStatus.ESME_RINVSYSTYP.code()), "ESME_RINVSYSTYP (0x00000053)"),
                Arguments.of(
                        new BindAnswer.Nack(CommandStatus.ESME_RINVCMDID.code()),
                        "generic_nack ESME_RINVCMDID (0x00000003)"));
    }

    @ParameterizedTest
    @MethodSource("permanentRefusals")
    void aPermanentRefusal_isNotRetried_andBoundFailsNamingTheStatusAndTheSmsc(BindAnswer refusal, String status)
            throws Exception {
        smsc = HostileSmsc.start(refusal);
        start(smsc.port(), Duration.ofSeconds(10));

        assertThatThrownBy(() -> provider.bound().toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(SmppException.class, e -> {
                    assertThat(e.code()).isEqualTo(SmppError.BIND_REFUSED);
                    assertThat(e.getMessage())
                            .startsWith("channels.smpp.bind.refused: the SMSC at 127.0.0.1:" + smsc.port())
                            .contains("refused bind_transceiver as 'bank' with " + status)
                            .contains("not retried")
                            .doesNotContain("guess");
                });
        assertThat(provider.lastBindFailure())
                .hasValueSatisfying(e -> assertThat(e.code()).isEqualTo(SmppError.BIND_REFUSED));
        // A submission fails at once, with the refusal as its reason (the outbox may try another route).
        SubmitResult r = provider.submit(sms("hi")).toCompletableFuture().get(1, TimeUnit.SECONDS);
        assertThat(r)
                .isInstanceOfSatisfying(
                        SubmitResult.TemporaryFailure.class,
                        t -> assertThat(t.reason())
                                .startsWith("channels.smpp.bind.refused")
                                .contains(status));
        // With reconnects 1-5 ms apart, a retrying client would have bound again dozens of times.
        assertThat(smsc.awaitBindAttempts(2, Duration.ofMillis(500))).isFalse();
        assertThat(smsc.bindAttempts()).isEqualTo(1);
    }

    @Test
    void aPermanentRefusal_failsWhatWasQueuedBeforeIt() throws Exception {
        smsc = HostileSmsc.start(new BindAnswer.Refuse(CommandStatus.ESME_RINVPASWD.code()));
        provider = SmppProvider.create(SmppClientConfig.builder("127.0.0.1", smsc.port())
                .credentials("bank", "guess".toCharArray())
                .build());
        var queued = provider.submit(sms("queued before the bind")).toCompletableFuture();
        provider.start(new RecordingContext());

        assertThat(queued.get(10, TimeUnit.SECONDS))
                .isInstanceOfSatisfying(
                        SubmitResult.TemporaryFailure.class,
                        t -> assertThat(t.reason()).contains("ESME_RINVPASWD"));
    }

    @Test
    void bindFailed_isRetried_andLastBindFailureSaysWithWhatAndWhere() throws Exception {
        // ESME_RBINDFAIL says nothing about why: a full session table clears, so it is retried.
        smsc = HostileSmsc.start(new BindAnswer.Refuse(CommandStatus.ESME_RBINDFAIL.code()));
        start(smsc.port(), Duration.ofSeconds(10));

        assertThat(smsc.awaitBindAttempts(3, Duration.ofSeconds(20))).isTrue();
        waitFor(() -> provider.lastBindFailure().isPresent());
        assertThat(provider.lastBindFailure().orElseThrow()).satisfies(e -> {
            assertThat(e.code()).isEqualTo(SmppError.NOT_BOUND);
            assertThat(e.getMessage())
                    .contains("127.0.0.1:" + smsc.port())
                    .contains("ESME_RBINDFAIL (0x0000000D)")
                    .contains("binding again");
        });
        assertThat(provider.bound().toCompletableFuture()).isNotDone();
    }

    @Test
    void anUnreachableSmsc_isNamedInTheFailure() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        start(port, Duration.ofSeconds(10));

        waitFor(() -> provider.lastBindFailure().isPresent());
        assertThat(provider.lastBindFailure().orElseThrow().getMessage())
                .startsWith("channels.smpp.not.bound: cannot connect to 127.0.0.1:" + port);
    }

    @Test
    void aBindNeverAnswered_isNamedInTheFailure() throws Exception {
        smsc = HostileSmsc.start(new BindAnswer.Ignore());
        start(smsc.port(), Duration.ofMillis(100));

        waitFor(() -> provider.lastBindFailure().isPresent());
        assertThat(provider.lastBindFailure().orElseThrow().getMessage())
                .isEqualTo("channels.smpp.not.bound: no answer to bind_transceiver from 127.0.0.1:" + smsc.port()
                        + " within PT0.1S");
    }

    @Test
    void aSubmitTimeout_namesTheCodeTheMessageTheSegmentAndTheSequence() throws Exception {
        try (SmscSimulator silent = SmscSimulator.builder().build().start()) {
            provider = SmppProvider.create(SmppClientConfig.builder("127.0.0.1", silent.port())
                    .credentials("bank", "secret".toCharArray())
                    .responseTimeout(Duration.ofSeconds(30))
                    .submitTimeout(Duration.ofMillis(300))
                    .build());
            provider.start(new RecordingContext());
            provider.bound().toCompletableFuture().get(10, TimeUnit.SECONDS);
            silent.silent(true);
            var submission = sms("never answered");

            SubmitResult r = provider.submit(submission).toCompletableFuture().get(10, TimeUnit.SECONDS);

            // The bind was sequence 1, so this submit_sm is sequence 2.
            assertThat(r)
                    .isInstanceOfSatisfying(
                            SubmitResult.TemporaryFailure.class,
                            t -> assertThat(t.reason())
                                    .isEqualTo(
                                            "channels.smpp.submit.timeout: message "
                                                    + submission.id().value()
                                                    + " segment 1/1 not acknowledged within PT0.3S (last sent as submit_sm sequence 2)"));
        }
    }

    @Test
    void closingWithSubmissionsInFlight_failsEachNamingItsSequence() throws Exception {
        try (SmscSimulator silent = SmscSimulator.builder().build().start()) {
            provider = SmppProvider.create(SmppClientConfig.builder("127.0.0.1", silent.port())
                    .credentials("bank", "secret".toCharArray())
                    .build());
            provider.start(new RecordingContext());
            provider.bound().toCompletableFuture().get(10, TimeUnit.SECONDS);
            silent.silent(true);
            var submission = sms("never answered");
            var answer = provider.submit(submission).toCompletableFuture();
            waitFor(() -> provider.statistics().segmentsSent() == 1);

            provider.close(Duration.ofMillis(50));

            assertThat(answer.get(1, TimeUnit.SECONDS))
                    .isInstanceOfSatisfying(
                            SubmitResult.TemporaryFailure.class,
                            t -> assertThat(t.reason())
                                    .isEqualTo("channels.smpp.closed: message "
                                            + submission.id().value()
                                            + " segment 1/1 not acknowledged before the provider closed (last sent as"
                                            + " submit_sm sequence 2)"));
        }
    }

    @Test
    void close_takesAnyUnbindWait_upToTheResponseTimeout_butNoNegativeOne() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.builder().build().start()) {
            provider = SmppProvider.create(SmppClientConfig.builder("127.0.0.1", smsc.port())
                    .credentials("bank", "secret".toCharArray())
                    .build());
            provider.start(new RecordingContext());
            provider.bound().toCompletableFuture().get(10, TimeUnit.SECONDS);

            assertThatThrownBy(() -> provider.close(Duration.ofMillis(-1)))
                    .isInstanceOfSatisfying(
                            SmppException.class, e -> assertThat(e.code()).isEqualTo(SmppError.CONFIG_INVALID));
            provider.close(Duration.ofSeconds(Long.MAX_VALUE)); // more than nanoseconds can count
            assertThat(provider.isBound()).isFalse();
            assertThat(smsc.statistics().binds()).isEqualTo(1);
        }
    }
}
