package io.remotebank.signaling.sip.transaction;

import static io.remotebank.signaling.sip.transaction.TransactionState.ACCEPTED;
import static io.remotebank.signaling.sip.transaction.TransactionState.CALLING;
import static io.remotebank.signaling.sip.transaction.TransactionState.COMPLETED;
import static io.remotebank.signaling.sip.transaction.TransactionState.CONFIRMED;
import static io.remotebank.signaling.sip.transaction.TransactionState.PROCEEDING;
import static io.remotebank.signaling.sip.transaction.TransactionState.TERMINATED;
import static io.remotebank.signaling.sip.transaction.TransactionState.TRYING;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each of the four state machines of RFC 3261 17 walked through every state of its figure, in the
 * RFC's names, on virtual time (T1 500 ms, T2 4 s, T4 5 s), with the timer that moves it.
 */
class TransactionStateMachinesTest {

    private final VirtualScheduler time = new VirtualScheduler();
    private final List<ServerTransaction> requests = new ArrayList<>();
    private final List<String> serverEvents = new ArrayList<>();
    private final TransactionLayer layer =
            TransactionLayer.create(TransactionSettings.ofDefaults(), time, new TransactionUser() {
                @Override
                public void onRequest(ServerTransaction transaction) {
                    requests.add(transaction);
                }

                @Override
                public void onAck(SipRequest ack, SipTransportChannel channel) {
                    serverEvents.add("ack to the user");
                }

                @Override
                public void onTimeout(ServerTransaction transaction) {
                    serverEvents.add("timeout");
                }
            });
    private final FakeChannel udp = new FakeChannel(false, time);
    private final ClientTransactionTest.Recorder listener = new ClientTransactionTest.Recorder();
    private final List<TransactionState> walked = new ArrayList<>();

    @AfterEach
    void nothingLeaks() {
        assertThat(layer.liveTransactions()).isZero();
        assertThat(time.pending()).isZero();
    }

    /** Notes the state when it differs from the last one noted. */
    private void note(Supplier<TransactionState> state) {
        TransactionState now = state.get();
        if (walked.isEmpty() || walked.get(walked.size() - 1) != now) {
            walked.add(now);
        }
    }

    @Test
    void inviteClient_17_1_1_callingProceedingCompletedTerminated_onTimersAAndD() {
        SipRequest invite = Messages.request("INVITE", "z9hG4bKm1");
        ClientTransaction tx = layer.sendRequest(invite, udp, listener);
        note(tx::state);
        time.advance(500); // timer A: the INVITE again after T1
        note(tx::state);
        layer.receive(Messages.response(invite, 180, "t1"), udp);
        note(tx::state);
        time.advance(10_000); // timer A stops in Proceeding
        assertThat(udp.times()).containsExactly(0L, 500L);
        layer.receive(Messages.response(invite, 486, "t1"), udp);
        note(tx::state);
        assertThat(udp.last().startLine()).startsWith("ACK "); // 17.1.1.3, inside the transaction
        time.advance(31_999); // timer D: 32 s over UDP
        note(tx::state);
        time.advance(1);
        note(tx::state);

        assertThat(walked).containsExactly(CALLING, PROCEEDING, COMPLETED, TERMINATED);
        assertThat(listener.events).containsExactly("response 180", "response 486", "terminated");
    }

    @Test
    void inviteClient_rfc6026_a2xxMovesToAccepted_whereRetransmissionsGoUp_untilTimerM() {
        SipRequest invite = Messages.request("INVITE", "z9hG4bKm2");
        ClientTransaction tx = layer.sendRequest(invite, udp, listener);
        note(tx::state);
        SipResponse ok = Messages.response(invite, 200, "t2");
        layer.receive(ok, udp);
        note(tx::state);
        layer.receive(ok, udp); // a retransmitted 2xx is for the TU (it ACKs it, RFC 6026 7.2)
        time.advance(31_999); // timer M: 64*T1
        note(tx::state);
        time.advance(1);
        note(tx::state);

        assertThat(walked).containsExactly(CALLING, ACCEPTED, TERMINATED);
        assertThat(listener.events).containsExactly("response 200", "response 200", "terminated");
        assertThat(udp.startLines()).noneMatch(l -> l.startsWith("ACK")); // a 2xx is ACKed by the TU
    }

    @Test
    void nonInviteClient_17_1_2_tryingProceedingCompletedTerminated_timerEDoublesToT2_thenTimerK() {
        SipRequest options = Messages.request("OPTIONS", "z9hG4bKm3");
        ClientTransaction tx = layer.sendRequest(options, udp, listener);
        note(tx::state);
        time.advance(3_500); // timer E: 500, 1000, 2000 ms
        note(tx::state);
        layer.receive(Messages.response(options, 100, null), udp);
        note(tx::state);
        time.advance(8_000); // the pending 4 s (capped at T2), then every T2 in Proceeding
        assertThat(udp.times()).containsExactly(0L, 500L, 1_500L, 3_500L, 7_500L, 11_500L);
        layer.receive(Messages.response(options, 200, "t3"), udp);
        note(tx::state);
        time.advance(4_999); // timer K: T4
        note(tx::state);
        time.advance(1);
        note(tx::state);

        assertThat(walked).containsExactly(TRYING, PROCEEDING, COMPLETED, TERMINATED);
        assertThat(udp.times()).hasSize(6); // nothing after the final response
    }

