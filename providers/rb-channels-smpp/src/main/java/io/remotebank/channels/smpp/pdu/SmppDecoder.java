package io.remotebank.channels.smpp.pdu;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DecoderException;
import io.remotebank.core.Arguments;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Frames the byte stream by command_length (SMPP v3.4 section 3.2) and decodes each PDU with {@link
 * PduCodec}. A malformed PDU whose length is sound is skipped and reported as a {@link
 * PduException} (wrapped in a {@link io.netty.handler.codec.DecoderException}) through {@code
 * exceptionCaught}, and the PDUs after it are read on at once, those already received included (a
 * run of malformed PDUs in one read gives one exception each, in order with the good PDUs between
 * them); a command_length below 16 or above the limit loses the framing: the exception says so and
 * every later byte is discarded. One instance per channel.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SmppDecoder extends ByteToMessageDecoder {

    /** The default largest PDU: a data_sm with a 64 KiB message_payload fits. */
    public static final int DEFAULT_MAX_PDU_LENGTH = 70_000;

    private final int maxPduLength;
    private boolean framingLost;

    /** A decoder with the default limit. */
    public SmppDecoder() {
        this(DEFAULT_MAX_PDU_LENGTH);
    }

    /**
     * A decoder with a limit.
     *
     * @param maxPduLength the largest command_length accepted, 16-16777216
     */
    public SmppDecoder(int maxPduLength) {
        this.maxPduLength = (int) Arguments.inRange(maxPduLength, PduCodec.HEADER_LENGTH, 1 << 24, "max PDU length");
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        Object next = msg;
        while (true) {
            try {
                super.channelRead(ctx, next);
                return;
            } catch (DecoderException e) {
                // Netty's decoder stops at an exception and leaves the rest of the read buffered
                // until more bytes come: a peer sending malformed PDUs back to back would have one
                // answered per read. Report this one and decode on what is already here.
                if (framingLost || !internalBuffer().isReadable()) {
                    throw e;
                }
                ctx.fireExceptionCaught(e);
                next = Unpooled.EMPTY_BUFFER;
            }
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (framingLost) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < 4) {
            return;
        }
        int start = in.readerIndex();
        long length = in.getUnsignedInt(start);
        if (length < PduCodec.HEADER_LENGTH || length > maxPduLength) {
            int code = in.readableBytes() >= 8 ? in.getInt(start + 4) : 0;
            int seq = in.readableBytes() >= 16 ? in.getInt(start + 12) : 0;
            framingLost = true;
            in.skipBytes(in.readableBytes());
            throw new PduException(
                    CommandStatus.ESME_RINVCMDLEN,
                    code,
                    seq,
                    true,
                    "command_length " + length + " is outside 16-" + maxPduLength);
        }
        if (in.readableBytes() < length) {
            return;
        }
        ByteBuf frame = in.slice(start, (int) length);
        in.skipBytes((int) length);
        out.add(PduCodec.decode(frame));
    }
}
