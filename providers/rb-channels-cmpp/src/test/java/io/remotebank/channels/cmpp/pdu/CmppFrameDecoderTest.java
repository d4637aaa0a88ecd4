package io.remotebank.channels.cmpp.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.remotebank.channels.cmpp.CmppError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Framing by Total_Length (CMPP 3.0 section 7.3), on an EmbeddedChannel, no sockets. */
class CmppFrameDecoderTest {

    static final byte[] ACTIVE_TEST = Hex.bytes("0000000c 00000008 00000001");
    static final byte[] ACTIVE_TEST_RESP = Hex.bytes("0000000d 80000008 00000001 00");
    static final byte[] BAD_ACTIVE_TEST_RESP = Hex.bytes("0000000e 80000008 00000002 0000");

    private final List<Throwable> errors = new ArrayList<>();
    private EmbeddedChannel channel;

    private EmbeddedChannel channel(CmppFrameDecoder decoder) {
        channel = new EmbeddedChannel(decoder, new ChannelInboundHandlerAdapter() {
            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                errors.add(cause.getCause());
            }
        });
        return channel;
    }

    @AfterEach
    void noBufferLeft() {
        if (channel != null) {
            assertThat(channel.finishAndReleaseAll())
                    .as("no message left unread")
                    .isFalse();
        }
    }

    @Test
    void messagesArrivingByteByByte_areFramedWhole() {
        EmbeddedChannel ch = channel(new CmppFrameDecoder(CmppVersion.V3_0));
        byte[] both = concat(ACTIVE_TEST, ACTIVE_TEST_RESP);

        for (byte b : both) {
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }

        assertThat((Object) ch.readInbound()).isEqualTo(new CmppPdu.ActiveTest(1));
        assertThat((Object) ch.readInbound()).isEqualTo(new CmppPdu.ActiveTestResp(1, 0));
        assertThat(errors).isEmpty();
    }

    @Test
    void malformedMessage_isReportedAndTheNextOnesInTheSameReadStillDecode() {
        EmbeddedChannel ch = channel(new CmppFrameDecoder(CmppVersion.V3_0));

        ch.writeInbound(Unpooled.wrappedBuffer(concat(ACTIVE_TEST, BAD_ACTIVE_TEST_RESP, ACTIVE_TEST_RESP)));

        assertThat((Object) ch.readInbound()).isEqualTo(new CmppPdu.ActiveTest(1));
        assertThat((Object) ch.readInbound()).isEqualTo(new CmppPdu.ActiveTestResp(1, 0));
        assertThat(errors).singleElement().isInstanceOfSatisfying(CmppDecodeException.class, e -> {
            assertThat(e.code()).isEqualTo(CmppError.BODY_LENGTH_INVALID);
            assertThat(e.sequenceId()).isEqualTo(2);
            assertThat(e.framingLost()).isFalse();
        });
    }

    @Test
    void totalLengthAboveTheLimit_losesTheFramingBeforeBufferingTheBody() {
        EmbeddedChannel ch = channel(new CmppFrameDecoder(CmppVersion.V3_0, 64));
        ByteBuf huge = Unpooled.wrappedBuffer(Hex.bytes("7fffffff 00000004 00000003"));

        ch.writeInbound(huge);
        ch.writeInbound(Unpooled.wrappedBuffer(ACTIVE_TEST));

        assertThat((Object) ch.readInbound())
                .as("nothing is read after the framing is lost")
                .isNull();
        assertThat(huge.refCnt()).isZero();
        assertThat(errors).singleElement().isInstanceOfSatisfying(CmppDecodeException.class, e -> {
            assertThat(e.code()).isEqualTo(CmppError.FRAME_LENGTH_INVALID);
            assertThat(e.framingLost()).isTrue();
            assertThat(e.commandId()).isEqualTo(CommandId.SUBMIT.code());
            assertThat(e.answer()).isEmpty();
        });
    }

    @Test
    void totalLengthBelowTheHeader_losesTheFraming() {
        EmbeddedChannel ch = channel(new CmppFrameDecoder(CmppVersion.V3_0));

        ch.writeInbound(Unpooled.wrappedBuffer(Hex.bytes("00000004 00000008 00000001")));

        assertThat(errors)
                .singleElement()
                .isInstanceOfSatisfying(
                        CmppDecodeException.class, e -> assertThat(e.code()).isEqualTo(CmppError.FRAME_LENGTH_INVALID));
    }

    @Test
    void largestSubmit_fitsTheDefaultLimit() {
        Submit largest = CmppCodecVectorsTest.submit(1)
                .msgFmt(0)
                .msgContent(new byte[159])
                .destTerminalIds(java.util.Collections.nCopies(100, "1".repeat(32)), 0)
                .linkId("L".repeat(20))
                .build();
        byte[] bytes = CmppCodec.of(CmppVersion.V3_0).encode(largest);
        EmbeddedChannel ch = channel(new CmppFrameDecoder(CmppVersion.V3_0));

        ch.writeInbound(Unpooled.wrappedBuffer(bytes));

        assertThat(bytes.length).isEqualTo(3522).isLessThanOrEqualTo(CmppFrameDecoder.DEFAULT_MAX_FRAME_LENGTH);
        assertThat((Object) ch.readInbound()).isEqualTo(largest);
    }

    @Test
    void encoder_writesWhatTheDecoderReads() {
        EmbeddedChannel out = new EmbeddedChannel(new CmppEncoder(CmppVersion.V2_0));
        out.writeOutbound(new CmppPdu.SubmitResp(3, 42, 8));
        ByteBuf written = out.readOutbound();
        EmbeddedChannel ch = channel(new CmppFrameDecoder(CmppVersion.V2_0));

        ch.writeInbound(written);

        assertThat((Object) ch.readInbound()).isEqualTo(new CmppPdu.SubmitResp(3, 42, 8));
        assertThat(out.finishAndReleaseAll()).isFalse();
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuf all = Unpooled.wrappedBuffer(parts);
        byte[] bytes = new byte[all.readableBytes()];
        all.readBytes(bytes);
        all.release();
        return bytes;
    }
}