    @Test
    void nonInviteClient_timerF_tellsTheUserOfTheTimeout_afterSixtyFourT1() {
        SipRequest options = Messages.request("OPTIONS", "z9hG4bKm4");
        ClientTransaction tx = layer.sendRequest(options, udp, listener);
        time.advance(31_999);
        assertThat(tx.state()).isEqualTo(TRYING);
        time.advance(1); // timer F
        assertThat(tx.state()).isEqualTo(TERMINATED);
        assertThat(listener.events).containsExactly("timeout", "terminated");
    }

    @Test
    void inviteServer_17_2_1_proceedingCompletedConfirmedTerminated_timerGUntilTheAck_thenTimerI() {
        SipRequest invite = Messages.request("INVITE", "z9hG4bKm5");
        layer.receive(invite, udp);
        ServerTransaction tx = requests.get(0);
        note(tx::state);
        time.advance(200); // 100 Trying when the TU is silent for 200 ms
        assertThat(udp.startLines()).containsExactly("SIP/2.0 100 Trying");
        tx.respond(Messages.response(invite, 486, "t5"));
        note(tx::state);
        time.advance(11_500); // timer G: 500, 1000, 2000, 4000 ms, then capped at T2
        assertThat(udp.times()).containsExactly(200L, 200L, 700L, 1_700L, 3_700L, 7_700L, 11_700L);
        layer.receive(Messages.request("ACK", "z9hG4bKm5", 1, "ACK", "t5"), udp);
        note(tx::state);
        time.advance(4_999); // timer I: T4; the ACK's retransmissions are absorbed meanwhile
        layer.receive(Messages.request("ACK", "z9hG4bKm5", 1, "ACK", "t5"), udp);
        note(tx::state);
        time.advance(1);
        note(tx::state);

        assertThat(walked).containsExactly(PROCEEDING, COMPLETED, CONFIRMED, TERMINATED);
        assertThat(udp.times()).hasSize(7); // timer G stopped at the ACK
        assertThat(serverEvents).isEmpty(); // both ACKs were the transaction's
    }

    @Test
    void inviteServer_timerH_givesUpWithoutAnAck_andTellsTheUser() {
        SipRequest invite = Messages.request("INVITE", "z9hG4bKm6");
        layer.receive(invite, udp);
        ServerTransaction tx = requests.get(0);
        tx.respond(Messages.response(invite, 603, "t6"));
        time.advance(31_999);
        assertThat(tx.state()).isEqualTo(COMPLETED);
        time.advance(1); // timer H: 64*T1
        assertThat(tx.state()).isEqualTo(TERMINATED);
        assertThat(serverEvents).containsExactly("timeout");
    }

    @Test
    void inviteServer_rfc6026_a2xxMovesToAccepted_whoseAckGoesToTheUser_untilTimerL() {
        SipRequest invite = Messages.request("INVITE", "z9hG4bKm7");
        layer.receive(invite, udp);
        ServerTransaction tx = requests.get(0);
        note(tx::state);
        tx.respond(Messages.response(invite, 200, "t7"));
        note(tx::state);
        layer.receive(invite, udp); // a retransmitted INVITE is absorbed in Accepted
        layer.receive(Messages.request("ACK", "z9hG4bKm7", 1, "ACK", "t7"), udp);
        time.advance(31_999); // timer L: 64*T1
        note(tx::state);
        time.advance(1);
        note(tx::state);

        assertThat(walked).containsExactly(PROCEEDING, ACCEPTED, TERMINATED);
        assertThat(udp.startLines()).containsExactly("SIP/2.0 200 Reason");
        assertThat(serverEvents).containsExactly("ack to the user");
    }

    @Test
    void nonInviteServer_17_2_2_tryingProceedingCompletedTerminated_lastResponseAgain_thenTimerJ() {
        SipRequest options = Messages.request("OPTIONS", "z9hG4bKm8");
        layer.receive(options, udp);
        ServerTransaction tx = requests.get(0);
        note(tx::state);
        layer.receive(options, udp); // absorbed in Trying: nothing to send yet
        assertThat(udp.sent).isEmpty();
        tx.respond(Messages.response(options, 183, "t8"));
        note(tx::state);
        layer.receive(options, udp); // Proceeding: the provisional again
        tx.respond(Messages.response(options, 200, "t8"));
        note(tx::state);
        layer.receive(options, udp); // Completed: the final response again
        time.advance(31_999); // timer J: 64*T1 over UDP
        note(tx::state);
        time.advance(1);
        note(tx::state);

        assertThat(walked).containsExactly(TRYING, PROCEEDING, COMPLETED, TERMINATED);
        assertThat(udp.startLines())
                .containsExactly(
                        "SIP/2.0 183 Reason", "SIP/2.0 183 Reason", "SIP/2.0 200 Reason", "SIP/2.0 200 Reason");
    }
}
