package io.remotebank.signaling.internal.sip.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.ReferenceCountUtil;
import io.remotebank.signaling.sip.SipMessage;
import io.remotebank.signaling.sip.SipStreamDecoder;
import io.remotebank.signaling.sip.transport.SipTransport;

/** A TCP or TLS connection: messages framed by Content-Length, CRLF keep-alives (RFC 5626 4.4.1). */
final class StreamFlow extends ConnectionFlow {

    private static final byte[] PING = {'\r', '\n', '\r', '\n'};
    private static final byte[] PONG = {'\r', '\n'};

    StreamFlow(NettyEndpoint endpoint, SipTransport transport, boolean inbound) {
        super(endpoint, transport, inbound);
    }

    @Override
    Object frame(Channel channel, SipMessage message) {
        return message; // SipEncoder writes it
    }

    @Override
    Object ping(Channel channel) {
        return Unpooled.wrappedBuffer(PING);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof SipMessage message) {
            endpoint.deliver(message, remote, this);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt == SipStreamDecoder.KeepAlive.PING) {
            // RFC 5626 4.4.1: the server side of a flow answers a double-CRLF ping with a CRLF pong;
            // on a connection we opened, CRLFs are the pongs to our own pings
            if (inbound) {
                ctx.writeAndFlush(Unpooled.wrappedBuffer(PONG));
            }
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }
}
