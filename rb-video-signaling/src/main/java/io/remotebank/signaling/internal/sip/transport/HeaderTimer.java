package io.remotebank.signaling.internal.sip.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.remotebank.core.time.Cancellable;
import io.remotebank.core.time.Scheduler;
import io.remotebank.signaling.sip.SipStreamDecoder;
import io.remotebank.signaling.sip.SipStreamDecoder.Progress;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose peer sends a message too slowly (a slowloris peer holds a connection
 * open with a byte now and then, which the idle timer never sees as silence).
 *
 * <p>On TCP and TLS (RFC 3261 18.3 frames a stream by its header block and Content-Length) the
 * header block must be complete within the timeout of the message's first byte, and then the body
 * within the timeout of the header block's end; CRLF keep-alives between messages start nothing. On
 * an inbound WebSocket the HTTP upgrade must be complete within the timeout of the connection's
 * start. The timer runs on the endpoint's scheduler (virtual time in tests) and the close on the
 * channel's event loop. One instance per channel.
 */
final class HeaderTimer extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(HeaderTimer.class);

    /** What the timer waits for. */
    private enum Phase {
        NONE,
        HANDSHAKE,
        HEADER,
        BODY
    }

    private final Scheduler scheduler;
    private final Duration timeout;
    private final TransportCounters counters;
    /** The stream's decoder, or null on a WebSocket. */
    private final SipStreamDecoder decoder;

    private ChannelHandlerContext ctx;
    private Phase phase = Phase.NONE;
    private Cancellable timer;
    /** Which arming a firing timer belongs to; a stale one does nothing. */
    private long generation;

    private HeaderTimer(Scheduler scheduler, Duration timeout, TransportCounters counters, SipStreamDecoder decoder) {
        this.scheduler = scheduler;
        this.timeout = timeout;
        this.counters = counters;
        this.decoder = decoder;
    }

    /** Times each message of a TCP or TLS stream; goes after the decoder. */
    static HeaderTimer forStream(
            Scheduler scheduler, Duration timeout, TransportCounters counters, SipStreamDecoder decoder) {
        return new HeaderTimer(scheduler, timeout, counters, decoder);
    }

    /** Times the upgrade of an inbound WebSocket; goes after the WebSocket protocol handler. */
    static HeaderTimer forWebSocketHandshake(Scheduler scheduler, Duration timeout, TransportCounters counters) {
        return new HeaderTimer(scheduler, timeout, counters, null);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        if (decoder == null && ctx.channel().isActive()) {
            arm(Phase.HANDSHAKE);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (decoder == null && phase == Phase.NONE) {
            arm(Phase.HANDSHAKE);
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (decoder != null) {
            Progress progress = decoder.progress();
            Phase now = switch (progress) {
                case BETWEEN_MESSAGES -> Phase.NONE;
                case IN_HEADER -> Phase.HEADER;
                case IN_BODY -> Phase.BODY;
            };
            if (now == Phase.NONE) {
                disarm();
            } else if (now != phase) {
                arm(now); // a new message, or its body after its header block: a fresh window
            }
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (decoder == null && evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            disarm();
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        disarm();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        disarm();
    }

    private void arm(Phase next) {
        disarm();
        phase = next;
        long armed = ++generation;
        timer = ChannelTimer.schedule(scheduler, ctx, timeout, () -> expire(armed));
    }

    private void disarm() {
        phase = Phase.NONE;
        generation++;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void expire(long armed) {
        if (armed != generation || !ctx.channel().isActive()) {
            return;
        }
        Phase late = phase;
        disarm();
        counters.closedHeaderTimeout.increment();
        LOG.debug("closing a connection: {} not complete within {} ms", describe(late), timeout.toMillis());
        ctx.close();
    }

    private static String describe(Phase phase) {
        return switch (phase) {
            case HANDSHAKE -> "the WebSocket handshake";
            case HEADER -> "a message's header block";
            case BODY -> "a message's body";
            case NONE -> "nothing";
        };
    }
}
