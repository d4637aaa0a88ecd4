package io.remotebank.signaling.internal.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.signaling.sip.SipParseException;
import io.remotebank.signaling.sip.SipParser;
import io.remotebank.signaling.sip.SipResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stateless answers to requests that do not parse (no transaction can exist for them). */
class StatelessReplyTest {

    static final String HEAD = " sip:bob@192.0.2.2 SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKs1\r\n"
            + "v: SIP/2.0/UDP 192.0.2.9:5060;branch=z9hG4bKs0\r\n"
            + "From: <sip:alice@192.0.2.1>;tag=a1\r\n"
            + "To: <sip:bob@192.0.2.2>\r\n"
            + "Call-ID: stateless-1\r\n";

    static Optional<SipResponse> reply(String text) {
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        SipParseException e;
        try {
            SipParser.ofDefaults().parse(raw);
            throw new AssertionError("expected a parse failure");
        } catch (SipParseException x) {
            e = x;
        }
        return StatelessReply.forMalformed(raw, e)
                .map(b -> (SipResponse) SipParser.ofDefaults().parse(b));
    }

    @Test
    void badCSeq_gets400_withTheFieldsCopiedAsTheyCame_andATag() {
        byte[] raw =
                ("INVITE" + HEAD + "CSeq: abc INVITE\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        SipParseException e = new SipParseException(
                io.remotebank.signaling.SignalingError.SIP_MALFORMED, 400, "Bad Request", 0, "bad CSeq");
        String r = new String(StatelessReply.forMalformed(raw, e).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(r)
                .startsWith("SIP/2.0 400 Bad Request\r\n"
                        + "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKs1\r\n"
                        + "Via: SIP/2.0/UDP 192.0.2.9:5060;branch=z9hG4bKs0\r\n"
                        + "From: <sip:alice@192.0.2.1>;tag=a1\r\n"
                        + "To: <sip:bob@192.0.2.2>;tag=");
        assertThat(r).endsWith("\r\nCall-ID: stateless-1\r\nCSeq: abc INVITE\r\nContent-Length: 0\r\n\r\n");
    }

    @Test
    void fieldsThatParse_giveAParseableResponse() {
        SipResponse r = reply("INVITE" + HEAD + "CSeq: 1 INVITE\r\nContact: <sip:broken\r\nContent-Length: x\r\n\r\n")
                .orElseThrow();
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.vias()).hasSize(2);
        assertThat(r.fromTag()).contains("a1");
        assertThat(r.toTag()).isPresent();
    }

    @Test
    void otherVersion_gets505() {
        SipResponse r = reply("OPTIONS sip:bob@192.0.2.2 SIP/3.0\r\n" + HEAD.substring(HEAD.indexOf("\r\n") + 2)
                        + "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n")
                .orElseThrow();
        assertThat(r.statusCode()).isEqualTo(505);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // a response is never answered (RFC 3261 18.1.2)
                "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP h;branch=z9hG4bKx\r\nCSeq: x\r\n\r\n",
                // nor an ACK
                "ACK sip:bob@192.0.2.2 SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bKx\r\nFrom: <sip:a@h>;tag=1\r\n"
                        + "To: <sip:b@h>\r\nCall-ID: c\r\nCSeq: x ACK\r\n\r\n",
                // nor what lacks the fields a response needs
                "INVITE sip:bob@192.0.2.2 SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bKx\r\nCSeq: x INVITE\r\n\r\n",
                // nor what has Call-ID twice
                "INVITE sip:bob@192.0.2.2 SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bKx\r\nFrom: <sip:a@h>;tag=1\r\n"
                        + "To: <sip:b@h>\r\nCall-ID: c\r\nCall-ID: d\r\nCSeq: 1 INVITE\r\n\r\n",
                "garbage"
            })
    void nothingToAnswer(String text) {
        assertThat(reply(text)).isEmpty();
    }
}
