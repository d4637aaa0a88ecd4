package io.remotebank.signaling.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.ValidationException;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Client transactions (RFC 3261 17.1) on virtual time. */
class ClientTransactionTest {

    private final VirtualScheduler time = new VirtualScheduler();
    private final List<SipResponse> stray = new ArrayList<>();
    private final TransactionLayer layer =
            TransactionLayer.create(TransactionSettings.ofDefaults(), time, new TransactionUser() {
                @Override
                public void onRequest(ServerTransaction transaction) {
                    throw new AssertionError("no requests expected");
                }

                @Override
                public void onStrayResponse(SipResponse response, SipTransportChannel channel) {
                    stray.add(response);
                }
            });
    private final FakeChannel udp = new FakeChannel(false, time);
    private final FakeChannel tcp = new FakeChannel(true, time);
    private final Recorder listener = new Recorder();

    static final class Recorder implements ClientTransactionListener {
        final List<String> events = new ArrayList<>();
        final List<SipResponse> responses = new ArrayList<>();

        @Override
        public void onResponse(ClientTransaction transaction, SipResponse response) {
            responses.add(response);
            events.add("response " + response.statusCode());
        }

        @Override
        public void onTimeout(ClientTransaction transaction) {
            events.add("timeout");
        }

        @Override
        public void onTransportError(ClientTransaction transaction, Throwable cause) {
            events.add("transport error");
        }

        @Override
        public void onTerminated(ClientTransaction transaction) {
            events.add("terminated");
        }
    }

    @AfterEach
    void nothingLeaks() {
        assertThat(layer.liveTransactions()).isZero();
        assertThat(time.pending()).isZero();
    }

    @Test
    void inviteOverUdpRetransmitsOnTimerAUntilTimerB() {
        SipRequest invite = Messages.request("INVITE", "z9hG4bKa1");
        ClientTransaction tx = layer.sendRequest(invite, udp, listener);
        assertThat(tx.state()).isEqualTo(TransactionState.CALLING);
        assertThat(tx.branch()).isEqualTo("z9hG4bKa1");
        time.advance(31_999);
        assertThat(listener.events).isEmpty();
        // timer A: T1, then doubling with no cap (RFC 3261 17.1.1.2)
        assertThat(udp.times()).containsExactly(0L, 500L, 1_500L, 3_500L, 7_500L, 15_500L, 31_500L);
        time.advance(1); // timer B = 64*T1
        assertThat(listener.events).containsExactly("timeout", "terminated");
        assertThat(tx.state()).isEqualTo(TransactionState.TERMINATED);
        assertThat(layer.liveTransactions()).isZero();
    }

    @Test
    void inviteOverTcpIsNotRetransmitted() {
        layer.sendRequest(Messages.request("INVITE", "z9hG4bKa2"), tcp, listener);
        time.advance(32_000);
        assertThat(tcp.times()).containsExactly(0L);
        assertThat(listener.events).containsExactly("timeout", "terminated");
    }

    @Test
    void provisionalStopsTimerAAndFinalErrorIsAckedInTheTransaction() {
        SipRequest invite = Messages.request("INVITE", "z9hG4bKa3");
        ClientTransaction tx = layer.sendRequest(invite, udp, listener);
        time.advance(600);
        layer.receive(Messages.response(invite, 100, null), udp);
        layer.receive(Messages.response(invite, 180, "t0"), udp);
        assertThat(tx.state()).isEqualTo(TransactionState.PROCEEDING);
        time.advance(10_000);
        assertThat(udp.times()).containsExactly(0L, 500L); // no more timer A in Proceeding
        SipResponse busy = Messages.response(invite, 486, "t0");
        layer.receive(busy, udp);
        assertThat(tx.state()).isEqualTo(TransactionState.COMPLETED);
        assertThat(listener.events).containsExactly("response 100", "response 180", "response 486");

        // RFC 3261 17.1.1.3: the ACK
        SipRequest ack = (SipRequest) udp.last();
        assertThat(ack.method()).isEqualTo("ACK");
        assertThat(ack.requestUri().toString()).isEqualTo("sip:bob@example.com");
        assertThat(ack.vias()).hasSize(1);
        assertThat(ack.topVia().orElseThrow().branch()).contains("z9hG4bKa3");
        assertThat(ack.cseq().orElseThrow().number()).isEqualTo(1);
        assertThat(ack.cseq().orElseThrow().method()).isEqualTo("ACK");
        assertThat(ack.toTag()).contains("t0");
        assertThat(ack.fromTag()).isEqualTo(invite.fromTag());
        assertThat(ack.callId()).isEqualTo(invite.callId());
        assertThat(ack.headerValues("Route")).containsExactly("<sip:proxy.example.com;lr>");

        // a retransmitted final response is ACKed again, not passed up
        layer.receive(busy, udp);
        assertThat(udp.startLines()).filteredOn(l -> l.startsWith("ACK")).hasSize(2);
        assertThat(listener.responses).hasSize(3);

        time.advance(31_999); // timer D: 32 s
        assertThat(tx.state()).isEqualTo(TransactionState.COMPLETED);
        time.advance(1);
        assertThat(tx.state()).isEqualTo(TransactionState.TERMINATED);
        assertThat(listener.events).endsWith("terminated");
    }

