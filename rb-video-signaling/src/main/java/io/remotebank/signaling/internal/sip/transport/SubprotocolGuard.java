package io.remotebank.signaling.internal.sip.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a WebSocket handshake that does not offer the {@code sip} subprotocol (RFC 7118 4.1: the
 * subprotocol is what makes the connection a SIP one) and any plain HTTP request, with a 400 that
 * closes the connection. Stateless.
 */
@Sharable
final class SubprotocolGuard extends ChannelInboundHandlerAdapter {

    static final SubprotocolGuard INSTANCE = new SubprotocolGuard();

    private SubprotocolGuard() {}

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest request) {
            String problem = problem(request);
            if (problem != null) {
                FullHttpResponse response = new DefaultFullHttpResponse(
                        request.protocolVersion(),
                        HttpResponseStatus.BAD_REQUEST,
                        Unpooled.copiedBuffer(problem + "\n", StandardCharsets.US_ASCII));
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN);
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                HttpUtil.setContentLength(response, response.content().readableBytes());
                ReferenceCountUtil.release(request);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    /** Why the request is refused, or null. */
    static String problem(FullHttpRequest request) {
        if (!request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
            return "a SIP WebSocket server (RFC 7118) accepts only WebSocket handshakes";
        }
        for (String value : request.headers().getAll(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL)) {
            for (String token : value.split(",", -1)) {
                if (token.trim().equals(WebSocketFlow.SUBPROTOCOL)) {
                    return null;
                }
            }
        }
        return "the WebSocket handshake must offer the subprotocol sip (RFC 7118)";
    }
}
