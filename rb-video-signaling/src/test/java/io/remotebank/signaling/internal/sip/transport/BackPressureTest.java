package io.remotebank.signaling.internal.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import io.remotebank.signaling.sip.transport.SipTransportException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The back-pressure handler without sockets: writability stops reads, the limit closes or drops. */
class BackPressureTest {

    private static final int LOW = 1_000;
    private static final int HIGH = 4_000;
    private static final int MAX = 16_000;

    private final TransportCounters counters = new TransportCounters();
    /** Counts the reads that get past the handler towards the socket. */
    private final ReadsToSocket reads = new ReadsToSocket();

    private final List<ByteBuf> written = new ArrayList<>();
    private EmbeddedChannel channel;

    private static final class ReadsToSocket extends ChannelOutboundHandlerAdapter {
        int count;

        @Override
        public void read(ChannelHandlerContext ctx) {
            count++;
            ctx.read();
        }
    }

    private EmbeddedChannel channel(BackPressure.Overflow overflow) {
        channel = new EmbeddedChannel();
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(LOW, HIGH));
        channel.pipeline().addLast(reads, new BackPressure(MAX, overflow, counters));
        return channel;
    }

    /** Writes without flushing: the peer takes nothing, as one that never reads. */
    private ChannelFuture queue(int bytes) {
        ByteBuf buf = Unpooled.buffer(bytes).writeZero(bytes);
        written.add(buf);
        ChannelFuture f = channel.write(buf);
        channel.runPendingTasks();
        return f;
    }

    @AfterEach
    void release() {
        if (channel != null) {
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void aboveTheHighWaterMark_theConnectionStopsReading_andReadsAgainOnceDrained() {
        channel(BackPressure.Overflow.CLOSE);
        queue(HIGH / 2);
        assertThat(channel.config().isAutoRead()).isTrue();

        queue(HIGH); // over the high-water mark
        assertThat(channel.isWritable()).isFalse();
        assertThat(channel.config().isAutoRead()).as("automatic reads stop").isFalse();
        int before = reads.count;
        channel.read(); // as Netty's WebSocket handler asks after each ping it answers
        assertThat(reads.count)
                .as("a read asked for by another handler is held back")
                .isEqualTo(before);

        channel.flush(); // the peer takes everything
        channel.runPendingTasks();
        assertThat(channel.isWritable()).isTrue();
        assertThat(channel.config().isAutoRead()).isTrue();
        assertThat(reads.count).as("reading resumes").isGreaterThan(before);
        assertThat(channel.isOpen()).isTrue();
        assertThat(counters.closedOutboundOverflow.sum()).isZero();
    }

    @Test
    void aWritePastTheLimit_failsAndClosesTheConnection_andNothingQueuedLeaks() {
        channel(BackPressure.Overflow.CLOSE);
        List<ChannelFuture> writes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            writes.add(queue(4_000));
        }
        ChannelFuture refused = writes.stream()
                .filter(f -> f.isDone() && f.cause() instanceof SipTransportException)
                .findFirst()
                .orElseThrow();
        assertThat(refused.cause()).hasMessageContaining("does not read");
        assertThat(BackPressure.pending(channel))
                .as("what waits stays within the limit")
                .isLessThanOrEqualTo(MAX);
        assertThat(channel.isOpen()).isFalse();
        assertThat(counters.closedOutboundOverflow.sum()).isEqualTo(1);
        channel.runPendingTasks();
        assertThat(written).allSatisfy(b -> assertThat(b.refCnt()).isZero());
        written.clear();
    }

    @Test
    void onADatagramSocket_aWritePastTheLimitIsDropped_andTheSocketStaysOpen() {
        channel(BackPressure.Overflow.DROP);
        for (int i = 0; i < 4; i++) {
            assertThat(queue(3_900).isDone()).isFalse(); // queued, within the limit
        }
        ChannelFuture dropped = queue(3_900);
        assertThat(dropped.isDone()).isTrue();
        assertThat(dropped.cause()).isInstanceOf(SipTransportException.class);
        assertThat(written.get(4).refCnt()).isZero();
        assertThat(channel.isOpen()).isTrue();
        assertThat(counters.droppedDatagramReplies.sum()).isEqualTo(1);
        assertThat(counters.closedOutboundOverflow.sum()).isZero();

        channel.flush();
        channel.runPendingTasks();
        assertThat(queue(3_900).isDone())
                .as("room again once the socket drained")
                .isFalse();
        for (Object o; (o = channel.readOutbound()) != null; ) {
            ReferenceCountUtil.release(o);
        }
    }
}
