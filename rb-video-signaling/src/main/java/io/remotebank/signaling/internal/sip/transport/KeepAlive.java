package io.remotebank.signaling.internal.sip.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.remotebank.core.time.Cancellable;
import io.remotebank.core.time.Scheduler;
import io.remotebank.signaling.sip.transport.SipTransport;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keep-alive on a connection this endpoint opened (RFC 5626 4.4.1): once the flow carries SIP, a
 * ping every interval (CRLFCRLF on TCP and TLS, a WebSocket ping on WS and WSS), and the connection
 * closed when nothing at all is read within the pong timeout of a ping. It sits at the head of the
 * pipeline, so every byte read counts as a sign of life (the CRLF pong is consumed by the SIP
 * decoder, a WebSocket pong by Netty's protocol handler). The timers run on the endpoint's scheduler
 * and act on the channel's event loop. One per channel.
 */
final class KeepAlive extends ChannelDuplexHandler {

    private static final Logger LOG = LoggerFactory.getLogger(KeepAlive.class);
    private static final byte[] PING = {'\r', '\n', '\r', '\n'};

    /** The user event a flow fires down its pipeline when it can carry SIP. */
    static final Object FLOW_ESTABLISHED = new Object() {
        @Override
        public String toString() {
            return "FLOW_ESTABLISHED";
        }
    };

    private final Scheduler scheduler;
    private final SipTransport transport;
    private final Duration interval;
    private final Duration pongTimeout;

    private ChannelHandlerContext ctx;
    private Cancellable pings;
    private boolean readSincePing = true;
    private boolean stopped;

    KeepAlive(Scheduler scheduler, SipTransport transport, Duration interval, Duration pongTimeout) {
        this.scheduler = scheduler;
        this.transport = transport;
        this.interval = interval;
        this.pongTimeout = pongTimeout;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt == FLOW_ESTABLISHED) {
            if (pings == null && !stopped) {
                pings = scheduler.scheduleWithFixedDelay(
                        interval, interval, () -> ChannelTimer.onEventLoop(ctx, this::ping));
            }
            return; // the flow's own event: nobody after us needs it
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        readSincePing = true;
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stop();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        stop();
    }

    private void ping() {
        if (stopped || !ctx.channel().isActive()) {
            return;
        }
        readSincePing = false;
        // the pong's deadline counts from before the ping leaves, so that no answer can beat it
        ChannelTimer.schedule(scheduler, ctx, pongTimeout, this::pongDue);
        Object ping = transport.webSocket() ? new PingWebSocketFrame() : Unpooled.wrappedBuffer(PING);
        // from the tail, so that the WebSocket encoder and TLS see it as any other write
        ctx.channel().writeAndFlush(ping);
    }

    /** RFC 5626 4.4.1: without a pong in time the flow has failed. */
    private void pongDue() {
        if (!readSincePing && !stopped && ctx.channel().isActive()) {
            LOG.debug("no pong on a {} connection; closing it", transport);
            ctx.close();
        }
    }

    private void stop() {
        stopped = true;
        if (pings != null) {
            pings.cancel();
        }
    }
}
