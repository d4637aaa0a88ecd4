package io.remotebank.channels.smpp.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.channel.WriteBufferWaterMark;
import io.remotebank.core.Arguments;
import org.apiguardian.api.API;

/**
 * Back-pressure for one SMPP connection, on either side: a peer that sends requests and never reads
 * the responses must not make this side queue responses without end.
 *
 * <p>Every request of SMPP 3.4 (enquire_link, deliver_sm, submit_sm, ...) is answered (section 2.5),
 * so each PDU read can make one PDU to write. The handler sets an explicit {@link
 * WriteBufferWaterMark}; while the bytes waiting to be written are above its high mark (the channel
 * is not writable) it stops reading, so no more requests come in and no more answers are made; it
 * reads again once the peer has taken enough for the channel to be writable (below the low mark).
 * What one read already brought in is still answered, so the queue can overshoot the high mark by
 * about one read buffer's answers. Writes that no read paces (receipts or MO messages sent to a
 * receiver bind that does not read, a timer's enquire_link) are capped by a hard limit: past it the
 * connection is closed.
 *
 * <p>Sits between the TLS handler (if any) and the SMPP codec, so that it counts encoded bytes and
 * sees every {@code read()} the codec asks for. One instance per channel; event-loop confined.
 */
@API(status = INTERNAL, since = "0.1")
public final class WriteBackPressure extends ChannelDuplexHandler {

    /**
     * The limits on the bytes waiting to be written (Netty counts each queued buffer's size and its
     * entry's overhead).
     *
     * @param lowWaterMark reading resumes when the queue falls below this
     * @param highWaterMark reading stops when the queue rises above this
     * @param closeAbove the connection closes when the queue rises above this
     */
    @API(status = INTERNAL, since = "0.1")
    public record Limits(int lowWaterMark, int highWaterMark, long closeAbove) {

        /** 256 KiB, 1 MiB, 16 MiB: a window of 10,000 submit_sm fits, and 16 MiB a connection at most. */
        public static final Limits DEFAULT = new Limits(256 * 1024, 1024 * 1024, 16L * 1024 * 1024);

        /** Validates: 1 <= low < high < closeAbove. */
        public Limits {
            Arguments.inRange(lowWaterMark, 1, Integer.MAX_VALUE - 1, "low water mark");
            Arguments.inRange(highWaterMark, lowWaterMark + 1L, Integer.MAX_VALUE, "high water mark");
            Arguments.inRange(closeAbove, highWaterMark + 1L, Long.MAX_VALUE, "close above");
        }
    }

    /** What the handler tells its owner, on the channel's event loop. */
    @API(status = INTERNAL, since = "0.1")
    public interface Listener {
        /**
         * Reading stopped: the peer does not take what is written fast enough.
         *
         * @param channel the connection
         * @param pendingBytes the bytes waiting to be written
         */
        void readsPaused(Channel channel, long pendingBytes);

        /**
         * Reading resumed.
         *
         * @param channel the connection
         */
        void readsResumed(Channel channel);

        /**
         * The queue passed the hard limit; the handler closes the connection after this returns.
         *
         * @param channel the connection
         * @param pendingBytes the bytes waiting to be written
         * @param limit the hard limit
         */
        void overflowed(Channel channel, long pendingBytes, long limit);
    }

    private final Limits limits;
    private final Listener listener;
    private boolean paused;
    private boolean overflowed;

    /**
     * Creates the handler for one channel.
     *
     * @param limits the water marks and the hard limit
     * @param listener told when reading pauses and resumes and when the hard limit is passed
     */
    public WriteBackPressure(Limits limits, Listener listener) {
        this.limits = Arguments.notNull(limits, "limits");
        this.listener = Arguments.notNull(listener, "listener");
    }

    /**
     * The bytes waiting to be written on a channel: buffers queued or flushed but not yet taken by
     * the socket, with Netty's per-entry overhead (TLS's own queue included).
     *
     * @param channel the channel
     * @return the bytes, 0 when the channel is closed
     */
    public static long pendingBytes(Channel channel) {
        ChannelOutboundBuffer out = channel.unsafe().outboundBuffer();
        return out == null ? 0 : out.totalPendingWriteBytes();
    }

    /** Whether reading is paused now. */
    public boolean paused() {
        return paused;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        ctx.channel()
                .config()
                .setWriteBufferWaterMark(new WriteBufferWaterMark(limits.lowWaterMark(), limits.highWaterMark()));
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        Channel ch = ctx.channel();
        if (!ch.isWritable()) {
            if (!paused) {
                paused = true;
                ch.config().setAutoRead(false);
                listener.readsPaused(ch, pendingBytes(ch));
            }
        } else if (paused) {
            paused = false;
            // Turning auto-read back on asks for a read, which passes read() below.
            ch.config().setAutoRead(true);
            listener.readsResumed(ch);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        // A decoder holding half a PDU asks for one more read even with auto-read off: not while
        // paused, or a peer sending PDUs in pieces would be read on and answered regardless.
        if (!paused) {
            ctx.read();
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        ctx.write(msg, promise);
        long pending = pendingBytes(ctx.channel());
        if (pending > limits.closeAbove() && !overflowed) {
            overflowed = true;
            listener.overflowed(ctx.channel(), pending, limits.closeAbove());
            ctx.close();
        }
    }
}
