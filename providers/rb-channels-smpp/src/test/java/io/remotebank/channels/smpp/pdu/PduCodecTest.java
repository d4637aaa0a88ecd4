package io.remotebank.channels.smpp.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.EncoderException;
import io.remotebank.channels.smpp.DeliveryReceipt;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The codec through EmbeddedChannel with byte-level vectors built field by field from the PDU
 * tables of the SMPP v3.4 specification (Issue 1.2, section 4; the header of 3.2; TLVs of 5.3).
 * The name of each vector cites the section of its PDU. Every buffer is released (the build runs
 * with paranoid leak detection).
 */
class PduCodecTest {

    static Stream<Arguments> validPdus() {
        return Stream.of(
                Arguments.of(
                        "4.1.1 bind_transmitter",
                        "0000002400000002000000000000000162616e6b00736563726574004f54500034010100"),
                Arguments.of(
                        "4.1.3 bind_receiver",
                        "0000002500000001000000000000000262616e6b0073656372657400003400005e38363100"),
                Arguments.of("4.1.5 bind_transceiver", "0000001b00000009000000000000000362616e6b00000034000000"),
                Arguments.of(
                        "4.1.2 bind_transmitter_resp with sc_interface_version",
                        "0000001a800000020000000000000001534d5343000210000134"),
                Arguments.of("4.1.4 bind_receiver_resp", "00000015800000010000000000000002534d534300"),
                Arguments.of("4.1.6 bind_transceiver_resp", "00000015800000090000000000000003534d534300"),
                Arguments.of("4.1.7 outbind", "000000180000000b0000000000000004534d534300707700"),
                Arguments.of("4.2.1 unbind", "00000010000000060000000000000005"),
                Arguments.of("4.2.2 unbind_resp", "00000010800000060000000000000005"),
                Arguments.of("4.3.1 generic_nack ESME_RINVCMDID", "00000010800000000000000300000006"),
                Arguments.of(
                        "4.4.1 submit_sm",
                        "0000004700000004000000000000000700050042616e6b0001013836313338313233343536373800000000003236313132383230333030303030302b00010000000548656c6c6f"),
                Arguments.of(
                        "4.4.1 submit_sm with UDH, relative validity and user_message_reference",
                        "00000062000000040000000000000008434d54000101383631333830303133383030300001013836313338313233343536373800400001003030303030313030303030303030305200010008000e0500032a020150617274206f6e65020400020007"),
                Arguments.of(
                        "4.4.1 submit_sm with message_payload and an unknown TLV",
                        "000000570000000400000000000000090000000001013836313338313233343536373800000000000000000000000424001e41206c6f6e67207465787420696e206d6573736167655f7061796c6f616414000003010203"),
                Arguments.of("4.4.2 submit_sm_resp", "0000001780000004000000000000000731413242334300"),
                Arguments.of("4.4.2 submit_sm_resp ESME_RTHROTTLED without body", "00000010800000040000005800000008"),
                Arguments.of(
                        "4.5.1 submit_multi",
                        "0000003d00000021000000000000000a00010142616e6b0002010101383631333831323334353637380002737461666600000000000000000000024869"),
                Arguments.of(
                        "4.5.2 submit_multi_resp with one unsuccessful SME",
                        "0000002880000021000000000000000a4d310001010138363133383132333435363738000000000b"),
                Arguments.of(
                        "4.6.1 deliver_sm delivery receipt with receipted_message_id and message_state",
                        "000000a900000005000000000000000b0001013836313338313233343536373800050042616e6b000400000000000000006769643a314132423343207375623a30303120646c7672643a303031207375626d697420646174653a3236313132383230333020646f6e6520646174653a3236313132383230333120737461743a44454c49565244206572723a30303020746578743a48656c6c6f001e0007314132423343000427000102"),
                Arguments.of("4.6.2 deliver_sm_resp", "0000001180000005000000000000000b00"),
                Arguments.of(
                        "4.7.1 data_sm",
                        "0000003700000103000000000000000c000101383631333831323334353637380000003130363930303030000000080424000490008ba2"),
                Arguments.of(
                        "4.7.2 data_sm_resp with network_error_code",
                        "0000001a80000103000000000000000c44310004230003030001"),
                Arguments.of("4.8.1 query_sm", "0000001e00000003000000000000000d31413242334300050042616e6b00"),
                Arguments.of(
                        "4.8.2 query_sm_resp",
                        "0000002a80000003000000000000000d314132423343003236313132383230333130303030302b000200"),
                Arguments.of(
                        "4.9.1 cancel_sm",
                        "0000002f00000008000000000000000e0031413242334300050042616e6b0001013836313338313233343536373800"),
                Arguments.of("4.9.2 cancel_sm_resp", "0000001080000008000000000000000e"),
                Arguments.of(
                        "4.10.1 replace_sm",
                        "0000002600000007000000000000000f31413242334300050042616e6b0000000100034e6577"),
                Arguments.of("4.10.2 replace_sm_resp", "0000001080000007000000000000000f"),
                Arguments.of("4.11.1 enquire_link", "00000010000000150000000000000010"),
                Arguments.of("4.11.2 enquire_link_resp", "00000010800000150000000000000010"),
                Arguments.of(
                        "4.12.1 alert_notification with ms_availability_status",
                        "0000002c00000102000000000000001101013836313338313233343536373800000062616e6b000422000100"));
    }

