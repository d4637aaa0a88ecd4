package io.remotebank.channels.smpp.charset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.channels.smpp.SmppException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SmsCodecTest {

    private static final SmsCodec GSM_UDH8 = new SmsCodec(DefaultAlphabet.GSM7, LongMessageMode.UDH_8BIT_REFERENCE);
    private static final SmsCodec GSM_UDH16 = new SmsCodec(DefaultAlphabet.GSM7, LongMessageMode.UDH_16BIT_REFERENCE);

    // 3GPP TS 23.038 section 6.2.1 (default alphabet) and 6.2.1.1 (extension table after 0x1B).
    static Stream<Arguments> gsm7Table() {
        return Stream.of(
                Arguments.of("@£$¥", "00010203"),
                Arguments.of("Δ_ΦΓΛΩΠΨΣΘΞ", "101112131415161718191a"),
                Arguments.of("ÆæßÉ", "1c1d1e1f"),
                Arguments.of(" !\"#¤%&'()*+,-./", "202122232425262728292a2b2c2d2e2f"),
                Arguments.of("¡AZÄÖÑÜ§", "40415a5b5c5d5e5f"),
                Arguments.of("¿azäöñüà", "60617a7b7c7d7e7f"),
                Arguments.of("\n\r", "0a0d"),
                Arguments.of("€", "1b65"),
                Arguments.of("{}[]~\\|^", "1b281b291b3c1b3e1b3d1b2f1b401b14"),
                Arguments.of("\f", "1b0a"));
    }

    @ParameterizedTest(name = "septets {1}")
    @MethodSource("gsm7Table")
    void gsm7_encodesPerThe2338Table_andDecodesBack(String text, String septets) {
        byte[] encoded = Gsm7.encode(text);
        assertThat(HexFormat.of().formatHex(encoded)).isEqualTo(septets);
        assertThat(Gsm7.decode(encoded, 0, encoded.length)).isEqualTo(text);
        assertThat(Gsm7.septets(text)).isEqualTo(encoded.length);
    }

    @Test
    void gsm7_refusesCharactersOutsideTheAlphabet_namingOnlyThePosition() {
        assertThat(Gsm7.canEncode("验证码")).isFalse();
        assertThatThrownBy(() -> Gsm7.encode("ab验"))
                .isInstanceOf(SmppException.class)
                .hasMessageContaining("index 2")
                .hasMessageNotContaining("验");
    }

    @Test
    void gsm7_unknownEscape_readsAsTheBasicCharacter() {
        assertThat(Gsm7.decode(new byte[] {0x1B, 0x41, 0x1B}, 0, 3)).isEqualTo("A ");
    }

    @Test
    void shortGsmText_isOneMessage_withDataCoding0() {
        EncodedMessage m = GSM_UDH8.encode("a".repeat(160), 1);
        assertThat(m.segments()).hasSize(1);
        assertThat(m.dataCoding()).isZero();
        assertThat(m.udh()).isFalse();
    }

    @Test
    void longGsmText_isSplitInto153SeptetSegments_withAn8BitReferenceUdh() {
        EncodedMessage m = GSM_UDH8.encode("a".repeat(161), 0x1234);
        assertThat(m.segments()).hasSize(2);
        assertThat(m.udh()).isTrue();
        // 3GPP TS 23.040 9.2.3.24.1: UDHL 5, IEI 0x00, length 3, reference, total, sequence.
        assertThat(HexFormat.of().formatHex(m.segments().get(0), 0, 6)).isEqualTo("050003340201");
        assertThat(m.segments().get(0)).hasSize(6 + 153);
        assertThat(HexFormat.of().formatHex(m.segments().get(1), 0, 6)).isEqualTo("050003340202");
        assertThat(m.segments().get(1)).hasSize(6 + 8);
    }

    @Test
    void longGsmText_with16BitReferences_has152SeptetSegments() {
        EncodedMessage m = GSM_UDH16.encode("b".repeat(305), 0x1234);
        assertThat(m.segments()).hasSize(3);
        // 3GPP TS 23.040 9.2.3.24.8: UDHL 6, IEI 0x08, length 4, 16-bit reference, total, sequence.
        assertThat(HexFormat.of().formatHex(m.segments().get(2), 0, 7)).isEqualTo("06080412340303");
        assertThat(m.segments().get(0)).hasSize(7 + 152);
    }

    @Test
    void anEscapePair_isNeverSplitAcrossSegments() {
        EncodedMessage m = GSM_UDH8.encode("a".repeat(152) + "€" + "a".repeat(10), 1);
        assertThat(m.segments().get(0)).hasSize(6 + 152);
        assertThat(m.segments().get(1)[6]).isEqualTo((byte) 0x1B);
        assertThat(m.segments().get(1)[7]).isEqualTo((byte) 0x65);
    }

    @Test
    void chineseText_goesAsUcs2_70CharactersInOne_67PerSegment() {
        assertThat(GSM_UDH8.encode("验".repeat(70), 1).segments())
                .singleElement()
                .satisfies(s -> assertThat(s).hasSize(140));
        EncodedMessage m = GSM_UDH8.encode("验".repeat(71), 1);
        assertThat(m.dataCoding()).isEqualTo(8);
        assertThat(m.segments()).hasSize(2);
        assertThat(m.segments().get(0)).hasSize(6 + 134);
        assertThat(GSM_UDH16.encode("验".repeat(71), 1).segments().get(0)).hasSize(7 + 132);
    }

    @Test
    void aSurrogatePair_staysWholeInOneSegment() {
        String text = "验".repeat(66) + "😀" + "验".repeat(10);
        EncodedMessage m = GSM_UDH8.encode(text, 1);
        StringBuilder joined = new StringBuilder();
        for (byte[] seg : m.segments()) {
            String part = new String(seg, 6, seg.length - 6, StandardCharsets.UTF_16BE);
            assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1)))
                    .isFalse();
            assertThat(Character.isLowSurrogate(part.charAt(0))).isFalse();
            joined.append(part);
        }
        assertThat(joined.toString()).isEqualTo(text);
        assertThat(m.segments().get(0)).hasSize(6 + 132);
    }

    @Test
    void messagePayloadMode_sendsTheWholeTextInOnePayload() {
        EncodedMessage m =
                new SmsCodec(DefaultAlphabet.GSM7, LongMessageMode.MESSAGE_PAYLOAD).encode("c".repeat(500), 1);
        assertThat(m.payload()).isTrue();
        assertThat(m.segments()).singleElement().satisfies(s -> assertThat(s).hasSize(500));
    }

    @Test
    void moreThan255Segments_isRefused() {
        assertThatThrownBy(() -> GSM_UDH8.encode("d".repeat(153 * 255 + 1), 1))
                .isInstanceOf(SmppException.class)
                .hasMessageContaining("255");
    }

    @Test
    void theDefaultAlphabet_decidesWhatDataCoding0Carries() {
        SmsCodec latin1 = new SmsCodec(DefaultAlphabet.LATIN1, LongMessageMode.UDH_8BIT_REFERENCE);
        EncodedMessage café = latin1.encode("café", 1);
        assertThat(café.dataCoding()).isZero();
        assertThat(café.segments().get(0)).containsExactly('c', 'a', 'f', 0xE9);
        assertThat(latin1.encode("é".repeat(141), 1).segments().get(0)).hasSize(6 + 134);

        SmsCodec ascii = new SmsCodec(DefaultAlphabet.ASCII, LongMessageMode.UDH_8BIT_REFERENCE);
        assertThat(ascii.encode("cafe", 1).dataCoding()).isZero();
        assertThat(ascii.encode("café", 1).dataCoding()).isEqualTo(8);
        assertThat(ascii.decode(new byte[] {'h', 'i'}, 0, 2, 0)).isEqualTo("hi");
        assertThat(latin1.decode(new byte[] {(byte) 0xE9}, 0, 1, 0)).isEqualTo("é");
    }

    // SMPP v3.4 5.2.19 and 3GPP TS 23.038 section 4 (coding groups).
    static Stream<Arguments> dataCodings() {
        return Stream.of(
                Arguments.of(0x00, "00", "@"),
                Arguments.of(0x01, "41", "A"),
                Arguments.of(0x03, "e9", "é"),
                Arguments.of(0x08, "9a8c", "验"),
                Arguments.of(0x18, "9a8c", "验"),
                Arguments.of(0xF0, "1b65", "€"),
                Arguments.of(0xF4, "41", "A"));
    }

    @ParameterizedTest(name = "data_coding {0}")
    @MethodSource("dataCodings")
    void decode_followsTheDataCoding(int dc, String hex, String text) {
        byte[] octets = HexFormat.of().parseHex(hex);
        assertThat(GSM_UDH8.decode(octets, 0, octets.length, dc)).isEqualTo(text);
    }
}
