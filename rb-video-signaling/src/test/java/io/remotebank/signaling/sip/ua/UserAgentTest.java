package io.remotebank.signaling.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.signaling.sip.SipMessage;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.dialog.DialogState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A UAC and a UAS joined on virtual time: calls, their requests, and that nothing leaks. */
class UserAgentTest {

    static final String OFFER = "v=0\r\no=alice 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
            + "m=audio 6000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
    static final String ANSWER = "v=0\r\no=bob 2 1 IN IP4 192.0.2.2\r\ns=-\r\nc=IN IP4 192.0.2.2\r\nt=0 0\r\n"
            + "m=audio 7000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
    static final String BOB = "sip:bob@192.0.2.2:5060";

    /** Bob rings and answers at once; what he saw is kept. */
    static final class Answering implements UasHandler, CallListener {
        final List<IncomingCall> calls = new ArrayList<>();
        final List<IncomingRequest> requests = new ArrayList<>();
        final List<EndReason> ended = new ArrayList<>();
        CompletionStage<Call> confirmed;
        boolean answer = true;
        boolean early;

        @Override
        public void onInvite(IncomingCall call) {
            calls.add(call);
            call.listener(this).ring();
            if (early) {
                call.progress(ANSWER);
            }
            if (answer) {
                confirmed = call.accept(ANSWER);
            }
        }

        @Override
        public Optional<String> onOffer(Call call, String offer) {
            return Optional.of(ANSWER.replace("7000", "7002"));
        }

        @Override
        public void onRequest(Call call, IncomingRequest request) {
            requests.add(request);
            request.respond(200, "OK");
        }

        @Override
        public void onEnded(Call call, EndReason reason) {
            ended.add(reason);
        }
    }

    final Answering bob = new Answering();

    Loopback link(boolean reliable) {
        return new Loopback(reliable, UasHandler.REFUSE_ALL, bob);
    }

    static <T> T done(CompletionStage<T> stage) {
        CompletableFuture<T> f = stage.toCompletableFuture();
        assertThat(f).as("completed").isDone();
        return f.join();
    }

    static Throwable failure(CompletionStage<?> stage) {
        CompletableFuture<?> f = stage.toCompletableFuture();
        assertThat(f).isCompletedExceptionally();
        return f.handle((r, e) -> e instanceof java.util.concurrent.CompletionException ? e.getCause() : e)
                .join();
    }

    @ParameterizedTest(name = "reliable={0}")
    @ValueSource(booleans = {false, true})
    void call_answeredAndAcked_byeReleasesEveryDialogAndTransaction(boolean reliable) {
        Loopback net = link(reliable);
        List<EndReason> aliceEnded = new ArrayList<>();
        Call call = net.alice.ua.call(BOB, OFFER, new CallListener() {
            @Override
            public void onEnded(Call c, EndReason reason) {
                aliceEnded.add(reason);
            }
        });
        net.run();

        SipResponse ok = done(call.answered());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(call.remoteSdp()).contains(ANSWER);
        assertThat(done(bob.confirmed)).isSameAs(bob.calls.get(0).call());
        assertThat(bob.calls.get(0).offer()).contains(OFFER);
        assertThat(net.bob.startLines()).startsWith("SIP/2.0 100 Trying", "SIP/2.0 180 Ringing", "SIP/2.0 200 OK");
        assertThat(net.alice.startLines()).hasSize(2);
        assertThat(net.alice.startLines().get(0)).isEqualTo("INVITE " + BOB + " SIP/2.0");
        assertThat(net.alice.startLines().get(1)).startsWith("ACK sip:rb@192.0.2.2:5060"); // bob's Contact
        assertThat(call.dialog().orElseThrow().state()).isEqualTo(DialogState.CONFIRMED);
        assertThat(net.alice.ua.liveDialogs()).isOne();
        assertThat(net.bob.ua.liveDialogs()).isOne();

        CompletionStage<SipResponse> bye = call.bye();
        net.run();

        assertThat(done(bye).statusCode()).isEqualTo(200);
        assertThat(aliceEnded).containsExactly(EndReason.LOCAL_BYE);
        assertThat(bob.ended).containsExactly(EndReason.REMOTE_BYE);
        net.drain();
        assertThat(net.alice.live()).isZero();
        assertThat(net.bob.live()).isZero();
        assertThat(net.time.pending()).isZero();
    }

