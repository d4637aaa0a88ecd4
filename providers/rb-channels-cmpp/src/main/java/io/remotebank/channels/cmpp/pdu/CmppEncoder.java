package io.remotebank.channels.cmpp.pdu;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import org.apiguardian.api.API;

/** Writes {@link CmppPdu}s with {@link CmppCodec}; stateless, so one instance may serve every channel. */
@API(status = EXPERIMENTAL, since = "0.1")
@ChannelHandler.Sharable
public final class CmppEncoder extends MessageToByteEncoder<CmppPdu> {

    private final CmppCodec codec;

    /**
     * An encoder for a version.
     *
     * @param version the version spoken on the connection
     */
    public CmppEncoder(CmppVersion version) {
        super(CmppPdu.class);
        this.codec = CmppCodec.of(version);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, CmppPdu msg, ByteBuf out) {
        codec.encode(msg, out);
    }
}
