package io.remotebank.core.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class MaskTest {

    @ParameterizedTest
    @CsvSource({
        "13812345678, 138****5678",
        "138 1234 5678, 138****5678",
        "+8613812345678, +86138****5678",
        "+86 138 1234 5678, +86138****5678",
        "+14155550123, +141****0123",
        "+442071838750, +442*****8750",
        "8613812345678, 86138****5678",
        "008613812345678, 0086138****5678",
        "'(852) 9123 4567', 852****4567",
        "+852 9123 4567, +852****4567",
        "12345, ****"
    })
    void phone(String input, String masked) {
        assertThat(Mask.phone(input)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({
        "11010519491231002X, 1****************X",
        "110105491231002, 1*************2",
        "A123456(3), A******3",
        "E12345678, E*******8",
        "12, ****"
    })
    void idNumber_showsFirstAndLastOnly(String input, String masked) {
        assertThat(Mask.idNumber(input)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({
        "6222021234567890123, 622202*********0123",
        "6222 0212 3456 7890, 622202******7890",
        "4111-1111-1111-1111, 411111******1111",
        "123456789, ****"
    })
    void cardNumber_showsFirstSixAndLastFour(String input, String masked) {
        assertThat(Mask.cardNumber(input)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({"张三, 张*", "张三丰, 张**", "欧阳娜娜, 欧***", "张, ****", "John Smith, J*** S****", "Li, L*", "' ', ****"})
    void name_showsTheFirstCharacterOfEachWord(String input, String masked) {
        assertThat(Mask.name(input)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({
        "zhangsan@example.com, zh******@example.com",
        "ab@example.com, a*@example.com",
        "a@example.com, *@example.com",
        "not-an-email, ****",
        "@example.com, ****"
    })
    void email_keepsTheDomain(String input, String masked) {
        assertThat(Mask.email(input)).isEqualTo(masked);
    }

    @Test
    void text_masksEveryKindFoundInFreeText() {
        String note = "客户 13812345678 (id 11010519491231002X, card 6222021234567890128, mail zhangsan@example.com)"
                + " called at 2026-11-28 10:00, ticket 123456";

        assertThat(Mask.text(note))
                .isEqualTo("客户 138****5678 (id 1****************X, card 622202*********0128, mail zh******@example.com)"
                        + " called at 2026-11-28 10:00, ticket 123456");
    }

    @Test
    void text_leavesTextWithoutPiiAlone() {
        String text = "order 1234567 at 1732800000000, score 0.12345678901234567";

        assertThat(Mask.text(text)).isSameAs(text);
    }

    @Test
    void text_masksALongDigitRun_whateverItsCheckDigit() {
        assertThat(Mask.text("order 12345678901234567 (Luhn invalid)"))
                .isEqualTo("order 123456*******4567 (Luhn invalid)");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "电话１３８１２３４５６７８|电话138****5678",
                "证件１１０１０５１９４９１２３１００２Ｘ。|证件1****************X。",
                "HK A123456(3), passport E12345678|HK A******3, passport E*******8",
                "sip:+8613812345678@127.0.0.1:5060|sip:+86138****5678@127.0.0.1:5060",
                "call (852) 9123 4567 or 8613812345678|call 852****4567 or 86138****5678"
            })
    void text_masksEveryCaseTheScannerFinds(String text, String masked) {
        assertThat(Mask.text(text)).isEqualTo(masked);
    }

    @ParameterizedTest
    @EnumSource(PiiKind.class)
    void masking_neverThrows_andNeverReturnsTheInput(PiiKind kind) {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = 8 + random.nextInt(20);
            for (int j = 0; j < length; j++) {
                s.append((char) (random.nextBoolean() ? '0' + random.nextInt(10) : random.nextInt(0x3000)));
            }
            String input = s.toString();
            String masked = kind.mask(input);
            assertThat(masked).isNotNull().isNotEqualTo(input);
        }
        assertThat(kind.mask(null)).isEqualTo("null");
    }

    @Test
    void other_hidesEvenTheLength() {
        assertThat(PiiKind.OTHER.mask("secret answer")).isEqualTo(Mask.FULLY_MASKED);
    }
}
