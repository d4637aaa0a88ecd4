package io.remotebank.signaling.internal.sip.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.remotebank.signaling.sip.SipStreamDecoder;

/**
 * The server side of RFC 5626 4.4.1 on a TCP or TLS connection a peer opened: each double-CRLF ping
 * the decoder reports is answered with a single-CRLF pong. Goes after the decoder. Stateless.
 */
@Sharable
final class PingAnswer extends ChannelInboundHandlerAdapter {

    static final PingAnswer INSTANCE = new PingAnswer();

    private static final byte[] PONG = {'\r', '\n'};

    private PingAnswer() {}

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt == SipStreamDecoder.KeepAlive.PING) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(PONG));
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }
}
