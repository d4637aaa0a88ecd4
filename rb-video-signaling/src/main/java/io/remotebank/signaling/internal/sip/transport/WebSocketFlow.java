package io.remotebank.signaling.internal.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;
import io.remotebank.signaling.sip.SipMessage;
import io.remotebank.signaling.sip.SipParseException;
import io.remotebank.signaling.sip.transport.SipTransport;
import io.remotebank.signaling.sip.transport.SipTransportException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSocket connection (RFC 7118): each text or binary message carries one SIP message. A message
 * goes out as a text frame when it is valid UTF-8 (RFC 7118 4.2) and as a binary frame otherwise. A
 * malformed SIP message is dropped: the WebSocket framing stays intact, so the connection does not
 * need to close.
 */
final class WebSocketFlow extends ConnectionFlow {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketFlow.class);

    /** The subprotocol RFC 7118 registers. */
    static final String SUBPROTOCOL = "sip";

    WebSocketFlow(NettyEndpoint endpoint, SipTransport transport, boolean inbound) {
        super(endpoint, transport, inbound);
    }

    @Override
    Object frame(Channel channel, SipMessage message) {
        ByteBuf buf = channel.alloc().buffer(message.encodedLength());
        message.encode(buf);
        return ByteBufUtil.isText(buf, StandardCharsets.UTF_8)
                ? new TextWebSocketFrame(buf)
                : new BinaryWebSocketFrame(buf);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            ByteBuf content = null;
            if (msg instanceof TextWebSocketFrame text) {
                content = text.content();
            } else if (msg instanceof BinaryWebSocketFrame binary) {
                content = binary.content();
            }
            if (content != null) {
                SipMessage message;
                try {
                    message = endpoint.config().parser().parse(content);
                } catch (SipParseException e) {
                    LOG.debug(
                            "dropped a malformed SIP message on a WebSocket: {}",
                            e.code().code());
                    return;
                }
                endpoint.deliver(message, remote, this);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            established();
        } else if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            WebSocketClientProtocolHandler handler = ctx.pipeline().get(WebSocketClientProtocolHandler.class);
            String chosen = handler == null ? null : handler.handshaker().actualSubprotocol();
            if (!SUBPROTOCOL.equals(chosen)) {
                // RFC 7118 4.1: the client closes a connection on which the server did not accept "sip"
                ready.completeExceptionally(
                        new SipTransportException("the WebSocket server did not accept the sip subprotocol", null));
                ctx.close();
                return;
            }
            established();
        } else if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            ready.completeExceptionally(new SipTransportException("WebSocket handshake timed out", null));
            ctx.close();
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }
}
