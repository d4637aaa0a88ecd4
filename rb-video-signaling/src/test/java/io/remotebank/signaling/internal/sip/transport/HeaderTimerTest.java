package io.remotebank.signaling.internal.sip.transport;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;
import io.remotebank.signaling.sip.SipParser;
import io.remotebank.signaling.sip.SipStreamDecoder;
import io.remotebank.signaling.sip.transaction.VirtualScheduler;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The header timer on virtual time: a message that trickles in closes its connection. */
class HeaderTimerTest {

    private static final long TIMEOUT_MS = 10_000;
    private static final String HEAD = "OPTIONS sip:uas@127.0.0.1 SIP/2.0\r\n"
            + "Via: SIP/2.0/TCP 127.0.0.1:5060;branch=z9hG4bKht1\r\n"
            + "Max-Forwards: 70\r\n"
            + "From: <sip:probe@example.com>;tag=p1\r\n"
            + "To: <sip:uas@127.0.0.1>\r\n"
            + "Call-ID: probe-ht1\r\n"
            + "CSeq: 1 OPTIONS\r\n";

    private final VirtualScheduler time = new VirtualScheduler();
    private final TransportCounters counters = new TransportCounters();
    private EmbeddedChannel channel;

    private EmbeddedChannel stream() {
        SipStreamDecoder decoder = new SipStreamDecoder(SipParser.ofDefaults());
        channel = new EmbeddedChannel(
                decoder, HeaderTimer.forStream(time, Duration.ofMillis(TIMEOUT_MS), counters, decoder));
        return channel;
    }

    private void send(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, US_ASCII));
        for (Object o; (o = channel.readInbound()) != null; ) {
            ReferenceCountUtil.release(o);
        }
    }

    /** Moves virtual time on and lets the channel's event loop run what the timer handed it. */
    private void advance(long millis) {
        time.advance(millis);
        channel.runPendingTasks();
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void aHeaderBlockThatTricklesIn_closesTheConnectionAtTheTimeout() {
        stream();
        send("OPT");
        for (int i = 0; i < 3; i++) {
            advance(TIMEOUT_MS / 4);
            send("I"); // a byte now and then: never idle, never complete
        }
        assertThat(channel.isOpen()).isTrue();
        advance(TIMEOUT_MS / 4);
        assertThat(channel.isOpen()).isFalse();
        assertThat(counters.closedHeaderTimeout.sum()).isEqualTo(1);
    }

    @Test
    void aMessageThatArrivesWhole_leavesNoTimer() {
        stream();
        send(HEAD + "Content-Length: 0\r\n\r\n");
        send(HEAD.substring(0, 10));
        send(HEAD.substring(10) + "Content-Length: 0\r\n\r\n");
        assertThat(time.pending()).isZero();
        advance(10 * TIMEOUT_MS);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void keepAlivesBetweenMessages_startNoTimer() {
        stream();
        for (int i = 0; i < 5; i++) {
            send("\r\n\r\n"); // RFC 5626 4.4.1 pings
            advance(TIMEOUT_MS);
        }
        assertThat(channel.isOpen()).isTrue();
        assertThat(counters.closedHeaderTimeout.sum()).isZero();
    }

    @Test
    void theBodyGetsItsOwnWindowAfterTheHeaderBlock() {
        stream();
        send(HEAD);
        advance(TIMEOUT_MS - 1);
        send("Content-Length: 10\r\n\r\n12345"); // the header block ends just in time
        advance(TIMEOUT_MS - 1);
        assertThat(channel.isOpen()).isTrue();
        advance(1);
        assertThat(channel.isOpen()).as("the body did not follow in time").isFalse();
        assertThat(counters.closedHeaderTimeout.sum()).isEqualTo(1);
    }

    @Test
    void aWebSocketThatDoesNotCompleteItsHandshake_isClosed() {
        channel = new EmbeddedChannel(HeaderTimer.forWebSocketHandshake(time, Duration.ofMillis(TIMEOUT_MS), counters));
        channel.writeInbound(Unpooled.copiedBuffer("GET / HTTP/1.1\r\nHost: x\r\n", US_ASCII));
        advance(TIMEOUT_MS);
        assertThat(channel.isOpen()).isFalse();
        assertThat(counters.closedHeaderTimeout.sum()).isEqualTo(1);
    }

    @Test
    void aCompletedWebSocketHandshake_stopsTheTimer() {
        channel = new EmbeddedChannel(HeaderTimer.forWebSocketHandshake(time, Duration.ofMillis(TIMEOUT_MS), counters));
        channel.pipeline()
                .fireUserEventTriggered(
                        new WebSocketServerProtocolHandler.HandshakeComplete("/", new DefaultHttpHeaders(), "sip"));
        advance(10 * TIMEOUT_MS);
        assertThat(channel.isOpen()).isTrue();
        assertThat(time.pending()).isZero();
    }
}