    @Test
    void earlyMedia_183WithSdp_makesAnEarlyDialogAndIsKept() {
        bob.answer = false;
        bob.early = true;
        Loopback net = link(false);
        List<Integer> provisional = new ArrayList<>();
        Call call = net.alice.ua.call(BOB, OFFER, new CallListener() {
            @Override
            public void onProvisional(Call c, SipResponse response) {
                provisional.add(response.statusCode());
            }
        });
        net.run();

        assertThat(provisional).containsExactly(180, 183);
        assertThat(call.remoteSdp()).contains(ANSWER);
        assertThat(call.dialog().orElseThrow().state()).isEqualTo(DialogState.EARLY);
        assertThat(call.answered()).isNotDone();

        bob.confirmed = bob.calls.get(0).accept(ANSWER);
        net.run();
        assertThat(done(call.answered()).statusCode()).isEqualTo(200);
        assertThat(call.dialog().orElseThrow().state()).isEqualTo(DialogState.CONFIRMED);
        assertThat(net.alice.ua.liveDialogs()).isOne();
    }

    @Test
    void cancel_ofARingingCall_gets487_andReleasesBothSides() {
        bob.answer = false;
        Loopback net = link(false);
        Call call = net.alice.ua.call(BOB, OFFER, CallListener.NONE);
        net.run();
        call.cancel();
        net.run();

        SipRequestFailedException e = (SipRequestFailedException) failure(call.answered());
        assertThat(e.statusCode()).isEqualTo(487);
        assertThat(done(call.ended())).isEqualTo(EndReason.CANCELLED);
        assertThat(bob.ended).containsExactly(EndReason.CANCELLED);
        assertThat(net.alice.startLines()).contains("CANCEL " + BOB + " SIP/2.0");
        assertThat(net.bob.startLines()).contains("SIP/2.0 487 Request Terminated");
        net.drain();
        assertThat(net.alice.live()).isZero();
        assertThat(net.bob.live()).isZero();
    }

    @Test
    void cancel_beforeAnyProvisional_waitsForOne() {
        bob.answer = false;
        Loopback net = link(false);
        Call call = net.alice.ua.call(BOB, OFFER, CallListener.NONE);
        call.cancel(); // nothing received yet: RFC 3261 9.1 says wait
        assertThat(net.alice.startLines()).noneMatch(l -> l.startsWith("CANCEL"));
        net.run();
        assertThat(((SipRequestFailedException) failure(call.answered())).statusCode())
                .isEqualTo(487);
        net.drain();
        assertThat(net.alice.live() + net.bob.live()).isZero();
    }

    @Test
    void rejection_failsTheCall_andTheAckStaysInTheTransaction() {
        Loopback net = new Loopback(false, UasHandler.REFUSE_ALL, UasHandler.REFUSE_ALL);
        Call call = net.alice.ua.call(BOB, OFFER, CallListener.NONE);
        net.run();

        assertThat(((SipRequestFailedException) failure(call.answered())).statusCode())
                .isEqualTo(480);
        assertThat(done(call.ended())).isEqualTo(EndReason.REJECTED);
        assertThat(net.alice.startLines()).contains("ACK " + BOB + " SIP/2.0");
        net.drain();
        assertThat(net.alice.live() + net.bob.live()).isZero();
    }

    @Test
    void noResponse_timerB_failsWith408_andNothingLeaks() {
        Loopback net = link(false);
        net.alice.drop = m -> true;
        Call call = net.alice.ua.call(BOB, OFFER, CallListener.NONE);
        net.advance(Duration.ofSeconds(31));
        assertThat(call.answered()).isNotDone();
        net.advance(Duration.ofSeconds(2));

        assertThat(((SipRequestFailedException) failure(call.answered())).statusCode())
                .isEqualTo(408);
        assertThat(done(call.ended())).isEqualTo(EndReason.TIMEOUT);
        assertThat(net.alice.live()).isZero();
    }