    @Test
    void finalErrorOverTcpTerminatesAtOnce() {
        SipRequest invite = Messages.request("INVITE", "z9hG4bKa4");
        ClientTransaction tx = layer.sendRequest(invite, tcp, listener);
        layer.receive(Messages.response(invite, 603, "t1"), tcp);
        assertThat(tx.state()).isEqualTo(TransactionState.TERMINATED);
        assertThat(tcp.startLines()).hasSize(2).last().asString().startsWith("ACK");
        assertThat(listener.events).containsExactly("response 603", "terminated");
    }

    @Test
    void twoHundredIsAcceptedAndRetransmissionsGoUpUntilTimerM() {
        SipRequest invite = Messages.request("INVITE", "z9hG4bKa5");
        ClientTransaction tx = layer.sendRequest(invite, udp, listener);
        SipResponse ok = Messages.response(invite, 200, "t2");
        layer.receive(ok, udp);
        assertThat(tx.state()).isEqualTo(TransactionState.ACCEPTED);
        layer.receive(ok, udp);
        assertThat(listener.events).containsExactly("response 200", "response 200");
        assertThat(udp.startLines()).hasSize(1); // the ACK for a 2xx is the UAC core's
        layer.receive(Messages.response(invite, 180, "t2"), udp); // late provisional: dropped
        time.advance(32_000); // timer M = 64*T1 (RFC 6026)
        assertThat(tx.state()).isEqualTo(TransactionState.TERMINATED);
        layer.receive(ok, udp);
        assertThat(stray).hasSize(1);
    }

    @Test
    void nonInviteRetransmitsOnTimerEUpToT2UntilTimerF() {
        layer.sendRequest(Messages.request("OPTIONS", "z9hG4bKb1"), udp, listener);
        time.advance(32_000);
        // timer E: T1, doubling, capped at T2 = 4 s (RFC 3261 17.1.2.2)
        assertThat(udp.times())
                .containsExactly(
                        0L, 500L, 1_500L, 3_500L, 7_500L, 11_500L, 15_500L, 19_500L, 23_500L, 27_500L, 31_500L);
        assertThat(listener.events).containsExactly("timeout", "terminated");
    }

    @Test
    void nonInviteInProceedingRetransmitsEveryT2AndTimerKEndsIt() {
        SipRequest options = Messages.request("OPTIONS", "z9hG4bKb2");
        ClientTransaction tx = layer.sendRequest(options, udp, listener);
        time.advance(700);
        layer.receive(Messages.response(options, 100, null), udp);
        assertThat(tx.state()).isEqualTo(TransactionState.PROCEEDING);
        time.advance(9_000); // to 9.7 s
        assertThat(udp.times()).containsExactly(0L, 500L, 1_500L, 5_500L, 9_500L);
        SipResponse ok = Messages.response(options, 200, "t3");
        layer.receive(ok, udp);
        assertThat(tx.state()).isEqualTo(TransactionState.COMPLETED);
        layer.receive(ok, udp); // absorbed
        assertThat(listener.events).containsExactly("response 100", "response 200");
        time.advance(4_999); // timer K = T4
        assertThat(tx.state()).isEqualTo(TransactionState.COMPLETED);
        time.advance(1);
        assertThat(tx.state()).isEqualTo(TransactionState.TERMINATED);
        assertThat(udp.times()).hasSize(5);
    }

    @Test
    void nonInviteOverTcpEndsOnTheFinalResponse() {
        SipRequest register = Messages.request("REGISTER", "z9hG4bKb3");
        layer.sendRequest(register, tcp, listener);
        layer.receive(Messages.response(register, 401, "t4"), tcp);
        assertThat(listener.events).containsExactly("response 401", "terminated");
        assertThat(tcp.times()).containsExactly(0L);
    }

    @Test
    void transportErrorOnSendEndsTheTransaction() {
        udp.failing = true;
        ClientTransaction tx = layer.sendRequest(Messages.request("INVITE", "z9hG4bKc1"), udp, listener);
        assertThat(tx.state()).isEqualTo(TransactionState.TERMINATED);
        assertThat(listener.events).containsExactly("transport error", "terminated");
    }

