package io.remotebank.signaling.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.ValidationException;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Server transactions (RFC 3261 17.2) on virtual time. */
class ServerTransactionTest {

    private final VirtualScheduler time = new VirtualScheduler();
    private final List<ServerTransaction> requests = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final List<SipRequest> acks = new ArrayList<>();
    private final TransactionLayer layer =
            TransactionLayer.create(TransactionSettings.ofDefaults(), time, new TransactionUser() {
                @Override
                public void onRequest(ServerTransaction transaction) {
                    requests.add(transaction);
                    events.add("request " + transaction.request().method());
                }

                @Override
                public void onAck(SipRequest ack, SipTransportChannel channel) {
                    acks.add(ack);
                    events.add("ack");
                }

                @Override
                public void onTimeout(ServerTransaction transaction) {
                    events.add("timeout");
                }

                @Override
                public void onTransportError(ServerTransaction transaction, Throwable cause) {
                    events.add("transport error");
                }

                @Override
                public void onTerminated(ServerTransaction transaction) {
                    events.add("terminated " + transaction.request().method());
                }
            });
    private final FakeChannel udp = new FakeChannel(false, time);
    private final FakeChannel tcp = new FakeChannel(true, time);

    @AfterEach
    void nothingLeaks() {
        assertThat(layer.liveTransactions()).isZero();
        assertThat(time.pending()).isZero();
    }

    @Test
    void inviteGetsTryingAfter200MsAndRetransmissionsGetTheLastProvisional() {
        SipRequest invite = Messages.request("INVITE", "z9hG4bKs1");
        layer.receive(invite, udp);
        assertThat(events).containsExactly("request INVITE");
        ServerTransaction tx = requests.get(0);
        assertThat(tx.state()).isEqualTo(TransactionState.PROCEEDING);
        layer.receive(invite, udp); // before 100 Trying: nothing to resend
        assertThat(udp.sent).isEmpty();
        time.advance(199);
        assertThat(udp.sent).isEmpty();
        time.advance(1);
        assertThat(udp.startLines()).containsExactly("SIP/2.0 100 Trying");
        assertThat(udp.last().toTag()).isEmpty();
        layer.receive(invite, udp);
        assertThat(udp.startLines()).containsExactly("SIP/2.0 100 Trying", "SIP/2.0 100 Trying");
        tx.respond(Messages.response(invite, 180, "u1"));
        layer.receive(invite, udp);
        assertThat(udp.startLines()).endsWith("SIP/2.0 180 Reason", "SIP/2.0 180 Reason");
        assertThat(requests).hasSize(1);
        tx.respond(Messages.response(invite, 486, "u1"));
        layer.receive(Messages.request("ACK", "z9hG4bKs1", 1, "ACK", "u1"), udp);
        time.advance(5_000);
    }

    @Test
    void anEarlyResponseSuppressesTrying() {
        SipRequest invite = Messages.request("INVITE", "z9hG4bKs2");
        layer.receive(invite, tcp);
        requests.get(0).respond(Messages.response(invite, 180, "u2"));
        time.advance(1_000);
        assertThat(tcp.startLines()).containsExactly("SIP/2.0 180 Reason");
        requests.get(0).respond(Messages.response(invite, 500, "u2"));
        layer.receive(Messages.request("ACK", "z9hG4bKs2", 1, "ACK", "u2"), tcp);
        assertThat(requests.get(0).state()).isEqualTo(TransactionState.TERMINATED); // timer I = 0 on TCP
    }

