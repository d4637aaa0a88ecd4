package io.remotebank.core.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PiiScannerTest {

    @ParameterizedTest
    @CsvSource({
        "call 13812345678 now, PHONE",
        "call +8613812345678 now, PHONE",
        "id 11010519491231002X ok, ID_NUMBER",
        "card 4111111111111111 ok, CARD_NUMBER",
        "mail a.b+c@bank.example.cn ok, EMAIL"
    })
    void findsEachKind(String text, PiiKind kind) {
        assertThat(PiiScanner.find(text))
                .singleElement()
                .extracting(PiiScanner.Finding::kind)
                .isEqualTo(kind);
    }

    /** What the security tester found unmasked in {@code rb score} output, and its relatives. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // Hong Kong identity card, printed and bare forms, and one with the check character A.
                "HK ID A123456(3)|A123456(3)|ID_NUMBER",
                "HK ID A1234563|A1234563|ID_NUMBER",
                "HK ID two letters|XY987654(A)|ID_NUMBER",
                // The 15-digit resident ID of the 1984 card.
                "15-digit CN ID|110105491231002|ID_NUMBER",
                // A mistyped check character is still somebody's ID number.
                "ID, wrong check character|110105194912310021|ID_NUMBER",
                "ID, lower-case x|11010519491231002x|ID_NUMBER",
                // Mainland mobile with its country code and no plus.
                "86 mobile|8613812345678|PHONE",
                "0086 mobile|008613812345678|PHONE",
                "86 mobile, spaced|86 138 1234 5678|PHONE",
                // A country code in brackets.
                "(852) HK number|(852) 9123 4567|PHONE",
                "(+86) mobile|(+86) 138 1234 5678|PHONE",
                "852 without plus|852 9123 4567|PHONE",
                "+852|+852 9123 4567|PHONE",
                "landline|010-88886666|PHONE",
                // Card-like numbers whether or not Luhn agrees.
                "non-Luhn 16 digits|4111111111111112|CARD_NUMBER",
                "non-Luhn 19 digits|6222021234567890124|CARD_NUMBER",
                "grouped, non-Luhn|6222 0212 3456 7891|CARD_NUMBER",
                "15 digits, not a date|123456789012345|CARD_NUMBER",
                "a longer run|12345678901234567890123|CARD_NUMBER",
                // Full-width digits and letters, read through NFKC.
                "full-width mobile|１３８１２３４５６７８|PHONE",
                "full-width ID|１１０１０５１９４９１２３１００２Ｘ|ID_NUMBER",
                "full-width HK ID|Ａ１２３４５６（３）|ID_NUMBER",
                // Passports and travel permits.
                "CN passport|E12345678|ID_NUMBER",
                "CN e-passport|EA1234567|ID_NUMBER",
                "HK passport|K12345678|ID_NUMBER",
                "permit|H12345678|ID_NUMBER"
            })
    void findsWhatLooksLikePersonalData_whateverItsCheckCharacter(String what, String value, PiiKind kind) {
        String text = "客户 " + value + " 已核实";
        assertThat(PiiScanner.find(text)).as(what).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(kind);
            assertThat(text.substring(f.start(), f.end())).isEqualTo(value);
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1732800000000", // a timestamp in milliseconds
                "version 17.0.15+6",
                "score 0.12345678901234567", // the fraction of a decimal number
                "-0.0000012345678901234",
                "1.2345678901234567E-5",
                "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "call-id 123e4567-e89b-12d3-a456-426614174000",
                "amount 12,345,678.90 at 2026-11-28 10:00:00",
                "port 5060, 200 OK, RFC 3261, ticket 123456",
                "p50 85.84, p90 516.79, p99 620.61"
            })
    void leavesShortRunsDecimalsAndHashesAlone(String text) {
        assertThat(PiiScanner.find(text)).isEmpty();
    }

    @Test
    void fullWidthFinding_isPlacedInTheTextAsGiven() {
        String text = "电话：１３８１２３４５６７８。";

        assertThat(PiiScanner.find(text)).containsExactly(new PiiScanner.Finding(PiiKind.PHONE, 3, 14));
    }

    @Test
    void findingAfterAnExpandingCharacter_isPlacedInTheTextAsGiven() {
        // U+3231 (㈱) is three characters in NFKC: positions after it must still be the original ones.
        String text = "㈱ 13812345678";

        assertThat(PiiScanner.find(text)).containsExactly(new PiiScanner.Finding(PiiKind.PHONE, 2, 13));
    }

    @Test
    void idNumberCheckCharacter_followsGb11643() {
        // GB 11643-1999 example: 11010519491231002X.
        assertThat(PiiScanner.validIdNumber("11010519491231002X")).isTrue();
        assertThat(PiiScanner.validIdNumber("11010519491231002x")).isTrue();
        assertThat(PiiScanner.validIdNumber("110105194912310021")).isFalse();
        assertThat(PiiScanner.validIdNumber("1101051949123100")).isFalse();
    }

    @Test
    void findings_doNotOverlap_idWinsOverCard() {
        assertThat(PiiScanner.find("11010519491231002X"))
                .singleElement()
                .extracting(PiiScanner.Finding::kind)
                .isEqualTo(PiiKind.ID_NUMBER);
    }

    @Test
    void manyFindings_inOneLongText_areAllFound() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            s.append("13812345678,");
        }

        assertThat(PiiScanner.find(s.toString())).hasSize(20_000);
    }

    @ParameterizedTest
    @CsvSource({
        "name, NAME",
        "姓名, NAME",
        "客户姓名, NAME",
        "Customer Name, NAME",
        "customer_name, NAME",
        "ＮＡＭＥ, NAME",
        "户名, NAME",
        "mobile, PHONE",
        "手机号, PHONE",
        "id_number, ID_NUMBER",
        "身份证号, ID_NUMBER",
        "Passport-No, ID_NUMBER",
        "card_no, CARD_NUMBER",
        "email, EMAIL"
    })
    void columnKind_knowsTheColumnsThatHoldPersonalData(String column, PiiKind kind) {
        assertThat(PiiScanner.columnKind(column)).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "customer", "age", "income", "department", "Final Score", "model_name", ""})
    void columnKind_isEmpty_forOtherColumns(String column) {
        assertThat(PiiScanner.columnKind(column)).isEmpty();
        assertThat(PiiScanner.columnKind(null)).isEqualTo(Optional.empty());
    }
}
