package io.remotebank.channels.smpp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import io.remotebank.channels.smpp.pdu.CommandId;
import io.remotebank.channels.smpp.pdu.Pdu;
import io.remotebank.channels.smpp.pdu.SmppDecoder;
import io.remotebank.channels.smpp.pdu.SmppEncoder;
import io.remotebank.core.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link WriteBackPressure} on an {@link EmbeddedChannel}: no socket, every buffer released. */
class WriteBackPressureTest {

    private static final WriteBackPressure.Limits LIMITS = new WriteBackPressure.Limits(1_000, 4_000, 20_000);

    private final List<String> events = new ArrayList<>();
    private final WriteBackPressure.Listener listener = new WriteBackPressure.Listener() {
        @Override
        public void readsPaused(Channel channel, long pendingBytes) {
            events.add("paused");
        }

        @Override
        public void readsResumed(Channel channel) {
            events.add("resumed");
        }

        @Override
        public void overflowed(Channel channel, long pendingBytes, long limit) {
            events.add("overflowed above " + limit);
        }
    };

    /** Counts the read requests that get past the handler to the transport. */
    private final class ReadCounter extends ChannelOutboundHandlerAdapter {
        int reads;

        @Override
        public void read(ChannelHandlerContext ctx) {
            reads++;
            ctx.read();
        }
    }

    private final ReadCounter transport = new ReadCounter();
    private final WriteBackPressure handler = new WriteBackPressure(LIMITS, listener);
    private final EmbeddedChannel ch = new EmbeddedChannel(transport, handler);

    @AfterEach
    void releaseEverything() {
        ch.finishAndReleaseAll();
    }

    private ByteBuf octets(int n) {
        return Unpooled.buffer(n).writeZero(n);
    }

    @Test
    void theWaterMarks_areSetOnTheChannel() {
        assertThat(ch.config().getWriteBufferWaterMark().low()).isEqualTo(1_000);
        assertThat(ch.config().getWriteBufferWaterMark().high()).isEqualTo(4_000);
    }

    @Test
    void aboveTheHighWaterMark_readingStops_andBelowTheLow_itResumes() {
        ch.write(octets(5_000));

        assertThat(ch.isWritable()).isFalse();
        assertThat(ch.config().isAutoRead()).isFalse();
        assertThat(handler.paused()).isTrue();
        assertThat(events).containsExactly("paused");

        ch.flushOutbound(); // the peer took it all
        assertThat(ch.isWritable()).isTrue();
        assertThat(ch.config().isAutoRead()).isTrue();
        assertThat(handler.paused()).isFalse();
        assertThat(events).containsExactly("paused", "resumed");
    }

    @Test
    void whilePaused_aReadRequest_isHeldBack_andResumingReadsAgain() {
        ch.write(octets(5_000));
        int before = transport.reads;

        ch.read(); // what a decoder holding half a PDU asks for with auto-read off

        assertThat(transport.reads).isEqualTo(before);
        ch.flushOutbound();
        assertThat(transport.reads).as("resuming asks for a read").isGreaterThan(before);
    }

    @Test
    void belowTheHighWaterMark_nothingChanges() {
        ch.write(octets(3_000));

        assertThat(ch.isWritable()).isTrue();
        assertThat(ch.config().isAutoRead()).isTrue();
        assertThat(events).isEmpty();
        assertThat(WriteBackPressure.pendingBytes(ch)).isGreaterThanOrEqualTo(3_000);
    }

    @Test
    void pastTheHardLimit_theChannelCloses_andWhatWaitedIsReleased() {
        List<ByteBuf> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ByteBuf b = octets(5_000);
            written.add(b);
            ch.write(b);
        }

        assertThat(ch.isOpen()).isFalse();
        assertThat(events).containsExactly("paused", "overflowed above 20000");
        assertThat(written).allSatisfy(b -> assertThat(b.refCnt()).isZero());
        assertThat(WriteBackPressure.pendingBytes(ch)).isZero();
    }

    @Test
    void answersToAFloodOfRequests_stopTheReading_andTheRestWaitsInTheDecoder() {
        // The pipeline of a real SMPP session: every enquire_link read makes an enquire_link_resp.
        EmbeddedChannel session = new EmbeddedChannel(
                new WriteBackPressure(LIMITS, listener),
                new SmppDecoder(),
                SmppEncoder.INSTANCE,
                new io.netty.channel.ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        Pdu.HeaderOnly h = (Pdu.HeaderOnly) msg;
                        ctx.write(new Pdu.HeaderOnly(CommandId.ENQUIRE_LINK_RESP, 0, h.sequence()));
                    }
                });
        try {
            // Each answer counts its 16 octets and Netty's entry overhead: 4,000 is passed after a few dozen.
            for (int i = 1; i <= 200 && session.config().isAutoRead(); i++) {
                ByteBuf request = Unpooled.buffer(16)
                        .writeInt(16)
                        .writeInt(0x15)
                        .writeInt(0)
                        .writeInt(i);
                session.writeInbound(request);
            }
            assertThat(session.config().isAutoRead()).isFalse();
            assertThat(events).containsExactly("paused");
            assertThat(session.isOpen()).isTrue();

            session.flushOutbound();
            assertThat(session.config().isAutoRead()).isTrue();
        } finally {
            for (Object o; (o = session.readOutbound()) != null; ) {
                ReferenceCountUtil.release(o);
            }
            session.finishAndReleaseAll();
        }
    }

    @Test
    void limits_mustRiseFromLowToHighToTheHardLimit() {
        assertThatThrownBy(() -> new WriteBackPressure.Limits(4_000, 4_000, 20_000))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("high water mark");
        assertThatThrownBy(() -> new WriteBackPressure.Limits(1_000, 4_000, 4_000))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("close above");
        assertThatThrownBy(() -> new WriteBackPressure.Limits(0, 4_000, 20_000))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("low water mark");
    }
}
