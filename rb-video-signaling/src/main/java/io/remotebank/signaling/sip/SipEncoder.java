package io.remotebank.signaling.sip;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import org.apiguardian.api.API;

/** Writes {@link SipMessage}s as bytes; stateless, so one instance may serve every channel. */
@API(status = EXPERIMENTAL, since = "0.1")
@Sharable
public final class SipEncoder extends MessageToByteEncoder<SipMessage> {

    /** Creates the encoder. */
    public SipEncoder() {
        super(SipMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, SipMessage msg, ByteBuf out) {
        msg.encode(out);
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, SipMessage msg, boolean preferDirect) {
        int n = msg.encodedLength();
        return preferDirect ? ctx.alloc().ioBuffer(n) : ctx.alloc().heapBuffer(n);
    }
}