    static Stream<Arguments> invalidPdus() {
        return Stream.of(
                Arguments.of("3.2 command_length below 16", "0000000c0000001500000000", 0x02, true, 0x80000000),
                Arguments.of("5.1.2.1 unknown command_id", "00000010000000990000000000000015", 0x03, false, 0x80000000),
                Arguments.of(
                        "4.11.1 enquire_link with a body",
                        "0000001400000015000000000000001600000000",
                        0x02,
                        false,
                        0x80000000),
                Arguments.of(
                        "4.4.1 source_addr longer than 20",
                        "0000003800000004000000000000001700010131313131313131313131313131313131313131313100010138360000000000000000000000",
                        0x0A,
                        false,
                        0x80000004),
                Arguments.of(
                        "4.4.1 sm_length past the PDU",
                        "00000026000000040000000000000018000101310001013836000000000000000000000a4142",
                        0x01,
                        false,
                        0x80000004),
                Arguments.of(
                        "5.3 TLV longer than the PDU",
                        "0000002900000004000000000000001900010131000101383600000000000000000000000424003201",
                        0xC0,
                        false,
                        0x80000004),
                Arguments.of(
                        "5.3.2.35 message_state of 2 octets",
                        "0000002a00000005000000000000001a0001013100010138360004000000000000000000042700020002",
                        0xC2,
                        false,
                        0x80000005),
                Arguments.of(
                        "4.1.1 system_id longer than 15",
                        "0000002700000002000000000000001b6161616161616161616161616161616100000034000000",
                        0x0F,
                        false,
                        0x80000002),
                Arguments.of(
                        "4.1.1 password longer than 8",
                        "0000002400000002000000000000001c62616e6b00616161616161616161000034000000",
                        0x0E,
                        false,
                        0x80000002),
                Arguments.of(
                        "7.1.1 validity_period not in the time format",
                        "0000002900000004000000000000001d00010131000101383600000000003132333435000000000000",
                        0x62,
                        false,
                        0x80000004),
                Arguments.of(
                        "4.5.1 number_of_dests 0",
                        "0000001600000021000000000000001e000101310000",
                        0x33,
                        false,
                        0x80000021),
                Arguments.of(
                        "4.5.1 dest_flag 3", "0000001700000021000000000000001f00010131000103", 0x40, false, 0x80000021),
                Arguments.of(
                        "4.1.1 the PDU ends inside password",
                        "0000001800000002000000000000002062616e6b00736563",
                        0x02,
                        false,
                        0x80000000),
                Arguments.of(
                        "4.4.2 submit_sm_resp with message_id longer than 64",
                        "00000052800000040000000000000021393939393939393939393939393939393939393939393939393939393939393939393939393939393939393939393939393939393939393939393939393939393900",
                        0x0C,
                        false,
                        0x00000000));
    }

