package io.remotebank.signaling.sip;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.remotebank.signaling.sdp.SdpParseException;
import io.remotebank.signaling.sdp.SessionDescription;
import java.util.Arrays;

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