    @Test
    void finalErrorIsRetransmittedOnTimerGUntilTheAckThenTimerIEnds() {
        SipRequest invite = Messages.request("INVITE", "z9hG4bKs3");
        layer.receive(invite, udp);
        ServerTransaction tx = requests.get(0);
        tx.respond(Messages.response(invite, 486, "u3"));
        assertThat(tx.state()).isEqualTo(TransactionState.COMPLETED);
        time.advance(8_000);
        // timer G: T1 doubling, capped at T2
        assertThat(udp.times()).containsExactly(0L, 500L, 1_500L, 3_500L, 7_500L);
        layer.receive(invite, udp); // a retransmitted INVITE gets the final response again
        assertThat(udp.times()).hasSize(6);
        layer.receive(Messages.request("ACK", "z9hG4bKs3", 1, "ACK", "u3"), udp);
        assertThat(tx.state()).isEqualTo(TransactionState.CONFIRMED);
        layer.receive(Messages.request("ACK", "z9hG4bKs3", 1, "ACK", "u3"), udp); // absorbed
        assertThat(acks).isEmpty();
        time.advance(4_999);
        assertThat(udp.times()).hasSize(6); // no retransmission after the ACK
        assertThat(tx.state()).isEqualTo(TransactionState.CONFIRMED);
        time.advance(1); // timer I = T4
        assertThat(tx.state()).isEqualTo(TransactionState.TERMINATED);
        assertThat(events).containsExactly("request INVITE", "terminated INVITE");
    }

    @Test
    void timerHEndsATransactionThatNeverGetsItsAck() {
        SipRequest invite = Messages.request("INVITE", "z9hG4bKs4");
        layer.receive(invite, udp);
        requests.get(0).respond(Messages.response(invite, 404, "u4"));
        time.advance(31_999);
        assertThat(udp.times())
                .containsExactly(
                        0L, 500L, 1_500L, 3_500L, 7_500L, 11_500L, 15_500L, 19_500L, 23_500L, 27_500L, 31_500L);
        assertThat(events).containsExactly("request INVITE");
        time.advance(1); // timer H = 64*T1
        assertThat(events).containsExactly("request INVITE", "timeout", "terminated INVITE");
    }

