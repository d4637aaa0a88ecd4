package io.remotebank.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.embedded.EmbeddedChannel;
import io.remotebank.signaling.sdp.Attribute;
import io.remotebank.signaling.sdp.Connection;
import io.remotebank.signaling.sdp.Direction;
import io.remotebank.signaling.sdp.MediaDescription;
import io.remotebank.signaling.sdp.OfferAnswer;
import io.remotebank.signaling.sdp.Origin;
import io.remotebank.signaling.sdp.SessionDescription;
import io.remotebank.signaling.sip.Digest;
import io.remotebank.signaling.sip.DigestAlgorithm;
import io.remotebank.signaling.sip.SipEncoder;
import io.remotebank.signaling.sip.SipMessage;
import io.remotebank.signaling.sip.SipParseException;
import io.remotebank.signaling.sip.SipParser;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.SipStreamDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples of docs/rb-video-signaling.md, compiled and run. */
class GuideExamplesTest {

    static final byte[] DATAGRAM = ("INVITE sip:agent@bank.example.com SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 192.0.2.7;branch=z9hG4bK776asdhds\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "To: <sip:agent@bank.example.com>\r\n"
                    + "From: <sip:customer@example.com>;tag=1928301774\r\n"
                    + "Call-ID: a84b4c76e66710@192.0.2.7\r\n"
                    + "CSeq: 314159 INVITE\r\n"
                    + "Content-Type: application/sdp\r\n"
                    + "Content-Length: 102\r\n"
                    + "\r\n"
                    + "v=0\r\no=- 1 1 IN IP4 192.0.2.7\r\ns=-\r\nc=IN IP4 192.0.2.7\r\nt=0 0\r\n"
                    + "m=audio 49170 RTP/AVP 0 8\r\na=sendrecv\r\n")
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void parse() {
        byte[] datagram = DATAGRAM;
        // tag::parse[]
        SipMessage message = SipParser.ofDefaults().parse(datagram); // framed: start line, top Via,
        // Call-ID, CSeq, From/To and Content-Length; everything else is parsed when first asked for
        String branch = message.topVia().orElseThrow().branch().orElseThrow(); // z9hG4bK776asdhds
        String fromTag = message.fromTag().orElseThrow(); // 1928301774
        if (message instanceof SipRequest request && request.method().equals("INVITE")) {
            SessionDescription offer = SessionDescription.parse(request.body());
            SipResponse ringing = SipResponse.to(request, 180, "Ringing", "a6c85cf")
                    .build(); // copies Via, From, Call-ID, CSeq; To gets the tag
        }
        // end::parse[]
        assertThat(branch).isEqualTo("z9hG4bK776asdhds");
        assertThat(fromTag).isEqualTo("1928301774");
    }

    @Test
    void errors() {
        byte[] bytes = "OPTIONS sip:a@example.com SIP/3.0\r\n\r\n".getBytes(StandardCharsets.UTF_8);
        // tag::errors[]
        try {
            SipParser.ofDefaults().parse(bytes).validate(); // validate(): every field, as a UAS does
        } catch (SipParseException e) {
            int status = e.statusCode(); // 505 here; 400, 413 ... for other faults
            String reason = e.reasonPhrase(); // "Version Not Supported"
            int where = e.offset(); // byte offset of the fault in the message
            // answer a request with status/reason; drop a bad response (RFC 3261 18.1.2)
        }
        // end::errors[]
        assertThatThrownBy(() -> SipParser.ofDefaults().parse(bytes))
                .isInstanceOfSatisfying(
                        SipParseException.class, e -> assertThat(e.statusCode()).isEqualTo(505));
    }

    @Test
    void pipeline() {
        // tag::pipeline[]
        EmbeddedChannel channel = new EmbeddedChannel(
                new SipStreamDecoder(SipParser.ofDefaults()), // TCP/TLS: frames by Content-Length
                new SipEncoder()); // @Sharable
        // end::pipeline[]
        channel.writeInbound(io.netty.buffer.Unpooled.wrappedBuffer(DATAGRAM));
        SipMessage m = channel.readInbound();
        assertThat(m.callId()).contains("a84b4c76e66710@192.0.2.7");
        channel.finishAndReleaseAll();
    }

    @Test
    void answer() {
        SessionDescription offer = SessionDescription.parse(new String(DATAGRAM, StandardCharsets.UTF_8)
                .substring(new String(DATAGRAM, StandardCharsets.UTF_8).indexOf("v=0")));
        // tag::answer[]
        SessionDescription answer = OfferAnswer.answer(
                offer,
                new Origin("-", "7", "1", "IN", "IP4", "203.0.113.5"),
                Connection.of("203.0.113.5"),
                List.of(new OfferAnswer.Capability(
                        "audio", 30000, List.of("PCMA/8000", "telephone-event/8000"), Direction.SENDRECV, List.of())));
        MediaDescription audio = answer.media().get(0); // m=audio 30000 RTP/AVP 8, a=sendrecv
        String sdp = answer.toString(); // CRLF line ends, ready for the 200 OK body
        // end::answer[]
        assertThat(audio.formats()).containsExactly("8");
        assertThat(sdp).contains("m=audio 30000 RTP/AVP 8\r\n");
        assertThat(audio.attributes()).contains(Attribute.flag("sendrecv"));
    }

    @Test
    void digest() {
        // tag::digest[]
        String response = Digest.response(
                DigestAlgorithm.fromToken("SHA-256"), // from the challenge's algorithm parameter
                "Mufasa",
                "http-auth@example.org",
                "Circle of Life", // user, realm, password
                "GET",
                "/dir/index.html", // method and digest-uri
                "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
                "00000001", // nonce, nc
                "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"); // cnonce; qop=auth
        boolean ok = Digest.matches(response, "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
        // end::digest[]
        assertThat(ok).isTrue();
    }
}
