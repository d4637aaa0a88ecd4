package io.remotebank.signaling.sip;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.remotebank.signaling.sdp.SdpParseException;
import io.remotebank.signaling.sdp.SessionDescription;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Fuzzes the SIP parser: any input either parses or fails with {@link SipParseException}; whatever
 * parses serializes to bytes that parse to the same bytes; every lazy accessor either works or
 * throws the declared exception; the stream decoder releases what it is given. In a normal build
 * Jazzer replays the seed corpus in {@code SipParserFuzzTestInputs/parse} (the RFC 4475 and 5118
 * torture messages and typical traffic); {@code JAZZER_FUZZ=1} fuzzes for up to ten minutes.
 */
class SipParserFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void parse(byte[] input) {
        SipMessage m;
        try {
            m = SipParser.ofDefaults().parse(input);
        } catch (SipParseException expected) {
            return;
        }
        byte[] out = m.toBytes();
        byte[] again = SipParser.ofDefaults().parse(out).toBytes();
        if (!Arrays.equals(out, again)) {
            throw new IllegalStateException("serialization does not round-trip");
        }
        exercise(m);
        stream(out);
    }

    private static void exercise(SipMessage m) {
        // Values decoded without a UTF-8 check (an all-ASCII header block) read as UTF-8 decoding does.
        String all = new String(m.toBytes(), StandardCharsets.UTF_8);
        for (Header h : m.headers()) {
            if (!all.contains(h.value())) {
                throw new IllegalStateException("header value not as written: " + h.name());
            }
        }
        sameAsContact(m, "From", m.from());
        sameAsContact(m, "To", m.to());
        m.headers();
        m.topVia();
        m.callId();
        m.cseq();
        m.fromTag();
        m.toTag();
        m.toString();
        try {
            m.validate();
        } catch (SipParseException expected) {
            // a field parsed on first use may be malformed
        }
        try {
            m.toBuilder()
                    .headerFirst("Via", "SIP/2.0/UDP fuzz.example.com;branch=z9hG4bKf")
                    .build();
        } catch (SipParseException expected) {
            // the original may carry fields that only parse lazily
        }
        if (m.bodyLength() > 0) {
            try {
                SessionDescription.parse(m.body());
            } catch (SdpParseException expected) {
                // most bodies are not SDP
            }
        }
    }

    /**
     * From and To are checked when framed and built later from what the check recorded; the same
     * value parsed as a Contact (the full walk) must give the same address.
     */
    private static void sameAsContact(SipMessage m, String name, Optional<NameAddress> built) {
        if (built.isEmpty()) {
            return;
        }
        String value = m.header(name).orElseThrow();
        byte[] probe = ("OPTIONS sip:probe@example.com SIP/2.0\r\nContact: " + value + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        List<NameAddress> walked;
        try {
            walked = SipParser.ofDefaults().parse(probe).contacts();
        } catch (SipParseException e) {
            throw new IllegalStateException(name + " framed but does not parse as a Contact", e);
        }
        if (walked.size() != 1 || !walked.get(0).equals(built.get())) {
            throw new IllegalStateException(name + " built differently from the full walk: " + walked + " / " + built);
        }
    }

    private static void stream(byte[] bytes) {
        EmbeddedChannel ch = new EmbeddedChannel(new SipStreamDecoder(SipParser.ofDefaults()));
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        try {
            ch.writeInbound(in);
        } catch (DecoderException e) {
            if (!(e.getCause() instanceof SipParseException)) {
                throw e;
            }
        } finally {
            ch.finishAndReleaseAll();
        }
    }
}
