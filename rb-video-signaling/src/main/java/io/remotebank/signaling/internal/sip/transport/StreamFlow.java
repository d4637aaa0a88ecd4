package io.remotebank.signaling.internal.sip.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.ReferenceCountUtil;
import io.remotebank.signaling.sip.SipMessage;
import io.remotebank.signaling.sip.transport.SipTransport;

/**
 * A TCP or TLS connection: messages framed by Content-Length (RFC 3261 18.3); CRLF keep-alives are
 * {@link KeepAlive}'s and {@link PingAnswer}'s.
 */
final class StreamFlow extends ConnectionFlow {

    StreamFlow(NettyEndpoint endpoint, SipTransport transport, boolean inbound) {
        super(endpoint, transport, inbound);
    }

    @Override
    Object frame(Channel channel, SipMessage message) {
        return message; // SipEncoder writes it
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof SipMessage message) {
            endpoint.deliver(message, remote, this);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }
}