    @Test
    void twoHundredIsAcceptedItsAckGoesToTheUserAndTimerLEnds() {
        SipRequest invite = Messages.request("INVITE", "z9hG4bKs5");
        layer.receive(invite, udp);
        ServerTransaction tx = requests.get(0);
        SipResponse ok = Messages.response(invite, 200, "u5");
        tx.respond(ok);
        assertThat(tx.state()).isEqualTo(TransactionState.ACCEPTED);
        layer.receive(invite, udp); // absorbed (RFC 6026)
        assertThat(requests).hasSize(1);
        assertThat(udp.sent).hasSize(1);
        tx.respond(ok); // the UAS core's 2xx retransmission goes through
        assertThat(udp.sent).hasSize(2);
        assertThatThrownBy(() -> tx.respond(Messages.response(invite, 486, "u5")))
                .isInstanceOf(IllegalStateException.class);
        layer.receive(Messages.request("ACK", "z9hG4bKnew", 1, "ACK", "u5"), udp);
        assertThat(acks).hasSize(1);
        time.advance(32_000);
        assertThat(tx.state()).isEqualTo(TransactionState.TERMINATED);
        assertThatThrownBy(() -> tx.respond(ok)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nonInviteAbsorbsRetransmissionsAndTimerJEnds() {
        SipRequest options = Messages.request("OPTIONS", "z9hG4bKs6");
        layer.receive(options, udp);
        ServerTransaction tx = requests.get(0);
        assertThat(tx.state()).isEqualTo(TransactionState.TRYING);
        layer.receive(options, udp);
        assertThat(udp.sent).isEmpty(); // Trying: absorbed
        time.advance(1_000);
        assertThat(udp.sent).isEmpty(); // no automatic 100 for non-INVITE
        tx.respond(Messages.response(options, 100, null));
        layer.receive(options, udp);
        assertThat(udp.startLines()).containsExactly("SIP/2.0 100 Reason", "SIP/2.0 100 Reason");
        tx.respond(Messages.response(options, 200, "u6"));
        assertThat(tx.state()).isEqualTo(TransactionState.COMPLETED);
        assertThat(tx.lastResponse().orElseThrow().statusCode()).isEqualTo(200);
        layer.receive(options, udp);
        assertThat(udp.startLines()).endsWith("SIP/2.0 200 Reason", "SIP/2.0 200 Reason");
        assertThatThrownBy(() -> tx.respond(Messages.response(options, 200, "u6")))
                .isInstanceOf(IllegalStateException.class);
        time.advance(31_999);
        assertThat(tx.state()).isEqualTo(TransactionState.COMPLETED);
        time.advance(1); // timer J = 64*T1
        assertThat(tx.state()).isEqualTo(TransactionState.TERMINATED);
        assertThat(requests).hasSize(1);
    }

    @Test
    void nonInviteOverTcpEndsOnTheFinalResponse() {
        SipRequest bye = Messages.request("BYE", "z9hG4bKs7", 2, "BYE", "u7");
        layer.receive(bye, tcp);
        requests.get(0).respond(Messages.response(bye, 200, null));
        assertThat(events).containsExactly("request BYE", "terminated BYE");
    }

    @Test
    void aResponseMustMatchTheRequest() {
        SipRequest options = Messages.request("OPTIONS", "z9hG4bKs8");
        layer.receive(options, tcp);
        assertThatThrownBy(() ->
                        requests.get(0).respond(Messages.response(Messages.request("INFO", "z9hG4bKs8"), 200, "x")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("CSeq");
        requests.get(0).respond(Messages.response(options, 200, "x"));
    }

    @Test
    void rfc2543RequestsMatchByTheirFields() {
        // RFC 2543 clients use no magic cookie (RFC 3261 17.2.3)
        SipRequest invite = Messages.request("INVITE", "1234");
        layer.receive(invite, udp);
        layer.receive(invite, udp);
        assertThat(requests).hasSize(1);
        ServerTransaction tx = requests.get(0);
        tx.respond(Messages.response(invite, 486, "w1"));
        // an ACK with another To tag belongs to no transaction
        layer.receive(Messages.request("ACK", "1234", 1, "ACK", "other"), udp);
        assertThat(acks).hasSize(1);
        assertThat(tx.state()).isEqualTo(TransactionState.COMPLETED);
        layer.receive(Messages.request("ACK", "1234", 1, "ACK", "w1"), udp);
        assertThat(tx.state()).isEqualTo(TransactionState.CONFIRMED);
        // a request with another CSeq is a new transaction
        SipRequest second = Messages.request("INVITE", "1234", 2, "INVITE", null);
        layer.receive(second, udp);
        assertThat(requests).hasSize(2);
        requests.get(1).respond(Messages.response(second, 603, "w2"));
        layer.receive(Messages.request("ACK", "1234", 2, "ACK", "w2"), udp);
        time.advance(5_000);
    }

    @Test
    void cancelFindsItsInviteAndIsItsOwnTransaction() {
        SipRequest invite = Messages.request("INVITE", "z9hG4bKs9");
        layer.receive(invite, udp);
        SipRequest cancel = Messages.request("CANCEL", "z9hG4bKs9");
        layer.receive(cancel, udp);
        assertThat(events).containsExactly("request INVITE", "request CANCEL");
        assertThat(layer.findInvite(cancel)).containsSame(requests.get(0));
        assertThat(layer.findInvite(Messages.request("CANCEL", "z9hG4bKzz"))).isEmpty();
        assertThat(layer.findInvite(Messages.request("CANCEL", "2543"))).isEmpty();
        requests.get(1).respond(Messages.response(cancel, 200, "c1"));
        requests.get(0).respond(Messages.response(invite, 487, "c1"));
        layer.receive(Messages.request("ACK", "z9hG4bKs9", 1, "ACK", "c1"), udp);
        time.advance(32_000);
    }

    @Test
    void transportErrorEndsTheServerTransaction() {
        SipRequest invite = Messages.request("INVITE", "z9hG4bKt1");
        layer.receive(invite, udp);
        udp.failing = true;
        time.advance(200); // the 100 Trying cannot be sent
        assertThat(events).containsExactly("request INVITE", "transport error", "terminated INVITE");
        assertThat(requests.get(0).state()).isEqualTo(TransactionState.TERMINATED);
    }

    @Test
    void aClosedFlowEndsItsServerTransactions() {
        layer.receive(Messages.request("INVITE", "z9hG4bKt2"), tcp);
        layer.receive(Messages.request("OPTIONS", "z9hG4bKt3"), tcp);
        assertThat(layer.liveTransactions()).isEqualTo(2);
        layer.transportFailed(tcp, new java.io.IOException("reset"));
        assertThat(events).filteredOn(e -> e.equals("transport error")).hasSize(2);
    }

    @Test
    void aCompletedNonInvite_keepsNeitherParsedMessage() {
        // Timer J keeps the transaction 32 s; what it keeps of its messages is bytes, not the parsed
        // request with what the transaction user read from it (a registrar keeps tens of thousands)
        List<WeakReference<Object>> parsed = receiveAndAnswer("REGISTER", "z9hG4bKk1", null);
        assertThat(requests.get(0).state()).isEqualTo(TransactionState.COMPLETED);
        for (int i = 0; i < 10 && parsed.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc(); // bounded: weak references are cleared by the first full collection
        }
        assertThat(parsed).allSatisfy(r -> assertThat(r.get()).isNull());
        time.advance(32_000);
    }

    @Test
    void aCompletedNonInvite_answersRetransmissionsWithTheSameBytesAndStillShowsItsMessages() {
        SipRequest register = Messages.request("REGISTER", "z9hG4bKk2");
        byte[] requestBytes = register.toBytes();
        SipResponse ok = Messages.response(register, 200, "k2");
        byte[] okBytes = ok.toBytes();
        layer.receive(register, udp);
        ServerTransaction tx = requests.get(0);
        tx.respond(ok);
        udp.sent.clear();
        layer.receive(Messages.request("REGISTER", "z9hG4bKk2"), udp);
        layer.receive(Messages.request("REGISTER", "z9hG4bKk2"), udp);
        assertThat(udp.sent)
                .hasSize(2)
                .allSatisfy(s -> assertThat(s.message().toBytes()).isEqualTo(okBytes));
        assertThat(tx.request().toBytes()).isEqualTo(requestBytes);
        assertThat(tx.request().method()).isEqualTo("REGISTER");
        assertThat(tx.lastResponse().orElseThrow().toBytes()).isEqualTo(okBytes);
        assertThat(tx.toString()).contains("REGISTER", "COMPLETED");
        assertThatThrownBy(() -> tx.respond(Messages.response(register, 200, "k2")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> tx.respond(Messages.response(Messages.request("INFO", "z9hG4bKk2"), 200, "x")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("CSeq");
        time.advance(32_000);
        assertThat(events).containsExactly("request REGISTER", "terminated REGISTER");
        assertThat(tx.request().toBytes()).isEqualTo(requestBytes);
    }

    @Test
    void aCompletedRfc2543NonInvite_stillAnswersItsRetransmissions() {
        SipRequest bye = Messages.request("BYE", "2543-k3", 2, "BYE", "k3");
        layer.receive(bye, udp);
        requests.get(0).respond(Messages.response(bye, 200, null));
        udp.sent.clear();
        layer.receive(Messages.request("BYE", "2543-k3", 2, "BYE", "k3"), udp);
        assertThat(udp.startLines()).containsExactly("SIP/2.0 200 Reason");
        assertThat(requests).hasSize(1);
        time.advance(32_000);
    }

    /** Receives a request and answers it, keeping no strong reference to either message. */
    private List<WeakReference<Object>> receiveAndAnswer(String method, String branch, String toTag) {
        SipRequest request = Messages.request(method, branch, 1, method, toTag);
        layer.receive(request, udp);
        SipResponse response = Messages.response(request, 200, "t");
        requests.get(requests.size() - 1).respond(response);
        udp.sent.clear();
        return List.of(new WeakReference<>(request), new WeakReference<>(response));
    }

    @Test
    void messagesWithoutTheFramingFieldsAreDropped() {
        SipRequest noVia = Messages.request("OPTIONS", "z9hG4bKt4").toBuilder()
                .remove("Via")
                .build();
        layer.receive(noVia, udp);
        assertThat(events).isEmpty();
    }
}