    @Test
    void transportErrorOnRetransmissionEndsTheTransaction() {
        layer.sendRequest(Messages.request("MESSAGE", "z9hG4bKc2"), udp, listener);
        udp.failing = true;
        time.advance(500);
        assertThat(listener.events).containsExactly("transport error", "terminated");
    }

    @Test
    void aFailedFlowEndsEveryTransactionOnIt() {
        layer.sendRequest(Messages.request("INVITE", "z9hG4bKc3"), tcp, listener);
        layer.sendRequest(Messages.request("OPTIONS", "z9hG4bKc4"), tcp, listener);
        layer.sendRequest(Messages.request("OPTIONS", "z9hG4bKc5"), udp, listener);
        assertThat(layer.liveTransactions()).isEqualTo(3);
        layer.transportFailed(tcp, new java.io.IOException("closed"));
        assertThat(layer.liveTransactions()).isEqualTo(1);
        assertThat(listener.events).containsExactly("transport error", "terminated", "transport error", "terminated");
        time.advance(32_000);
    }

    @Test
    void responsesMatchByBranchAndMethod() {
        SipRequest invite = Messages.request("INVITE", "z9hG4bKd1");
        Recorder cancelListener = new Recorder();
        ClientTransaction inviteTx = layer.sendRequest(invite, tcp, listener);
        SipRequest cancel = Messages.request("CANCEL", "z9hG4bKd1");
        layer.sendRequest(cancel, tcp, cancelListener);
        layer.receive(Messages.response(cancel, 200, "t5"), tcp);
        assertThat(cancelListener.events).containsExactly("response 200", "terminated");
        assertThat(listener.events).isEmpty();
        layer.receive(Messages.response(Messages.request("INVITE", "z9hG4bKother"), 200, "t5"), tcp);
        assertThat(stray).hasSize(1);
        layer.receive(Messages.response(invite, 487, "t5"), tcp);
        assertThat(listener.events).containsExactly("response 487", "terminated");
        assertThat(inviteTx.state()).isEqualTo(TransactionState.TERMINATED);
    }

    @Test
    void timersFollowAConfiguredT1() {
        TransactionLayer fast = TransactionLayer.create(
                TransactionSettings.ofDefaults()
                        .withT(Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMillis(1_000)),
                time,
                tx -> {});
        fast.sendRequest(Messages.request("OPTIONS", "z9hG4bKe1"), udp, listener);
        time.advance(6_399);
        assertThat(udp.times())
                .containsExactly(
                        0L, 100L, 300L, 700L, 1_100L, 1_500L, 1_900L, 2_300L, 2_700L, 3_100L, 3_500L, 3_900L, 4_300L,
                        4_700L, 5_100L, 5_500L, 5_900L, 6_300L);
        time.advance(1); // timer F = 64*T1 = 6.4 s
        assertThat(listener.events).containsExactly("timeout", "terminated");
        assertThat(fast.liveTransactions()).isZero();
    }

    @Test
    void refusesWhatIsNotAClientTransaction() {
        assertThatThrownBy(() -> layer.sendRequest(Messages.request("ACK", "z9hG4bKf1"), udp, listener))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("ACK");
        assertThatThrownBy(() -> layer.sendRequest(Messages.request("INVITE", "old2543"), udp, listener))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("branch");
        layer.sendRequest(Messages.request("INVITE", "z9hG4bKf2"), tcp, listener);
        assertThatThrownBy(() -> layer.sendRequest(Messages.request("INVITE", "z9hG4bKf2"), tcp, listener))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("in use");
        layer.transportFailed(tcp, new java.io.IOException("closed"));
    }

    @Test
    void newBranchesAreRfc3261AndDistinct() {
        String a = TransactionLayer.newBranch();
        String b = TransactionLayer.newBranch();
        assertThat(a).startsWith("z9hG4bK").hasSize(39).isNotEqualTo(b);
    }

    @Test
    void settingsAreChecked() {
        TransactionSettings d = TransactionSettings.ofDefaults();
        assertThat(d.timeout()).isEqualTo(Duration.ofSeconds(32));
        assertThatThrownBy(() -> d.withT(Duration.ZERO, Duration.ofSeconds(4), Duration.ofSeconds(5)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> d.withT(Duration.ofSeconds(5), Duration.ofSeconds(4), Duration.ofSeconds(5)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("T2");
        assertThatThrownBy(() -> new TransactionSettings(d.t1(), d.t2(), d.t4(), Duration.ofSeconds(31), d.trying100()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("timer D");
        assertThatThrownBy(() -> new TransactionSettings(d.t1(), d.t2(), d.t4(), d.timerD(), Duration.ofMillis(-1)))
                .isInstanceOf(ValidationException.class);
    }
}
