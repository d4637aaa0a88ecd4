package io.remotebank.channels.cmpp.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.channels.cmpp.CmppError;
import io.remotebank.channels.cmpp.CmppException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Long messages: TP_udhi with the concatenation element of 3GPP TS 23.040 section 9.2.3.24.1 (8-bit
 * reference) and 9.2.3.24.8 (16-bit), parts of at most 140 bytes (CMPP 3.0 section 7.4.3.1).
 */
class LongMessageTest {

    @ParameterizedTest(name = "{0}: {1} characters fit one message")
    @CsvSource({"UCS2, 70", "GBK, 70", "ASCII, 159"})
    void textThatFits_isOnePartWithoutHeader(MessageFormat format, int length) {
        String text = format == MessageFormat.ASCII ? "a".repeat(length) : "银".repeat(length);

        List<MessagePart> parts = LongMessage.split(text, format, 1, false);

        assertThat(parts).singleElement().satisfies(p -> {
            assertThat(p.tpUdhi()).isZero();
            assertThat(p.total()).isEqualTo(1);
            assertThat(LongMessage.text(p.msgContent(), 0, format)).isEqualTo(text);
        });
    }

    @Test
    void ucs2Of71Characters_isTwoPartsOf67And4WithAn8BitReference() {
        List<MessagePart> parts = LongMessage.split("银".repeat(71), MessageFormat.UCS2, 0x2A, false);

        assertThat(parts).hasSize(2);
        assertThat(HexFormat.of().formatHex(parts.get(0).msgContent(), 0, 6)).isEqualTo("0500032a0201");
        assertThat(HexFormat.of().formatHex(parts.get(1).msgContent(), 0, 6)).isEqualTo("0500032a0202");
        assertThat(parts.get(0).msgContent()).hasSize(6 + 134);
        assertThat(parts.get(1).msgContent()).hasSize(6 + 8);
        assertThat(parts).allSatisfy(p -> assertThat(p.tpUdhi()).isEqualTo(1));
    }

    @Test
    void sixteenBitReference_writesIei08AndLeavesOneByteLessPerPart() {
        List<MessagePart> parts = LongMessage.split("银".repeat(71), MessageFormat.UCS2, 0xBEEF, true);

        assertThat(HexFormat.of().formatHex(parts.get(0).msgContent(), 0, 7)).isEqualTo("060804beef0201");
        assertThat(parts.get(0).msgContent()).hasSize(7 + 132);
        assertThat(ConcatenationHeader.find(parts.get(1).msgContent()))
                .contains(new ConcatenationHeader(0xBEEF, 2, 2, true));
    }

    @Test
    void gbkDoubleByteCharacter_isNeverCutBetweenParts() {
        // 'a' then Chinese: after 1 + 66 * 2 = 133 bytes, the next character would need bytes 134-135.
        String text = "a" + "银".repeat(100);

        List<MessagePart> parts = LongMessage.split(text, MessageFormat.GBK, 7, false);

        assertThat(parts.get(0).msgContent()).hasSize(6 + 133);
        assertThat(parts.stream()
                        .map(p -> LongMessage.text(p.msgContent(), 1, MessageFormat.GBK))
                        .collect(Collectors.joining()))
                .isEqualTo(text);
    }

    @Test
    void ucs2SurrogatePair_isNeverCutBetweenParts() {
        // 66 BMP characters take 132 bytes; the emoji's 4 bytes would straddle the 134-byte boundary.
        String text = "银".repeat(66) + "😀" + "银".repeat(10);

        List<MessagePart> parts = LongMessage.split(text, MessageFormat.UCS2, 7, false);

        assertThat(parts.get(0).msgContent()).hasSize(6 + 132);
        assertThat(parts.stream()
                        .map(p -> LongMessage.text(p.msgContent(), 1, MessageFormat.UCS2))
                        .collect(Collectors.joining()))
                .isEqualTo(text);
    }

    @Test
    void textNeedingMoreThan255Parts_isRefused() {
        assertThatThrownBy(() -> LongMessage.split("银".repeat(67 * 255 + 1), MessageFormat.UCS2, 1, false))
                .isInstanceOfSatisfying(
                        CmppException.class, e -> assertThat(e.code()).isEqualTo(CmppError.ENCODING_FAILED));
    }

    @Test
    void characterTheFormatCannotCarry_isRefusedNotReplaced() {
        assertThatThrownBy(() -> LongMessage.split("余额 100 元", MessageFormat.ASCII, 1, false))
                .isInstanceOfSatisfying(
                        CmppException.class, e -> assertThat(e.code()).isEqualTo(CmppError.ENCODING_FAILED));
        assertThatThrownBy(() -> MessageFormat.GBK.encode("😀"))
                .isInstanceOfSatisfying(
                        CmppException.class, e -> assertThat(e.code()).isEqualTo(CmppError.ENCODING_FAILED));
    }

    @Test
    void bytesNotValidInTheFormat_areRefused() {
        assertThatThrownBy(() -> MessageFormat.UCS2.decode(new byte[] {0x4f}))
                .isInstanceOfSatisfying(
                        CmppException.class, e -> assertThat(e.code()).isEqualTo(CmppError.ENCODING_FAILED));
        assertThatThrownBy(() -> MessageFormat.GBK.decode(new byte[] {(byte) 0xc4}))
                .isInstanceOfSatisfying(
                        CmppException.class, e -> assertThat(e.code()).isEqualTo(CmppError.ENCODING_FAILED));
    }

    @Test
    void msgFmtCodes_areTheStandardsValues() {
        assertThat(MessageFormat.of(0)).contains(MessageFormat.ASCII);
        assertThat(MessageFormat.of(8)).contains(MessageFormat.UCS2);
        assertThat(MessageFormat.of(15)).contains(MessageFormat.GBK);
        assertThat(MessageFormat.of(4)).isEmpty();
        assertThat(HexFormat.of().formatHex(MessageFormat.GBK.encode("你好"))).isEqualTo("c4e3bac3");
    }
}
