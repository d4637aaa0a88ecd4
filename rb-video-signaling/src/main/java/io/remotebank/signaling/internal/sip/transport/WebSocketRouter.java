package io.remotebank.signaling.internal.sip.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import java.util.List;

/**
 * Routes an inbound WebSocket handshake on a SIP port: one that offers {@code sip} stays SIP's (RFC
 * 7118, exactly as without a route); one the other route accepts gets that route's handlers instead
 * of SIP's; anything else is refused with SIP's 400. One per channel; it leaves the pipeline after
 * the handshake.
 */
final class WebSocketRouter extends ChannelInboundHandlerAdapter {

    private final WebSocketRoute route;

    WebSocketRouter(WebSocketRoute route) {
        this.route = route;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest request
                && SubprotocolGuard.problem(request) != null
                && request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)
                && route.accepts(request)) {
            ChannelPipeline p = ctx.pipeline();
            // every handler after the router is SIP's: the WebSocket handler (and the handshake
            // handler it added before itself), the header timer, the frame aggregator, the flow
            List<String> names = p.names();
            for (String name : names.subList(names.indexOf(ctx.name()) + 1, names.size())) {
                if (p.context(name) != null && !name.startsWith("DefaultChannelPipeline$TailContext")) {
                    p.remove(name);
                }
            }
            route.install(p);
            ctx.fireChannelRead(request);
        } else {
            // SIP's: the guard answers 400 to what is not a sip handshake, as on a port without a route
            SubprotocolGuard.INSTANCE.channelRead(ctx, msg);
        }
        if (ctx.pipeline().context(this) != null) {
            ctx.pipeline().remove(this);
        }
    }
}
