package io.remotebank.signaling.internal.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.channel.FileRegion;
import io.netty.util.ReferenceCountUtil;
import io.remotebank.signaling.sip.transport.SipTransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Back-pressure on one channel, the first handler of its pipeline so that every byte written to the
 * socket passes it: SIP messages, the pongs Netty and {@link StreamFlow} send for a peer's pings,
 * stateless replies and HTTP refusals alike.
 *
 * <ul>
 *   <li>Above the channel's high-water mark ({@code WRITE_BUFFER_WATER_MARK}) the peer is not taking
 *       what it is sent, so the channel stops reading: automatic reads go off and read requests
 *       from other handlers (Netty's WebSocket handler asks for one after each ping it answers) are
 *       held back. Below the low-water mark reading resumes.
 *   <li>A write that would take the bytes waiting past {@code maxPending} is refused (its promise
 *       fails, the message is released): a connection is then closed, since a peer that does not
 *       read cannot be served; a datagram socket, shared by every peer, drops the message (UDP may
 *       lose any datagram; the transactions retransmit).
 * </ul>
 *
 * One instance per channel.
 */
final class BackPressure extends ChannelDuplexHandler {

    private static final Logger LOG = LoggerFactory.getLogger(BackPressure.class);

    /** What a write past the limit does. */
    enum Overflow {
        /** Closes the channel (a connection). */
        CLOSE,
        /** Drops the message and keeps the channel (a datagram socket). */
        DROP
    }

    private final long maxPending;
    private final Overflow overflow;
    private final TransportCounters counters;
    private boolean overflowed;

    BackPressure(long maxPending, Overflow overflow, TransportCounters counters) {
        this.maxPending = maxPending;
        this.overflow = overflow;
        this.counters = counters;
    }

    /** The bytes waiting in a channel's outbound buffer (0 once it is closed). */
    static long pending(Channel channel) {
        ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
        return buffer == null ? 0 : buffer.totalPendingWriteBytes();
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            ctx.read();
        }
        // else: held back; turning automatic reads on again asks for a read once the channel drains
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        Channel channel = ctx.channel();
        // setAutoRead(true) also asks for a read, which passes read() above now that it is writable
        channel.config().setAutoRead(channel.isWritable());
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        long size = size(msg);
        if (pending(ctx.channel()) + size <= maxPending) {
            ctx.write(msg, promise);
            return;
        }
        ReferenceCountUtil.release(msg);
        promise.tryFailure(new SipTransportException(
                "the peer does not read: over " + maxPending + " bytes wait to be sent to it", null));
        if (overflow == Overflow.DROP) {
            counters.droppedDatagramReplies.increment();
        } else if (!overflowed) {
            overflowed = true;
            counters.closedOutboundOverflow.increment();
            LOG.debug("closing a connection whose peer does not read: over {} bytes queued", maxPending);
            ctx.close();
        }
    }

    private static long size(Object msg) {
        if (msg instanceof ByteBuf buf) {
            return buf.readableBytes();
        }
        if (msg instanceof ByteBufHolder holder) {
            return holder.content().readableBytes();
        }
        if (msg instanceof FileRegion region) {
            return region.count();
        }
        return 0;
    }
}
