package io.remotebank.signaling.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.signaling.sdp.SessionDescription;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.transaction.FakeChannel;
import io.remotebank.signaling.sip.transaction.Messages;
import io.remotebank.signaling.sip.transaction.ServerTransaction;
import io.remotebank.signaling.sip.transaction.SipTransportChannel;
import io.remotebank.signaling.sip.transaction.TransactionLayer;
import io.remotebank.signaling.sip.transaction.TransactionSettings;
import io.remotebank.signaling.sip.transaction.TransactionUser;
import io.remotebank.signaling.sip.transaction.VirtualScheduler;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The auto-answering UAS core on virtual time, through the transaction layer. */
class AutoAnswerUasTest {

    static final String OFFER = "v=0\r\n"
            + "o=user1 53655765 2353687637 IN IP4 192.0.2.10\r\n"
            + "s=-\r\n"
            + "c=IN IP4 192.0.2.10\r\n"
            + "t=0 0\r\n"
            + "m=audio 6000 RTP/AVP 0\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n";

    private final VirtualScheduler time = new VirtualScheduler();
    private final FakeChannel udp = new FakeChannel(false, time);
    private final FakeChannel tcp = new FakeChannel(true, time);
    private AutoAnswerUas uas;
    private final TransactionLayer layer = layer(Duration.ZERO);

    private TransactionLayer layer(Duration ring) {
        AutoAnswerUas.Settings settings = AutoAnswerUas.Settings.audio("sip:uas@192.0.2.1:5060", "192.0.2.1", 30000)
                .withRingTime(ring);
        TransactionLayer[] holder = new TransactionLayer[1];
        holder[0] = TransactionLayer.create(TransactionSettings.ofDefaults(), time, new TransactionUser() {
            @Override
            public void onRequest(ServerTransaction transaction) {
                uas.onRequest(transaction);
            }

            @Override
            public void onAck(SipRequest ack, SipTransportChannel channel) {
                uas.onAck(ack, channel);
            }

            @Override
            public void onTransportError(ServerTransaction transaction, Throwable cause) {
                uas.onTransportError(transaction, cause);
            }
        });
        uas = new AutoAnswerUas(holder[0], settings);
        return holder[0];
    }

    private static SipRequest invite(String branch) {
        return Messages.request("INVITE", branch).toBuilder()
                .body("application/sdp", OFFER)
                .build();
    }

    @AfterEach
    void nothingLeaks() {
        time.advance(64_000);
        assertThat(layer.liveTransactions()).isZero();
        assertThat(time.pending()).isZero();
    }

