package io.remotebank.signaling.internal.sip.transport;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.remotebank.signaling.sip.transaction.VirtualScheduler;
import io.remotebank.signaling.sip.transport.SipTransport;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RFC 5626 4.4.1 keep-alive as its own handler, on virtual time. */
class KeepAliveTest {

    private static final long INTERVAL_MS = 30_000;
    private static final long PONG_MS = 10_000;

    private final VirtualScheduler time = new VirtualScheduler();
    private EmbeddedChannel channel;

    private EmbeddedChannel flow(SipTransport transport) {
        channel = new EmbeddedChannel(
                new KeepAlive(time, transport, Duration.ofMillis(INTERVAL_MS), Duration.ofMillis(PONG_MS)));
        return channel;
    }

    private void established() {
        channel.pipeline().fireUserEventTriggered(KeepAlive.FLOW_ESTABLISHED);
    }

    private void advance(long millis) {
        time.advance(millis);
        channel.runPendingTasks();
    }

    /** The next thing written, as text, or null. */
    private String written() {
        Object o = channel.readOutbound();
        if (o == null) {
            return null;
        }
        try {
            return o instanceof ByteBuf b ? b.toString(US_ASCII) : o.getClass().getSimpleName();
        } finally {
            ReferenceCountUtil.release(o);
        }
    }

    @AfterEach
    void close() {
        if (channel != null) {
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void noPing_beforeTheFlowCarriesSip() {
        flow(SipTransport.TCP);
        advance(10 * INTERVAL_MS);
        assertThat(written()).isNull();
        assertThat(time.pending()).isZero();
    }

    @Test
    void aDoubleCrlfPing_goesOutEachInterval_onTcp() {
        flow(SipTransport.TCP);
        established();
        advance(INTERVAL_MS - 1);
        assertThat(written()).isNull();
        advance(1);
        assertThat(written()).isEqualTo("\r\n\r\n");
    }

    @Test
    void aWebSocketFlow_pingsWithAWebSocketPing() {
        flow(SipTransport.WS);
        established();
        advance(INTERVAL_MS);
        assertThat(written()).isEqualTo(PingWebSocketFrame.class.getSimpleName());
    }

    @Test
    void noPongWithinTheTimeout_closesTheFlow() {
        flow(SipTransport.TCP);
        established();
        advance(INTERVAL_MS);
        assertThat(written()).isEqualTo("\r\n\r\n");
        advance(PONG_MS - 1);
        assertThat(channel.isOpen()).isTrue();
        advance(1);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void anythingReadAfterAPing_keepsTheFlow_andThePingsGoOn() {
        flow(SipTransport.TCP);
        established();
        advance(INTERVAL_MS);
        for (int i = 0; i < 3; i++) {
            assertThat(written()).as("ping %d", i).isEqualTo("\r\n\r\n");
            channel.writeInbound(Unpooled.copiedBuffer("\r\n", US_ASCII)); // the pong
            ReferenceCountUtil.release(channel.readInbound());
            advance(PONG_MS);
            assertThat(channel.isOpen()).isTrue();
            advance(INTERVAL_MS - PONG_MS);
        }
    }

    @Test
    void aClosedFlow_leavesNoTimer() {
        flow(SipTransport.TCP);
        established();
        assertThat(time.pending()).isEqualTo(1);
        channel.close();
        assertThat(time.pending()).isZero();
        advance(10 * INTERVAL_MS);
        assertThat(written()).isNull();
    }
}
