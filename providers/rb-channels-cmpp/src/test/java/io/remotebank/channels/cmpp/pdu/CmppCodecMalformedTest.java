package io.remotebank.channels.cmpp.pdu;

import static io.remotebank.channels.cmpp.pdu.Hex.octets;
import static io.remotebank.channels.cmpp.pdu.Hex.zeros;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.remotebank.channels.cmpp.CmppError;
import io.remotebank.channels.cmpp.CmppException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed input is refused with a specific {@link CmppError}, and never with anything else. */
class CmppCodecMalformedTest {

    /** A 3.0 SUBMIT up to DestUsr_tl, with Pk_total, Pk_number and TP_udhi to fill in. */
    static String submitHead(String pkTotal, String pkNumber, String tpUdhi, String msgFmt) {
        return zeros(8) + pkTotal + pkNumber + "01 01" + octets("MBK", 10) + "02" + zeros(32) + "00" + "00"
                + tpUdhi + msgFmt + octets("901234", 6) + octets("01", 2) + octets("000000", 6) + zeros(34)
                + octets("1065712345", 21);
    }

    static String frame(String command, String body) {
        byte[] b = Hex.bytes(body);
        return String.format("%08x", 12 + b.length) + command + "00000009" + Hex.hex(b);
    }

    static final String ONE_DEST = "01" + octets("13800138000", 32) + "00";

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments("7.3: shorter than the header", "0000000b 00000008 000000", CmppError.FRAME_LENGTH_INVALID),
                arguments(
                        "7.3: Total_Length disagrees with the frame",
                        "0000000d 00000008 00000009",
                        CmppError.FRAME_LENGTH_INVALID),
                arguments(
                        "7.3: an unknown Command_Id (0x00000003 is unassigned)",
                        frame("00000003", ""),
                        CmppError.COMMAND_UNKNOWN),
                arguments(
                        "7.3: an ISMG-to-ISMG command (CMPP_FWD) is not an SP's",
                        frame("00000009", ""),
                        CmppError.COMMAND_UNKNOWN),
                arguments(
                        "7.4.1.1: a CONNECT one byte short",
                        frame("00000001", zeros(26)),
                        CmppError.BODY_LENGTH_INVALID),
                arguments(
                        "7.4.7.2: an ACTIVE_TEST_RESP with two bytes",
                        frame("80000008", "0000"),
                        CmppError.BODY_LENGTH_INVALID),
                arguments(
                        "7.4.7.1: an ACTIVE_TEST with a body", frame("00000008", "00"), CmppError.BODY_LENGTH_INVALID),
                arguments(
                        "7.4.3.2: a SUBMIT_RESP in 2.0's width on a 3.0 link",
                        frame("80000004", zeros(9)),
                        CmppError.BODY_LENGTH_INVALID),
                arguments(
                        "7.4.3.1: a SUBMIT cut off before DestUsr_tl",
                        frame(
                                "00000004",
                                submitHead("01", "01", "00", "0f")
                                        .replace(" ", "")
                                        .substring(0, 100)),
                        CmppError.BODY_LENGTH_INVALID),
                arguments(
                        "7.4.3.1: DestUsr_tl 0",
                        frame("00000004", submitHead("01", "01", "00", "0f") + "00" + "00" + "00" + zeros(20)),
                        CmppError.FIELD_LENGTH_INVALID),
                arguments(
                        "7.4.3.1: DestUsr_tl 101",
                        frame("00000004", submitHead("01", "01", "00", "0f") + "65" + zeros(32 * 101 + 2 + 20)),
                        CmppError.FIELD_LENGTH_INVALID),
                arguments(
                        "7.4.3.1: DestUsr_tl 2 with one Dest_terminal_Id present",
                        frame("00000004", submitHead("01", "01", "00", "0f") + "02" + octets("13800138000", 32)),
                        CmppError.BODY_LENGTH_INVALID),
                arguments(
                        "7.4.3.1: Msg_Length beyond the body",
                        frame("00000004", submitHead("01", "01", "00", "0f") + ONE_DEST + "20" + "c4e3" + zeros(20)),
                        CmppError.FIELD_LENGTH_INVALID),
                arguments(
                        "7.4.3.1: bytes left after LinkID",
                        frame("00000004", submitHead("01", "01", "00", "0f") + ONE_DEST + "02 c4e3" + zeros(21)),
                        CmppError.FIELD_LENGTH_INVALID),
                arguments(
                        "7.4.3.1: Msg_Length 141 with Msg_Fmt 8",
                        frame("00000004", submitHead("01", "01", "00", "08") + ONE_DEST + "8d" + zeros(141 + 20)),
                        CmppError.FIELD_LENGTH_INVALID),
                arguments(
                        "7.4.3.1: TP_udhi 2",
                        frame("00000004", submitHead("01", "01", "02", "0f") + ONE_DEST + "02 c4e3" + zeros(20)),
                        CmppError.FIELD_VALUE_INVALID),
                arguments(
                        "7.4.3.1: Pk_number above Pk_total",
                        frame("00000004", submitHead("02", "03", "00", "0f") + ONE_DEST + "02 c4e3" + zeros(20)),
                        CmppError.FIELD_VALUE_INVALID),
                arguments(
                        "7.4.3.1: Pk_total 0",
                        frame("00000004", submitHead("00", "00", "00", "0f") + ONE_DEST + "02 c4e3" + zeros(20)),
                        CmppError.FIELD_VALUE_INVALID),
                arguments(
                        "7.4.5.1: a DELIVER whose Registered_Delivery is 2",
                        frame(
                                "00000005",
                                zeros(8) + zeros(21) + zeros(10) + "00 00 08" + zeros(32) + "00" + "02" + "00"
                                        + zeros(20)),
                        CmppError.FIELD_VALUE_INVALID),
                arguments(
                        "7.4.5.1: a 2.0-length status report on a 3.0 link",
                        frame(
                                "00000005",
                                zeros(8) + zeros(21) + zeros(10) + "00 00 00" + zeros(32) + "00" + "01" + "3c"
                                        + zeros(60) + zeros(20)),
                        CmppError.FIELD_LENGTH_INVALID),
                arguments(
                        "7.4.4.1: a QUERY whose Query_Type is 2",
                        frame("00000006", octets("20261207", 8) + "02" + zeros(18)),
                        CmppError.FIELD_VALUE_INVALID));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedPdu_isRefusedWithItsCode(String what, String hex, CmppError expected) {
        assertThatThrownBy(() -> CmppCodec.of(CmppVersion.V3_0).decode(Hex.bytes(hex)))
                .isInstanceOfSatisfying(CmppDecodeException.class, e -> {
                    assertThat(e.code()).isEqualTo(expected);
                    assertThat(e.getClass())
                            .as("one code, one class")
                            .isEqualTo(e.code().exceptionType());
                });
    }

    @Test
    void aReceivedValueARecordRefuses_isADecodeRefusal_withTheRecordsExceptionAsCause() {
        // 7.4.3.1: Msg_Length 141 with Msg_Fmt 8 passes the framing; Submit refuses content above 140.
        String hex = frame("00000004", submitHead("01", "01", "00", "08") + ONE_DEST + "8d" + zeros(141 + 20));

        CmppDecodeException e = catchDecode(CmppVersion.V3_0, Hex.bytes(hex));

        assertThat(e.code()).isEqualTo(CmppError.FIELD_LENGTH_INVALID);
        assertThat(e.getCause())
                .isExactlyInstanceOf(CmppException.class)
                .satisfies(c -> assertThat(((CmppException) c).code()).isEqualTo(CmppError.FIELD_TOO_LONG));
        assertThat(e.answer()).contains(new CmppPdu.SubmitResp(9, 0, 4));
    }

    @Test
    void aRecordBuiltWithAValueOutsideItsSet_isACmppException_notADecodeRefusal() {
        assertThatThrownBy(() -> new Deliver(1, 0, "10086", "", 0, 0, 15, "13800138000", 0, 2, new byte[0], ""))
                .isExactlyInstanceOf(CmppException.class)
                .satisfies(e -> assertThat(((CmppException) e).code()).isEqualTo(CmppError.VALUE_INVALID));
    }

    @Test
    void refusedSubmit_isAnsweredWithResult4ForALengthErrorUnderItsSequenceId() {
        String hex = frame("00000004", submitHead("01", "01", "00", "0f") + ONE_DEST + "20" + "c4e3" + zeros(20));

        CmppDecodeException e = catchDecode(CmppVersion.V3_0, Hex.bytes(hex));

        assertThat(e.answer()).contains(new CmppPdu.SubmitResp(9, 0, 4));
    }

    @Test
    void refusedSubmit_isAnsweredWithResult1ForAStructureError() {
        String hex = frame("00000004", submitHead("01", "01", "02", "0f") + ONE_DEST + "02 c4e3" + zeros(20));

        assertThat(catchDecode(CmppVersion.V3_0, Hex.bytes(hex)).answer()).contains(new CmppPdu.SubmitResp(9, 0, 1));
    }

    @Test
    void refusedResponse_isNotAnswered() {
        assertThat(catchDecode(CmppVersion.V3_0, Hex.bytes(frame("80000004", zeros(9))))
                        .answer())
                .isEmpty();
    }

    @Test
    void terminalIdOf32Characters_doesNotFitCmpp20() {
        Submit submit = CmppCodecVectorsTest.submit(1)
                .destTerminalIds(List.of("1".repeat(32)), 0)
                .build();
        ByteBuf out = Unpooled.buffer();
        out.writeByte(0x55);

        assertThatThrownBy(() -> CmppCodec.of(CmppVersion.V2_0).encode(submit, out))
                .isInstanceOfSatisfying(
                        CmppException.class, e -> assertThat(e.code()).isEqualTo(CmppError.FIELD_TOO_LONG));
        assertThat(out.readableBytes())
                .as("nothing of the failed PDU is left written")
                .isEqualTo(1);
        out.release();
    }

    @Test
    void resultAbove255_doesNotFitCmpp20() {
        assertThatThrownBy(() -> CmppCodec.of(CmppVersion.V2_0).encode(new CmppPdu.SubmitResp(1, 0, 256)))
                .isInstanceOfSatisfying(
                        CmppException.class, e -> assertThat(e.code()).isEqualTo(CmppError.FIELD_TOO_LONG));
    }

    /**
     * Mutations of every vector (bit flips, truncations, random Total_Length) decode or are refused
     * with a CmppDecodeException; nothing else escapes. Seeded, so a failure reproduces.
     */
    @Test
    void mutatedVectors_areDecodedOrRefusedNeverCrash() {
        Random random = new Random(25);
        List<Object[]> vectors = new ArrayList<>();
        CmppCodecVectorsTest.vectors().forEach(a -> vectors.add(a.get()));
        int refused = 0;
        for (int round = 0; round < 20_000; round++) {
            Object[] vector = vectors.get(random.nextInt(vectors.size()));
            byte[] bytes = Hex.bytes((String) vector[2]);
            switch (random.nextInt(3)) {
                case 0 -> bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                case 1 -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
                default -> bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            for (CmppVersion version : CmppVersion.values()) {
                try {
                    CmppCodec.of(version).decode(bytes);
                } catch (CmppDecodeException expected) {
                    assertThat(expected.code().exceptionType()).isEqualTo(CmppDecodeException.class);
                    refused++;
                }
            }
        }
        assertThat(refused).as("the mutations reach the refusals").isGreaterThan(10_000);
    }

    private static CmppDecodeException catchDecode(CmppVersion version, byte[] bytes) {
        try {
            CmppCodec.of(version).decode(bytes);
        } catch (CmppDecodeException e) {
            return e;
        }
        throw new AssertionError("decoded");
    }
}