    @Test
    void transportError_onTheInvite_failsWith503_andNothingLeaks() {
        Loopback net = link(true);
        net.alice.failing = true;
        Call call = net.alice.ua.call(BOB, OFFER, CallListener.NONE);
        net.run();
        assertThat(((SipRequestFailedException) failure(call.answered())).statusCode())
                .isEqualTo(503);
        assertThat(done(call.ended())).isEqualTo(EndReason.TRANSPORT_ERROR);
        assertThat(net.alice.live()).isZero();
    }

    @Test
    void transportError_whileTheUasSendsIts2xx_endsItsCall() {
        Loopback net = link(true);
        net.bob.failing = true;
        net.alice.ua.call(BOB, OFFER, CallListener.NONE);
        net.run();
        assertThat(bob.ended).containsExactly(EndReason.TRANSPORT_ERROR);
        net.drain();
        assertThat(net.bob.live()).isZero();
        assertThat(net.alice.live()).isZero();
    }

    @Test
    void lostAck_uasRetransmitsThe2xx_uacAcksAgain() {
        Loopback net = link(false);
        int[] acks = {0};
        net.alice.drop = m -> m instanceof SipRequest r && r.method().equals("ACK") && acks[0]++ == 0;
        Call call = net.alice.ua.call(BOB, OFFER, CallListener.NONE);
        net.run();
        assertThat(bob.confirmed).isNotDone();

        net.advance(Duration.ofMillis(500)); // T1: the 2xx again
        assertThat(done(bob.confirmed)).isNotNull();
        assertThat(net.alice.startLines().stream().filter(l -> l.startsWith("ACK")))
                .hasSize(2);
        assertThat(done(call.answered()).statusCode()).isEqualTo(200);
    }

    @Test
    void noAck_uasGivesUpAfter64T1_withABye() {
        Loopback net = link(false);
        net.alice.drop = m -> m instanceof SipRequest r && r.method().equals("ACK");
        net.alice.ua.call(BOB, OFFER, CallListener.NONE);
        net.run();
        net.advance(Duration.ofSeconds(31));
        assertThat(bob.confirmed).isNotDone();
        List<Long> okTimes = net.bob.sent.stream()
                .filter(m -> m.startLine().startsWith("SIP/2.0 200"))
                .map(m -> 0L)
                .toList();
        assertThat(okTimes.size()).as("2xx retransmitted, T1 doubling up to T2").isBetween(9, 12);
        net.advance(Duration.ofSeconds(2));

        assertThat(((SipRequestFailedException) failure(bob.confirmed)).statusCode())
                .isEqualTo(408);
        assertThat(bob.ended).containsExactly(EndReason.TIMEOUT);
        assertThat(net.bob.startLines()).anyMatch(l -> l.startsWith("BYE "));
        net.drain();
        assertThat(net.alice.live() + net.bob.live()).isZero();
    }

    @Test
    void reInvite_and_update_renegotiate_andRefreshTheTarget() {
        Loopback net = link(false);
        Call call = net.alice.ua.call(BOB, OFFER, CallListener.NONE);
        net.run();

        CompletionStage<SipResponse> re = call.reInvite(OFFER.replace("6000", "6002"));
        net.run();
        assertThat(done(re).statusCode()).isEqualTo(200);
        assertThat(call.remoteSdp().orElseThrow()).contains("m=audio 7002");
        assertThat(net.alice.startLines().stream().filter(l -> l.startsWith("ACK")))
                .hasSize(2);
        assertThat(bob.calls.get(0).call().remoteSdp().orElseThrow()).contains("m=audio 6002");

        CompletionStage<SipResponse> update = call.update(OFFER.replace("6000", "6004"));
        net.run();
        assertThat(done(update).statusCode()).isEqualTo(200);
        assertThat(bob.calls.get(0).call().remoteSdp().orElseThrow()).contains("m=audio 6004");

        CompletionStage<SipResponse> refresh = call.update(null);
        net.run();
        assertThat(done(refresh).statusCode()).isEqualTo(200);
        assertThat(call.dialog().orElseThrow().localSequence()).isEqualTo(4);
    }

