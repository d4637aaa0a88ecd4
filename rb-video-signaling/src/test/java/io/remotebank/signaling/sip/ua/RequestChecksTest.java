package io.remotebank.signaling.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.signaling.sip.SipParser;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.transaction.TransactionLayer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks of RFC 3261 8.2 (and 12.2.2, 14.2) a UAS makes before it creates a dialog or a call:
 * each gets its status and the header field that tells the client what to fix, and nothing stays
 * behind once the transaction is over.
 */
class RequestChecksTest {

    static SipRequest raw(String method, String uri, String branch, String headers, String contentType, String body) {
        String b = body == null ? "" : body;
        String text = method + " " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@192.0.2.1>;tag=a1\r\n"
                + "To: <sip:bob@192.0.2.2>\r\n"
                + "Call-ID: checks-1@192.0.2.1\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + "Contact: <sip:alice@192.0.2.1:5060>\r\n"
                + headers
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                + "Content-Length: " + b.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + b;
        return (SipRequest) SipParser.ofDefaults().parse(text.getBytes(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> refused() {
        String sdp = UserAgentTest.OFFER;
        return Stream.of(
                // RFC 3261 8.2.2.1: a scheme the UAS does not handle
                Arguments.of(
                        raw("INVITE", "mailto:bob@example.com", br(), "", "application/sdp", sdp), 416, null, null),
                // 8.2.2.3: Require names an extension the UAS lacks
                Arguments.of(
                        raw("OPTIONS", "sip:bob@192.0.2.2", br(), "Require: foo, 100rel\r\n", null, null),
                        420,
                        "Unsupported",
                        "foo, 100rel"),
                // 8.2.3: a body type it cannot take, and a content coding it cannot undo
                Arguments.of(
                        raw("INVITE", "sip:bob@192.0.2.2", br(), "", "text/plain", "hello"),
                        415,
                        "Accept",
                        "application/sdp"),
                Arguments.of(
                        raw("INFO", "sip:bob@192.0.2.2", br(), "", "application/json", "{}"),
                        415,
                        "Accept",
                        "application/dtmf-relay, application/dtmf, text/plain"),
                Arguments.of(
                        raw("INVITE", "sip:bob@192.0.2.2", br(), "Content-Encoding: gzip\r\n", "application/sdp", sdp),
                        415,
                        "Accept-Encoding",
                        "identity"),
                // 8.2.2.2 / 12.2.2: requests that need a dialog and have none
                Arguments.of(raw("BYE", "sip:bob@192.0.2.2", br(), "", null, null), 481, null, null),
                Arguments.of(
                        raw("INFO", "sip:bob@192.0.2.2", br(), "", "application/dtmf-relay", "Signal=1\r\n"),
                        481,
                        null,
                        null),
                Arguments.of(raw("UPDATE", "sip:bob@192.0.2.2", br(), "", null, null), 481, null, null),
                Arguments.of(raw("CANCEL", "sip:bob@192.0.2.2", br(), "", null, null), 481, null, null),
                // 16.3 / 8.2: no hops left
                Arguments.of(
                        raw("INVITE", "sip:bob@192.0.2.2", br(), "Max-Forwards: 0\r\n", "application/sdp", sdp)
                                .toBuilder()
                                .set("Max-Forwards", "0")
                                .build(),
                        483,
                        null,
                        null),
                // a header field that does not parse when the UAS reads it
                Arguments.of(
                        raw("OPTIONS", "sip:bob@192.0.2.2", br(), "Expires: soon\r\n", null, null), 400, null, null),
                // a method it does not implement
                Arguments.of(
                        raw("SUBSCRIBE", "sip:bob@192.0.2.2", br(), "", null, null), 405, "Allow", UserAgent.ALLOW));
    }

    private static String br() {
        return TransactionLayer.newBranch();
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("refused")
    void refused_withTheStatusAndTheHint_andNothingStays(SipRequest request, int status, String header, String value) {
        Loopback net = new Loopback(false, UasHandler.REFUSE_ALL, call -> call.accept(UserAgentTest.ANSWER));
        net.bob.receive(request);
        net.run();

        SipResponse r = net.bob.lastResponse();
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.toTag())
                .as("a To tag on a final response outside a dialog")
                .isPresent();
        if (header != null) {
            assertThat(r.header(header)).contains(value);
        }
        assertThat(net.bob.ua.liveCalls()).isZero();
        assertThat(net.bob.ua.liveDialogs()).isZero();
        net.bob.receive(
                raw(
                                "ACK",
                                "sip:bob@192.0.2.2",
                                request.topVia().orElseThrow().branch().orElseThrow(),
                                "",
                                null,
                                null)
                        .toBuilder()
                        .set("To", r.header("To").orElseThrow())
                        .set("CSeq", request.cseq().orElseThrow().number() + " ACK")
                        .build());
        net.drain();
        assertThat(net.bob.live()).isZero();
    }

    @Test
    void optionsWithNoHopsLeft_isStillAnswered() {
        Loopback net = new Loopback(false, UasHandler.REFUSE_ALL, UasHandler.REFUSE_ALL);
        net.bob.receive(raw("OPTIONS", "sip:bob@192.0.2.2", br(), "", null, null).toBuilder()
                .set("Max-Forwards", "0")
                .build());
        net.run();
        assertThat(net.bob.lastResponse().statusCode()).isEqualTo(200);
    }

    @Test
    void mergedRequest_sameFromTagCallIdCSeq_otherBranch_gets482() {
        Loopback net = new Loopback(false, UasHandler.REFUSE_ALL, call -> call.ring());
        String sdp = UserAgentTest.OFFER;
        net.bob.receive(raw("INVITE", "sip:bob@192.0.2.2", br(), "", "application/sdp", sdp));
        net.bob.receive(raw("INVITE", "sip:bob@192.0.2.2", br(), "", "application/sdp", sdp));
        net.run();

        assertThat(net.bob.startLines()).contains("SIP/2.0 180 Ringing", "SIP/2.0 482 Loop Detected");
        assertThat(net.bob.ua.liveCalls()).isOne();
    }

    @Test
    void aRequestLikeOneWhoseTransactionEnded_isNotMerged() {
        Loopback net = new Loopback(false, UasHandler.REFUSE_ALL, UasHandler.REFUSE_ALL);
        net.bob.receive(raw("OPTIONS", "sip:bob@192.0.2.2", br(), "", null, null));
        net.run();
        net.bob.receive(raw("OPTIONS", "sip:bob@192.0.2.2", br(), "", null, null));
        net.run();
        assertThat(net.bob.startLines()).containsExactly("SIP/2.0 200 OK", "SIP/2.0 482 Loop Detected");
        net.drain(); // timer J ends both transactions: the first one is forgotten
        net.bob.receive(raw("OPTIONS", "sip:bob@192.0.2.2", br(), "", null, null));
        net.run();
        assertThat(net.bob.lastResponse().statusCode()).isEqualTo(200);
    }

    @Test
    void requestWithinTheDialog_outOfOrderCSeq_gets500() {
        Loopback net = new Loopback(false, UasHandler.REFUSE_ALL, call -> call.accept(UserAgentTest.ANSWER));
        Call call = net.alice.ua.call(UserAgentTest.BOB, UserAgentTest.OFFER, CallListener.NONE);
        net.run();
        call.info("text/plain", "one");
        net.run();
        SipRequest info = (SipRequest) net.alice.sent.get(net.alice.sent.size() - 1);
        assertThat(info.method()).isEqualTo("INFO");

        net.bob.receive(info.toBuilder()
                .set("Via", "SIP/2.0/UDP 192.0.2.1:5060;branch=" + br())
                .set("CSeq", (info.cseq().orElseThrow().number() - 1) + " INFO")
                .build());
        net.run();
        assertThat(net.bob.lastResponse().statusCode()).isEqualTo(500);
        assertThat(call.isEnded()).isFalse();
    }

    @Test
    void reInviteWhileAnotherIsPending_gets491() {
        Loopback net = new Loopback(false, UasHandler.REFUSE_ALL, call -> call.accept(UserAgentTest.ANSWER));
        Call call = net.alice.ua.call(UserAgentTest.BOB, UserAgentTest.OFFER, CallListener.NONE);
        net.alice.drop = m -> m instanceof SipRequest r && r.method().equals("ACK"); // bob's INVITE stays open
        net.run();
        call.update(null); // something to copy the dialog fields from
        net.run();
        SipRequest update = (SipRequest) net.alice.sent.get(net.alice.sent.size() - 1);
        long next = update.cseq().orElseThrow().number() + 1;
        String text = new String(update.toBytes(), StandardCharsets.UTF_8).replaceFirst("^UPDATE ", "INVITE ");
        SipRequest reInvite = (SipRequest) SipParser.ofDefaults()
                .parse(text.replace("UPDATE\r\n", "INVITE\r\n").getBytes(StandardCharsets.UTF_8));
        net.bob.receive(reInvite.toBuilder()
                .set("Via", "SIP/2.0/UDP 192.0.2.1:5060;branch=" + br())
                .set("CSeq", next + " INVITE")
                .body("application/sdp", UserAgentTest.OFFER)
                .build());
        net.run();
        assertThat(net.bob.startLines()).contains("SIP/2.0 491 Request Pending");
    }
}
