package io.remotebank.core.pii;

import static org.assertj.core.api.Assertions.assertThat;

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

    @ParameterizedTest
    @ValueSource(
            strings = {
                "110105194912310021", // bad check character: not an ID number, not a card either (Luhn fails)
                "4111111111111112", // bad Luhn digit
                "1732800000000",
                "version 17.0.15+6"
            })
    void ignoresNumbersThatFailTheirCheck(String text) {
        assertThat(PiiScanner.containsPii(text)).isFalse();
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
}