    private static ByteBuf bytes(String hex) {
        return Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex));
    }

    private static String encode(Pdu pdu) {
        EmbeddedChannel ch = new EmbeddedChannel(SmppEncoder.INSTANCE);
        ch.writeOutbound(pdu);
        ByteBuf out = ch.readOutbound();
        try {
            return ByteBufUtil.hexDump(out);
        } finally {
            out.release();
            ch.finishAndReleaseAll();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validPdus")
    void specVector_decodes_andEncodesToTheSameOctets(String name, String hex) {
        EmbeddedChannel ch = new EmbeddedChannel(new SmppDecoder());
        ch.writeInbound(bytes(hex));
        Pdu pdu = ch.readInbound();
        assertThat(pdu).isNotNull();
        assertThat((Object) ch.readInbound()).isNull();
        assertThat(ch.finish()).isFalse();

        assertThat(pdu.commandId().code()).isEqualTo(Integer.parseUnsignedInt(hex.substring(8, 16), 16));
        assertThat(pdu.sequence()).isEqualTo(Integer.parseInt(hex.substring(24, 32), 16));
        assertThat(encode(pdu)).isEqualTo(hex);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validPdus")
    void specVector_splitIntoSingleOctets_decodesTheSame(String name, String hex) {
        EmbeddedChannel ch = new EmbeddedChannel(new SmppDecoder());
        byte[] all = ByteBufUtil.decodeHexDump(hex);
        for (byte b : all) {
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        Pdu pdu = ch.readInbound();
        assertThat(encode(pdu)).isEqualTo(hex);
        ch.finishAndReleaseAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPdus")
    void malformedPdu_failsWithTheStatusToAnswer(
            String name, String hex, int status, boolean framingLost, int answerCommand) {
        EmbeddedChannel ch = new EmbeddedChannel(new SmppDecoder());
        assertThatThrownBy(() -> ch.writeInbound(bytes(hex)))
                .isInstanceOf(DecoderException.class)
                .cause()
                .isInstanceOfSatisfying(PduException.class, e -> {
                    assertThat(e.commandStatus()).isEqualTo(status);
                    assertThat(e.framingLost()).isEqualTo(framingLost);
                    if (answerCommand == 0) {
                        assertThat(e.answer()).isEmpty();
                    } else {
                        Pdu answer = e.answer().orElseThrow();
                        assertThat(answer.commandId().code()).isEqualTo(answerCommand);
                        assertThat(answer.status()).isEqualTo(status);
                        assertThat(answer.sequence()).isEqualTo(e.sequence());
                    }
                });
        assertThat((Object) ch.readInbound()).isNull();
        ch.finishAndReleaseAll();
    }

    @Test
    void afterAMalformedPdu_theNextOneIsRead() {
        EmbeddedChannel ch = new EmbeddedChannel(new SmppDecoder());
        ByteBuf two = Unpooled.wrappedBuffer(
                ByteBufUtil.decodeHexDump("00000010000000990000000000000015" + "00000010000000150000000000000016"));
        assertThatThrownBy(() -> ch.writeInbound(two)).isInstanceOf(DecoderException.class);
        ch.writeInbound(Unpooled.EMPTY_BUFFER);
        Pdu next = ch.readInbound();
        assertThat(next).isEqualTo(new Pdu.HeaderOnly(CommandId.ENQUIRE_LINK, 0, 0x16));
        ch.finishAndReleaseAll();
    }

    @Test
    void aRunOfMalformedPdusInOneRead_isReportedOneByOne_andTheGoodOnesBetweenAreRead() {
        List<Object> seen = new ArrayList<>();
        EmbeddedChannel ch = new EmbeddedChannel(new SmppDecoder(), new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                seen.add(msg);
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                seen.add(((PduException) cause.getCause()).sequence());
            }
        });
        // Unknown command_id 0x99 (sequences 1, 2), an enquire_link (3), unknown again (4), enquire_link (5):
        // all in one read, and no byte after them.
        ch.writeInbound(bytes("00000010000000990000000000000001" + "00000010000000990000000000000002"
                + "00000010000000150000000000000003" + "00000010000000990000000000000004"
                + "00000010000000150000000000000005"));

        assertThat(seen)
                .containsExactly(
                        1,
                        2,
                        new Pdu.HeaderOnly(CommandId.ENQUIRE_LINK, 0, 3),
                        4,
                        new Pdu.HeaderOnly(CommandId.ENQUIRE_LINK, 0, 5));
        ch.finishAndReleaseAll();
    }

    @Test
    void afterALostFraming_everythingIsDiscarded() {
        EmbeddedChannel ch = new EmbeddedChannel(new SmppDecoder(1000));
        assertThatThrownBy(() -> ch.writeInbound(bytes("7fffffff00000004"))).hasCauseInstanceOf(PduException.class);
        ch.writeInbound(bytes("00000010000000150000000000000016"));
        assertThat((Object) ch.readInbound()).isNull();
        ch.finishAndReleaseAll();
    }

    @Test
    void encodingAnOverlongField_failsAndWritesNothing() {
        Pdu.Bind bind =
                new Pdu.Bind(CommandId.BIND_TRANSMITTER, 1, "a-system-id-too-long", "pw", "", 0x34, SmeAddress.EMPTY);
        ByteBuf out = Unpooled.buffer();
        try {
            assertThatThrownBy(() -> PduCodec.encode(bind, out))
                    .isInstanceOfSatisfying(
                            PduException.class,
                            e -> assertThat(e.commandStatus()).isEqualTo(CommandStatus.ESME_RINVSYSID.code()));
            assertThat(out.writerIndex()).isZero();
        } finally {
            out.release();
        }
        EmbeddedChannel ch = new EmbeddedChannel(SmppEncoder.INSTANCE);
        assertThatThrownBy(() -> ch.writeOutbound(bind)).isInstanceOf(EncoderException.class);
        ch.finishAndReleaseAll();
    }

    @Test
    void deliveryReceiptVector_readsAsAReceipt() {
        EmbeddedChannel ch = new EmbeddedChannel(new SmppDecoder());
        ch.writeInbound(bytes(validPdus()
                .filter(a -> ((String) a.get()[0]).startsWith("4.6.1"))
                .findFirst()
                .map(a -> (String) a.get()[1])
                .orElseThrow()));
        Pdu.ShortMessage m = ch.readInbound();
        ch.finishAndReleaseAll();
        DeliveryReceipt r = DeliveryReceipt.parse(
                        new String(m.shortMessage(), java.nio.charset.StandardCharsets.US_ASCII), m.tlvs())
                .orElseThrow();
        assertThat(r.messageId()).isEqualTo("1A2B3C");
        assertThat(r.state()).isEqualTo(DeliveryReceipt.State.DELIVERED);
        assertThat(m.esmClass()).isEqualTo(0x04);
        assertThat(Tlv.find(m.tlvs(), Tlv.MESSAGE_STATE).orElseThrow().asUnsigned())
                .isEqualTo(2);
    }

    @Test
    void unknownTlv_isKeptAsItCame() {
        EmbeddedChannel ch = new EmbeddedChannel(new SmppDecoder());
        ch.writeInbound(bytes(validPdus()
                .filter(a -> ((String) a.get()[0]).contains("unknown TLV"))
                .findFirst()
                .map(a -> (String) a.get()[1])
                .orElseThrow()));
        Pdu.ShortMessage m = ch.readInbound();
        ch.finishAndReleaseAll();
        assertThat(m.tlvs()).contains(new Tlv(0x1400, new byte[] {1, 2, 3}));
        assertThat(m.tlvs().get(0).tag()).isEqualTo(Tlv.MESSAGE_PAYLOAD);
    }

    @Test
    void everyCommandId_roundTrips_andRequestsNameTheirResponse() {
        for (CommandId id : CommandId.values()) {
            assertThat(CommandId.of(id.code())).contains(id);
            id.response().ifPresent(r -> assertThat(r.code()).isEqualTo(id.code() | 0x80000000));
        }
        assertThat(CommandId.OUTBIND.response()).isEmpty();
        assertThat(CommandId.of(0x42)).isEmpty();
        assertThat(List.of(CommandId.values())).hasSize(27);
    }

    @Test
    void statusNames_andKinds() {
        assertThat(CommandStatus.nameOf(0x58)).isEqualTo("ESME_RTHROTTLED");
        assertThat(CommandStatus.nameOf(0x400)).isEqualTo("0x00000400");
        assertThat(CommandStatus.kindOf(0x58)).isEqualTo(CommandStatus.Kind.THROTTLED);
        assertThat(CommandStatus.kindOf(0x0B)).isEqualTo(CommandStatus.Kind.PERMANENT);
        assertThat(CommandStatus.kindOf(0x405)).isEqualTo(CommandStatus.Kind.TEMPORARY);
    }
}
