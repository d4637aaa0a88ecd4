package io.remotebank.signaling.internal.webrtc;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Checks a signaling handshake before the WebSocket upgrade: a WebSocket upgrade (400), on the
 * signaling path or with its subprotocol (404), from an allowed Origin (403: RFC 6455 10.2, a
 * browser always sends it), within the connections of its client address (429). Leaves the
 * pipeline once the handshake passes. One per channel.
 */
final class SignalingGate extends ChannelInboundHandlerAdapter {

    private final SignalingChannels channels;

    SignalingGate(SignalingChannels channels) {
        this.channels = channels;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        TransportConfig config = channels.transport();
        if (!request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
            refuse(
                    ctx,
                    request,
                    HttpResponseStatus.BAD_REQUEST,
                    "a WebRTC signaling server accepts only WebSocket handshakes");
            return;
        }
        if (!channels.accepts(request)) {
            refuse(ctx, request, HttpResponseStatus.NOT_FOUND, "no signaling endpoint at this path");
            return;
        }
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        if (!config.allowedOrigins().isEmpty()
                && (origin == null || !config.allowedOrigins().contains(origin))) {
            refuse(ctx, request, HttpResponseStatus.FORBIDDEN, "this Origin may not open a signaling connection");
            return;
        }
        InetAddress address = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
        if (!channels.addresses().admit(address)) {
            refuse(
                    ctx,
                    request,
                    HttpResponseStatus.TOO_MANY_REQUESTS,
                    "too many signaling connections from this address");
            return;
        }
        ctx.channel().closeFuture().addListener(f -> channels.addresses().release(address));
        ctx.pipeline().remove(this);
        ctx.fireChannelRead(request);
    }

    private static void refuse(
            ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status, String why) {
        FullHttpResponse response = new DefaultFullHttpResponse(
                request.protocolVersion(), status, Unpooled.copiedBuffer(why + "\n", StandardCharsets.US_ASCII));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN);
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        HttpUtil.setContentLength(response, response.content().readableBytes());
        ReferenceCountUtil.release(request);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