    @Test
    void optionsGets200WithAllow() {
        layer.receive(Messages.request("OPTIONS", "z9hG4bKo1"), udp);
        SipResponse ok = (SipResponse) udp.last();
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.allow()).contains("INVITE", "BYE", "CANCEL", "OPTIONS", "ACK");
        assertThat(ok.toTag()).isPresent();
    }

    @Test
    void aCallIsRungAnsweredAckedAndHungUp() {
        layer.receive(invite("z9hG4bKi1"), udp);
        assertThat(udp.startLines()).containsExactly("SIP/2.0 180 Ringing", "SIP/2.0 200 OK");
        SipResponse ok = (SipResponse) udp.last();
        String tag = ok.toTag().orElseThrow();
        assertThat(udp.sent.get(0).message().toTag()).contains(tag);
        SessionDescription answer = SessionDescription.parse(ok.body());
        assertThat(answer.media().get(0).port()).isEqualTo(30000);
        assertThat(answer.media().get(0).formats()).containsExactly("0");
        assertThat(uas.liveDialogs()).isEqualTo(1);
        time.advance(1_600);
        // the 2xx is retransmitted by the UAS core until the ACK (T1, 2*T1, ...)
        assertThat(udp.times()).containsExactly(0L, 0L, 500L, 1_500L);
        layer.receive(Messages.request("ACK", "z9hG4bKa1", 1, "ACK", tag), udp);
        time.advance(10_000);
        assertThat(udp.times()).hasSize(4);
        layer.receive(Messages.request("BYE", "z9hG4bKb1", 2, "BYE", tag), udp);
        assertThat(((SipResponse) udp.last()).statusCode()).isEqualTo(200);
        assertThat(uas.liveDialogs()).isZero();
    }

    @Test
    void withoutAnAckThe200StopsAfter64T1AndTheDialogEnds() {
        layer.receive(invite("z9hG4bKi2"), udp);
        time.advance(40_000);
        assertThat(udp.times())
                .containsExactly(
                        0L, 0L, 500L, 1_500L, 3_500L, 7_500L, 11_500L, 15_500L, 19_500L, 23_500L, 27_500L, 31_500L);
        assertThat(uas.liveDialogs()).isZero();
    }

    @Test
    void overTcpThe200IsSentOnce() {
        layer.receive(invite("z9hG4bKi3"), tcp);
        time.advance(40_000);
        assertThat(tcp.startLines()).containsExactly("SIP/2.0 180 Ringing", "SIP/2.0 200 OK");
        assertThat(uas.liveDialogs()).isZero(); // no ACK within 64*T1
    }

    @Test
    void cancelWhileRingingEndsTheInviteWith487() {
        TransactionLayer ringing = layer(Duration.ofSeconds(2));
        SipRequest invite = invite("z9hG4bKi4");
        ringing.receive(invite, udp);
        time.advance(1_000);
        ringing.receive(Messages.request("CANCEL", "z9hG4bKi4"), udp);
        assertThat(udp.startLines())
                .containsExactly("SIP/2.0 180 Ringing", "SIP/2.0 200 OK", "SIP/2.0 487 Request Terminated");
        String tag = udp.last().toTag().orElseThrow();
        assertThat(udp.sent.get(1).message().cseq().orElseThrow().method()).isEqualTo("CANCEL");
        ringing.receive(Messages.request("ACK", "z9hG4bKi4", 1, "ACK", tag), udp);
        time.advance(5_000);
        assertThat(udp.startLines()).hasSize(3); // no 200 to the INVITE after the CANCEL
        assertThat(uas.liveDialogs()).isZero();
        time.advance(64_000);
        assertThat(ringing.liveTransactions()).isZero();
    }

    @Test
    void cancelAfterTheAnswerOnlyGets200() {
        layer.receive(invite("z9hG4bKi5"), tcp);
        layer.receive(Messages.request("CANCEL", "z9hG4bKi5"), tcp);
        assertThat(tcp.startLines()).containsExactly("SIP/2.0 180 Ringing", "SIP/2.0 200 OK", "SIP/2.0 200 OK");
        assertThat(uas.liveDialogs()).isEqualTo(1);
        String tag = tcp.sent.get(1).message().toTag().orElseThrow();
        layer.receive(Messages.request("ACK", "z9hG4bKa5", 1, "ACK", tag), tcp);
        layer.receive(Messages.request("BYE", "z9hG4bKb5", 2, "BYE", tag), tcp);
        assertThat(uas.liveDialogs()).isZero();
    }

    @Test
    void reInviteInTheDialogIsAnswered() {
        layer.receive(invite("z9hG4bKi6"), tcp);
        String tag = tcp.last().toTag().orElseThrow();
        layer.receive(Messages.request("ACK", "z9hG4bKa6", 1, "ACK", tag), tcp);
        SipRequest reinvite = Messages.request("INVITE", "z9hG4bKr6", 2, "INVITE", tag).toBuilder()
                .body("application/sdp", OFFER)
                .build();
        layer.receive(reinvite, tcp);
        assertThat(tcp.startLines()).endsWith("SIP/2.0 200 OK");
        assertThat(tcp.last().cseq().orElseThrow().number()).isEqualTo(2);
        layer.receive(Messages.request("ACK", "z9hG4bKa7", 2, "ACK", tag), tcp);
        layer.receive(Messages.request("BYE", "z9hG4bKb6", 3, "BYE", tag), tcp);
        assertThat(uas.liveDialogs()).isZero();
    }

    @Test
    void aTransportErrorEndsTheCall() {
        udp.failing = true;
        layer.receive(invite("z9hG4bKt1"), udp);
        assertThat(uas.liveDialogs()).isZero();
    }

    @Test
    void whatItCannotHandleIsRefused() {
        layer.receive(Messages.request("BYE", "z9hG4bKx1", 2, "BYE", "nope"), tcp);
        layer.receive(Messages.request("CANCEL", "z9hG4bKx2"), tcp);
        layer.receive(Messages.request("INVITE", "z9hG4bKx3"), tcp); // no offer
        layer.receive(
                Messages.request("INVITE", "z9hG4bKx4").toBuilder()
                        .body("text/plain", "hello")
                        .build(),
                tcp);
        layer.receive(
                Messages.request("INVITE", "z9hG4bKx5").toBuilder()
                        .body("application/sdp", "v=0\r\nnot sdp\r\n")
                        .build(),
                tcp);
        layer.receive(Messages.request("INVITE", "z9hG4bKx6", 5, "INVITE", "unknown-dialog"), tcp);
        layer.receive(Messages.request("SUBSCRIBE", "z9hG4bKx7"), tcp);
        layer.receive(Messages.request("FROB", "z9hG4bKx8"), tcp);
        layer.receive(Messages.request("ACK", "z9hG4bKx9", 1, "ACK", "stray"), tcp); // ignored
        assertThat(tcp.sent.stream().map(s -> ((SipResponse) s.message()).statusCode()))
                .containsExactly(481, 481, 488, 415, 488, 481, 405, 501);
        assertThat(tcp.sent.get(3).message().accept()).isNotEmpty();
        assertThat(uas.liveDialogs()).isZero();
    }
}