    @Test
    void reInvite_refusedOffer_gets488_andTheCallGoesOn() {
        Loopback net = new Loopback(false, UasHandler.REFUSE_ALL, call -> call.accept(ANSWER));
        Call call = net.alice.ua.call(BOB, OFFER, CallListener.NONE);
        net.run();
        CompletionStage<SipResponse> re = call.reInvite(OFFER);
        net.run();
        assertThat(done(re).statusCode()).isEqualTo(488);
        assertThat(call.isEnded()).isFalse();
        assertThat(net.alice.ua.liveDialogs()).isOne();
    }

    @Test
    void info_carriesDtmf_andMessageText_withinTheDialog() {
        Loopback net = link(false);
        Call call = net.alice.ua.call(BOB, OFFER, CallListener.NONE);
        net.run();

        CompletionStage<SipResponse> info = call.dtmf(new Dtmf('5', Duration.ofMillis(160)));
        CompletionStage<SipResponse> message = call.message("text/plain", "hello");
        net.run();

        assertThat(done(info).statusCode()).isEqualTo(200);
        assertThat(done(message).statusCode()).isEqualTo(200);
        assertThat(bob.requests).hasSize(2);
        SipRequest infoRequest = bob.requests.get(0).request();
        assertThat(infoRequest.method()).isEqualTo("INFO");
        assertThat(Dtmf.parse(infoRequest.bodyText())).isEqualTo(new Dtmf('5', Duration.ofMillis(160)));
        assertThat(bob.requests.get(1).request().bodyText()).isEqualTo("hello");
    }

    @Test
    void options_andMessage_outsideADialog() {
        Loopback net = link(false);
        CompletionStage<SipResponse> options = net.alice.ua.request("OPTIONS", BOB, null, null);
        CompletionStage<SipResponse> message = net.alice.ua.request("MESSAGE", BOB, "text/plain", "hi");
        CompletionStage<SipResponse> register = net.alice.ua.request("REGISTER", BOB, null, null);
        net.run();

        SipResponse ok = done(options);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.allow()).contains("INVITE", "UPDATE", "INFO", "MESSAGE");
        assertThat(done(message).statusCode()).isEqualTo(200);
        assertThat(done(register).statusCode()).isEqualTo(405);
        net.drain();
        assertThat(net.alice.live() + net.bob.live()).isZero();
    }

    @Test
    void byeFromTheCallee_endsTheCallerToo() {
        Loopback net = link(true);
        Call call = net.alice.ua.call(BOB, OFFER, CallListener.NONE);
        net.run();
        done(bob.confirmed).bye();
        net.run();
        assertThat(done(call.ended())).isEqualTo(EndReason.REMOTE_BYE);
        assertThat(net.alice.ua.liveDialogs() + net.bob.ua.liveDialogs()).isZero();
        net.drain();
        assertThat(net.alice.live() + net.bob.live()).isZero();
    }

    @Test
    void requestWithinAGoneDialog_gets481_andEndsTheCall() {
        Loopback net = link(false);
        Call call = net.alice.ua.call(BOB, OFFER, CallListener.NONE);
        net.run();
        net.bob.drop = m -> m.startLine().startsWith("BYE"); // alice never hears the BYE
        done(bob.confirmed).bye();
        net.run();
        assertThat(net.bob.startLines()).contains("BYE sip:rb@192.0.2.1:5060 SIP/2.0"); // alice's Contact
        net.alice.drop = m -> false;

        CompletionStage<SipResponse> info = call.info("text/plain", "still there?");
        net.run();
        assertThat(done(info).statusCode()).isEqualTo(481);
        assertThat(done(call.ended())).isEqualTo(EndReason.TIMEOUT);
        net.drain();
        assertThat(net.alice.live() + net.bob.live()).isZero();
    }

    static SipMessage only(List<SipMessage> sent) {
        assertThat(sent).hasSize(1);
        return sent.get(0);
    }
}
