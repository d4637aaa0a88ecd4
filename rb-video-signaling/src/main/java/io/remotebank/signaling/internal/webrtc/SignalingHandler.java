package io.remotebank.signaling.internal.webrtc;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One signaling connection, the last handler of its pipeline: hands each text message to the hub
 * (within the client's message rate) and is the hub's {@link Link} back. One per channel.
 */
final class SignalingHandler extends ChannelInboundHandlerAdapter implements Link {

    private static final Logger LOG = LoggerFactory.getLogger(SignalingHandler.class);

    private final Hub hub;
    private final RateLimit rate;
    private Channel channel;
    private Connection connection;

    SignalingHandler(Hub hub, RateLimit rate) {
        this.hub = hub;
        this.rate = rate;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete && connection == null) {
            connection = hub.open(this);
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (connection == null || !(msg instanceof WebSocketFrame)) {
                return;
            }
            if (!rate.take()) {
                hub.rateLimited(connection);
            } else if (msg instanceof TextWebSocketFrame text) {
                hub.receive(connection, text.text());
            } else {
                // the protocol is JSON text (RFC 6455 5.6: a binary frame is not text)
                hub.receive(connection, "");
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (connection != null) {
            hub.closed(connection);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            // RFC 6455 7.4.1: 1009, a message too big to process
            close(WebSocketCloseStatus.MESSAGE_TOO_BIG.code(), "message too big");
            return;
        }
        LOG.debug("closing a signaling connection after {}", cause.getClass().getSimpleName());
        ctx.close();
    }

    @Override
    public void send(String text) {
        channel.writeAndFlush(new TextWebSocketFrame(text));
    }

    @Override
    public void close(int status, String reason) {
        if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(status, reason)).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
