package io.remotebank.identity.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Property tests over the TD3 specimen of ICAO 9303 Part 4 Appendix A: every single substitution in
 * a field covered by check digits (document number, birth date, expiry date, personal number).
 */
class MrzPropertyTest {

    private final DocumentValidator validator = DocumentValidator.withClock(MrzTest.SPECIMEN_DAY);
    private static final String LINE2 = MrzTest.TD3[1];

    /** MRZ character value (9303 Part 3 clause 4.9), computed independently of the code under test. */
    private static int value(char c) {
        return c == '<' ? 0 : Character.isDigit(c) ? c - '0' : c - 'A' + 10;
    }

    /** The 7-3-1 weight of the character at {@code offset} within the data a check digit covers. */
    private static int weight(int offset) {
        return new int[] {7, 3, 1}[offset % 3];
    }

    /** The offset of line-2 position {@code i} within the TD3 composite data (1-10, 14-20, 22-43). */
    private static int compositeOffset(int i) {
        return i < 10 ? i : i < 20 ? i - 3 : i - 4;
    }

    private boolean caught(int i, char replacement) {
        String changed = LINE2.substring(0, i) + replacement + LINE2.substring(i + 1);
        return !validator.mrz(MrzTest.TD3[0], changed).valid();
    }

    @Test
    void everyChangedDigit_isCaught() {
        int[][] fields = {{0, 9}, {13, 19}, {21, 27}, {28, 37}};
        int tried = 0;
        for (int[] field : fields) {
            for (int i = field[0]; i < field[1]; i++) {
                if (!Character.isDigit(LINE2.charAt(i))) {
                    continue;
                }
                for (char d = '0'; d <= '9'; d++) {
                    if (d != LINE2.charAt(i)) {
                        assertThat(caught(i, d))
                                .as("position %d -> %s", i + 1, d)
                                .isTrue();
                        tried++;
                    }
                }
            }
        }
        assertThat(tried).isEqualTo(25 * 9); // 7 + 6 + 6 + 6 digits
    }

    /**
     * A changed letter is caught exactly when the field's check digit or the composite changes: the
     * weighted difference {@code w * (v(new) - v(old))} is not 0 mod 10. Since 7, 3 and 1 are prime
     * to 10 this happens unless the values differ by a multiple of 10 (A/K/U, B/L/V, ...), but the
     * test computes it rather than assume it.
     */
    @Test
    void aChangedLetter_isCaughtExactlyWhenTheCheckDigitsCanCatchIt() {
        int undetectable = 0;
        int tried = 0;
        for (int i = 0; i < 37; i++) {
            boolean covered = i < 9 || (i >= 28 && i < 42);
            if (!covered || !Character.isLetter(LINE2.charAt(i))) {
                continue;
            }
            int fieldOffset = i < 9 ? i : i - 28;
            for (char c = 'A'; c <= 'Z'; c++) {
                if (c == LINE2.charAt(i)) {
                    continue;
                }
                int delta = value(c) - value(LINE2.charAt(i));
                boolean fieldCatches = Math.floorMod(weight(fieldOffset) * delta, 10) != 0;
                boolean compositeCatches = Math.floorMod(weight(compositeOffset(i)) * delta, 10) != 0;
                boolean expected = fieldCatches || compositeCatches;
                assertThat(caught(i, c))
                        .as("position %d: %s -> %s", i + 1, LINE2.charAt(i), c)
                        .isEqualTo(expected);
                tried++;
                if (!expected) {
                    undetectable++;
                }
            }
        }
        // Letters L, C (number) and Z, E, B (personal number): 5 positions, 25 substitutions each, 2 blind spots each.
        assertThat(tried).isEqualTo(5 * 25);
        assertThat(undetectable).isEqualTo(5 * 2);
    }

    @Test
    void fillerAndZero_haveTheSameValue_soSwappingThemInAnOptionalFieldIsInvisible() {
        // 9303 gives < the value 0: this is a property of the standard, reported here so nobody relies on it.
        assertThat(caught(41, '0')).isFalse();
    }
}
