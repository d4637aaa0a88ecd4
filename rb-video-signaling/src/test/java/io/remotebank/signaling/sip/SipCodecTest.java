package io.remotebank.signaling.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Netty codec through EmbeddedChannel; every buffer is released (paranoid leak detection). */
class SipCodecTest {

    private static final String OPTIONS = "OPTIONS sip:bob@example.com SIP/2.0\r\n"
            + "Via: SIP/2.0/TCP client.example.com;branch=z9hG4bK776asdhds\r\n"
            + "Max-Forwards: 70\r\n"
            + "To: <sip:bob@example.com>\r\n"
            + "From: <sip:alice@example.com>;tag=1928301774\r\n"
            + "Call-ID: a84b4c76e66710\r\n"
            + "CSeq: 63104 OPTIONS\r\n"
            + "Content-Length: 4\r\n"
            + "\r\n"
            + "abcd";

    private static ByteBuf buf(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }

    @Test
    void streamDecoder_framesByContentLength_acrossArbitrarySplits() {
        EmbeddedChannel ch = new EmbeddedChannel(new SipStreamDecoder(SipParser.ofDefaults()));
        String two = "\r\n\r\n" + OPTIONS + OPTIONS.replace("63104", "63105");
        for (int i = 0; i < two.length(); i += 7) {
            ch.writeInbound(buf(two.substring(i, Math.min(two.length(), i + 7))));
        }
        SipRequest first = ch.readInbound();
        SipRequest second = ch.readInbound();
        assertThat(first.cseq().orElseThrow().number()).isEqualTo(63104);
        assertThat(first.bodyText()).isEqualTo("abcd");
        assertThat(second.cseq().orElseThrow().number()).isEqualTo(63105);
        assertThat((Object) ch.readInbound()).isNull();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void streamDecoder_missingContentLength_failsAndDiscards() {
        EmbeddedChannel ch = new EmbeddedChannel(new SipStreamDecoder(SipParser.ofDefaults()));
        String bad = OPTIONS.replace("Content-Length: 4\r\n", "");
        assertThatThrownBy(() -> ch.writeInbound(buf(bad)))
                .isInstanceOf(DecoderException.class)
                .hasCauseInstanceOf(SipParseException.class);
        ch.writeInbound(buf(OPTIONS));
        assertThat((Object) ch.readInbound()).isNull();
        ch.finishAndReleaseAll();
    }

    @Test
    void streamDecoder_oversizedHeaderBlock_is413() {
        SipParser small = SipParser.withLimits(new SipLimits(256, 32, 200));
        EmbeddedChannel ch = new EmbeddedChannel(new SipStreamDecoder(small));
        String huge = "OPTIONS sip:a@b SIP/2.0\r\nX: " + "y".repeat(400);
        assertThatThrownBy(() -> ch.writeInbound(buf(huge)))
                .cause()
                .isInstanceOfSatisfying(
                        SipParseException.class, e -> assertThat(e.statusCode()).isEqualTo(413));
        ch.finishAndReleaseAll();
    }

    @Test
    void encoder_writesTheMessageBytes_andRoundTrips() {
        SipMessage m = SipParser.ofDefaults().parse(OPTIONS.getBytes(StandardCharsets.UTF_8));
        EmbeddedChannel out = new EmbeddedChannel(new SipEncoder());
        assertThat(out.writeOutbound(m)).isTrue();
        ByteBuf written = out.readOutbound();
        try {
            assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo(OPTIONS);
            EmbeddedChannel in = new EmbeddedChannel(new SipStreamDecoder(SipParser.ofDefaults()));
            in.writeInbound(written.retain());
            SipMessage back = in.readInbound();
            assertThat(back.toBytes()).isEqualTo(m.toBytes());
            in.finishAndReleaseAll();
        } finally {
            written.release();
        }
        out.finishAndReleaseAll();
    }

    @Test
    void datagramParse_consumesTheBuffer_callerReleases() {
        ByteBuf b = buf(OPTIONS);
        try {
            SipMessage m = SipParser.ofDefaults().parse(b);
            assertThat(b.isReadable()).isFalse();
            assertThat(m.callId()).contains("a84b4c76e66710");
        } finally {
            b.release();
        }
    }
}
