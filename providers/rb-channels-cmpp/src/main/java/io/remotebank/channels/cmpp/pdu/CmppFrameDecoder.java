package io.remotebank.channels.cmpp.pdu;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DecoderException;
import io.remotebank.channels.cmpp.CmppError;
import io.remotebank.core.Arguments;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Frames the byte stream by Total_Length (CMPP 3.0 section 7.3) and decodes each message with
 * {@link CmppCodec}. One instance per channel.
 *
 * <ul>
 *   <li>A well-framed message that is malformed is skipped and reported through {@code
 *       exceptionCaught} as a {@link DecoderException} whose cause is a {@link CmppDecodeException}
 *       (its {@link CmppDecodeException#answer()} is what to send back); the messages after it are
 *       decoded as usual.
 *   <li>A Total_Length below the 12-byte header or above the limit loses the framing: one {@link
 *       CmppDecodeException} with {@link CmppError#FRAME_LENGTH_INVALID} and {@code framingLost()},
 *       then every later byte is discarded unread (the connection should be closed). The limit is
 *       checked before any body byte is buffered, so a peer cannot make the decoder hold more than
 *       the limit.
 * </ul>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CmppFrameDecoder extends ByteToMessageDecoder {

    /**
     * The default limit: the largest SP-to-ISMG message, a 3.0 SUBMIT to 100 recipients with 159
     * bytes of content, is 3,522 bytes.
     */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 4096;

    private final CmppCodec codec;
    private final int maxFrameLength;
    private boolean framingLost;

    /**
     * A decoder with the default limit.
     *
     * @param version the version spoken on the connection
     */
    public CmppFrameDecoder(CmppVersion version) {
        this(version, DEFAULT_MAX_FRAME_LENGTH);
    }

    /**
     * A decoder with a limit.
     *
     * @param version the version spoken on the connection
     * @param maxFrameLength the largest Total_Length accepted, 12-65536
     */
    public CmppFrameDecoder(CmppVersion version, int maxFrameLength) {
        this.codec = CmppCodec.of(version);
        this.maxFrameLength =
                (int) Arguments.inRange(maxFrameLength, CmppCodec.HEADER_LENGTH, 65_536, "max frame length");
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
        if (length < CmppCodec.HEADER_LENGTH || length > maxFrameLength) {
            framingLost = true;
            int commandId = in.readableBytes() >= 8 ? in.getInt(start + 4) : 0;
            int sequenceId = in.readableBytes() >= 12 ? in.getInt(start + 8) : 0;
            in.skipBytes(in.readableBytes());
            ctx.fireExceptionCaught(new DecoderException(new CmppDecodeException(
                    CmppError.FRAME_LENGTH_INVALID,
                    commandId,
                    sequenceId,
                    true,
                    "Total_Length " + length + " is outside " + CmppCodec.HEADER_LENGTH + "-" + maxFrameLength,
                    null)));
            return;
        }
        if (in.readableBytes() < length) {
            return;
        }
        ByteBuf frame = in.readSlice((int) length);
        try {
            out.add(codec.decode(frame));
        } catch (CmppDecodeException e) {
            // Reported, not thrown: Netty would stop decoding what is already buffered until more
            // bytes arrive, and the good messages after this one would wait.
            ctx.fireExceptionCaught(new DecoderException(e));
        }
    }
}
