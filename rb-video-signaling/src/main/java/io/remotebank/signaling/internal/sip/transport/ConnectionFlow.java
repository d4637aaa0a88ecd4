package io.remotebank.signaling.internal.sip.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.remotebank.core.RbException;
import io.remotebank.signaling.sip.SipMessage;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.transaction.SipTransportChannel;
import io.remotebank.signaling.sip.transport.SipTransport;
import io.remotebank.signaling.sip.transport.SipTransportException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection (TCP, TLS, WS or WSS) as a flow the transaction layer sends on; also the last
 * handler of its pipeline. It counts as established once it can carry SIP: at once for TCP, after
 * the TLS handshake for TLS, after the WebSocket handshake (with the {@code sip} subprotocol) for WS
 * and WSS. When it closes, every transaction on it ends with a transport error.
 */
abstract class ConnectionFlow extends ChannelInboundHandlerAdapter implements SipTransportChannel {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionFlow.class);

    final NettyEndpoint endpoint;
    final SipTransport transport;
    /** Whether the peer opened it (this endpoint is the server of the connection). */
    final boolean inbound;

    final CompletableFuture<SipTransportChannel> ready = new CompletableFuture<>();
    volatile Channel channel;
    volatile InetSocketAddress remote;
    /** Other addresses the peer offered this connection for (RFC 5923 alias). */
    final Set<InetSocketAddress> aliases = ConcurrentHashMap.newKeySet();

    ConnectionFlow(NettyEndpoint endpoint, SipTransport transport, boolean inbound) {
        this.endpoint = endpoint;
        this.transport = transport;
        this.inbound = inbound;
    }

    /** What goes down the pipeline for a message. */
    abstract Object frame(Channel channel, SipMessage message);

    @Override
    public final boolean reliable() {
        return true;
    }

    boolean isOpen() {
        Channel c = channel;
        return c != null && c.isActive() && ready.isDone() && !ready.isCompletedExceptionally();
    }

    @Override
    public CompletionStage<Void> send(SipMessage message) {
        Channel c = channel;
        if (c == null || !c.isActive()) {
            if (message instanceof SipResponse response && inbound && !transport.webSocket()) {
                // RFC 3261 18.2.2: the connection is gone, open one to received / sent-by
                return endpoint.sendResponseOnNewConnection(transport, response);
            }
            // RFC 7118 5: a WebSocket client cannot be reached any other way
            return CompletableFuture.failedFuture(
                    new SipTransportException("connection closed", new ClosedChannelException()));
        }
        return NettyEndpoint.toStage(c.writeAndFlush(frame(c, message)));
    }

    /** The connection carries SIP now: register it for reuse and start the keep-alives. */
    final void established() {
        if (ready.isDone()) {
            return;
        }
        endpoint.register(this);
        channel.pipeline().fireUserEventTriggered(KeepAlive.FLOW_ESTABLISHED);
        ready.complete(this);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        remote = (InetSocketAddress) channel.remoteAddress();
        if (transport == SipTransport.TCP) {
            established();
        }
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent handshake) {
            if (!handshake.isSuccess()) {
                LOG.debug("TLS handshake failed: {}", handshake.cause().toString());
                ready.completeExceptionally(
                        new SipTransportException("TLS handshake failed: " + handshake.cause(), handshake.cause()));
                ctx.close();
            } else if (transport == SipTransport.TLS) {
                established();
            }
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // RFC 3261 18.3: a bad Content-Length or other framing error cannot be resynchronised
        LOG.debug("closing a {} connection after an error: {}", transport, describe(cause));
        ready.completeExceptionally(new SipTransportException("connection failed: " + cause, cause));
        ctx.close();
    }

    /** The error's code or class, never its message (which may quote a header with personal data). */
    static String describe(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof RbException rb) {
                return rb.code().code();
            }
        }
        return cause.getClass().getSimpleName();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        endpoint.unregister(this);
        ready.completeExceptionally(new SipTransportException("connection closed", new ClosedChannelException()));
        endpoint.transactions().transportFailed(this, new ClosedChannelException());
        ctx.fireChannelInactive();
    }

    @Override
    public String toString() {
        return transport + (inbound ? " connection from " : " connection to ") + remote;
    }
}
