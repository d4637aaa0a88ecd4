package io.remotebank.identity.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HkIdTest {

    private final DocumentValidator validator = DocumentValidator.ofDefaults();

    /** Value of a card character: A-Z 10-35, the pad of a one-letter prefix 36 (computed independently). */
    private static int value(char c) {
        return c == ' ' ? 36 : Character.isDigit(c) ? c - '0' : c - 'A' + 10;
    }

    // A123456(3) is the example the issue names; the others are worked by hand with the published
    // weighting (9 down to 2 over the space-padded prefix and the six digits, total 0 mod 11, 10 = A).
    @ParameterizedTest
    @CsvSource({
        "A123456(3), A1234563, A, false",
        "A1234563, A1234563, A, false",
        "G123456(A), G123456A, G, false",
        "AB987654(3), AB9876543, AB, false",
        "AB9876543, AB9876543, AB, false"
    })
    void publishedAndWorkedExamples_areValid(String input, String bare, String prefix, boolean ignored) {
        HkIdResult r = validator.hkId(input);

        assertThat(r.valid()).as(r.failures().toString()).isTrue();
        assertThat(r.number()).isEqualTo(bare);
        assertThat(r.prefix()).isEqualTo(prefix);
        assertThat(r.printedForm()).isEqualTo(input.contains("("));
        assertThat(r.printed())
                .isEqualTo(bare.substring(0, bare.length() - 1) + "(" + bare.charAt(bare.length() - 1) + ")");
    }

    @Test
    void wrongCheckDigit_fails() {
        HkIdResult r = validator.hkId("A123456(4)");

        assertThat(r.failures()).extracting(Check::name).containsExactly("check-digit");
        assertThat(r.check("check-digit").orElseThrow().reason()).contains("is 4, computed 3");
    }

    @ParameterizedTest
    @CsvSource({
        "a123456(3), upper case",
        "A12345(3), expected one or two letters",
        "ABC123456(3), expected one or two letters",
        "C668668(E), expected one or two letters",
        "A123456(3, expected one or two letters",
        "'', expected one or two letters"
    })
    void malformed_failsTheFormat(String input, String reason) {
        HkIdResult r = validator.hkId(input);

        assertThat(r.checks()).extracting(Check::name).containsExactly("format");
        assertThat(r.check("format").orElseThrow().reason()).contains(reason);
        assertThat(r.valid()).isFalse();
    }

    /** Property: any changed digit is caught (weights 7..2 are not 0 mod 11); a changed letter exactly when arithmetic says so. */
    @Test
    void singleSubstitutions_areCaughtExactlyWhenTheChecksumCanCatchThem() {
        String valid = "AB9876543";
        int undetectable = 0;
        for (int i = 0; i < 8; i++) {
            boolean letter = i < 2;
            for (char c : (letter ? "ABCDEFGHIJKLMNOPQRSTUVWXYZ" : "0123456789").toCharArray()) {
                if (c == valid.charAt(i)) {
                    continue;
                }
                String changed = valid.substring(0, i) + c + valid.substring(i + 1);
                int weight = 9 - i;
                boolean detectable = Math.floorMod(weight * (value(c) - value(valid.charAt(i))), 11) != 0;
                assertThat(validator.hkId(changed).valid()).as(changed).isEqualTo(!detectable);
                if (!letter) {
                    assertThat(detectable)
                            .as("a digit change is always detectable")
                            .isTrue();
                } else if (!detectable) {
                    undetectable++;
                }
            }
        }
        // Letters 11 apart (A/L/W, B/M/X, ...) weigh the same mod 11: such swaps cannot be caught.
        assertThat(undetectable).isEqualTo(4);
    }

    @Test
    void toString_isMasked() {
        assertThat(validator.hkId("A123456(3)").toString()).contains("A******3").doesNotContain("123456");
    }

    @Test
    void nullNumber_isABadArgument() {
        assertThatThrownBy(() -> validator.hkId(null)).isInstanceOf(DocumentException.class);
    }
}
