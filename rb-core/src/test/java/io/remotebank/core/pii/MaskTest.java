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
        "12345, ****"
    })
    void phone(String input, String masked) {
        assertThat(Mask.phone(input)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({"11010519491231002X, 1****************X", "110105491231002, 1*************2", "12, ****"})
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
        String text = "order 12345678901234567 (Luhn invalid) at 1732800000000";

        assertThat(Mask.text(text)).isSameAs(text);
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
