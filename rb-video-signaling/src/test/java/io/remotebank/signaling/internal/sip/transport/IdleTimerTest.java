package io.remotebank.signaling.internal.sip.transport;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import io.remotebank.signaling.sip.transaction.VirtualScheduler;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The idle timer on the endpoint's scheduler: virtual time closes a silent connection. */
class IdleTimerTest {

    private static final long TIMEOUT_MS = 300_000;

    private final VirtualScheduler time = new VirtualScheduler();
    private final TransportCounters counters = new TransportCounters();
    private final EmbeddedChannel channel =
            new EmbeddedChannel(new IdleTimer(time, Duration.ofMillis(TIMEOUT_MS), counters));

    private void advance(long millis) {
        time.advance(millis);
        channel.runPendingTasks();
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void aSilentConnection_closesAtTheTimeout() {
        advance(TIMEOUT_MS - 1);
        assertThat(channel.isOpen()).isTrue();
        advance(1);
        assertThat(channel.isOpen()).isFalse();
        assertThat(counters.closedIdle.sum()).isEqualTo(1);
    }

    @Test
    void aRead_movesTheTimeoutOn() {
        advance(TIMEOUT_MS - 1);
        channel.writeInbound(Unpooled.copiedBuffer("x", US_ASCII));
        ReferenceCountUtil.release(channel.readInbound());
        advance(TIMEOUT_MS - 1);
        assertThat(channel.isOpen()).isTrue();
        advance(1);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aWrite_movesTheTimeoutOn() {
        advance(TIMEOUT_MS / 2);
        channel.writeOutbound(Unpooled.copiedBuffer("x", US_ASCII));
        ReferenceCountUtil.release(channel.readOutbound());
        advance(TIMEOUT_MS - 1);
        assertThat(channel.isOpen()).isTrue();
        advance(1);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aBusyConnection_keepsOneTimerAtATime() {
        for (int i = 0; i < 100; i++) {
            channel.writeInbound(Unpooled.copiedBuffer("x", US_ASCII));
            ReferenceCountUtil.release(channel.readInbound());
            advance(1_000);
        }
        assertThat(time.pending()).isEqualTo(1);
    }

    @Test
    void aClosedConnection_leavesNoTimer() {
        channel.close();
        assertThat(time.pending()).isZero();
        assertThat(counters.closedIdle.sum()).isZero();
    }
}
