package io.remotebank.channels.smpp.pdu;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import org.apiguardian.api.API;

/** Encodes {@link Pdu}s with {@link PduCodec} into pooled buffers. Stateless and sharable. */
@API(status = EXPERIMENTAL, since = "0.1")
@Sharable
public final class SmppEncoder extends MessageToByteEncoder<Pdu> {

    /** The shared instance. */
    public static final SmppEncoder INSTANCE = new SmppEncoder();

    /** Prefer {@link #INSTANCE}. */
    public SmppEncoder() {
        super(Pdu.class);
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, Pdu msg, boolean preferDirect) {
        int size = PduCodec.HEADER_LENGTH + 64;
        if (msg instanceof Pdu.ShortMessage m) {
            size += m.shortMessage().length + 16 * m.tlvs().size();
        }
        return preferDirect ? ctx.alloc().ioBuffer(size) : ctx.alloc().heapBuffer(size);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Pdu msg, ByteBuf out) {
        PduCodec.encode(msg, out);
    }
}
