package io.remotebank.identity.document;

/** The check-digit algorithms of the three documents. */
final class CheckDigits {

    /** GB 11643-1999 clause 7.3 / ISO 7064 MOD 11-2: weights 2^(17-i) mod 11 for i = 0..16. */
    static final int[] GB11643_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    /** The check character for sum mod 11, chosen so that the weighted sum with it is 1 mod 11. */
    private static final char[] GB11643_CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    /** ICAO 9303 Part 3 clause 4.9: the weights repeat 7, 3, 1. */
    static final int[] ICAO_WEIGHTS = {7, 3, 1};

    private CheckDigits() {}

    /**
     * The ISO 7064 MOD 11-2 check character of 17 digits.
     *
     * @param digits 17 ASCII digits
     * @return {@code 0}-{@code 9} or {@code X}
     */
    static char gb11643(CharSequence digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (digits.charAt(i) - '0') * GB11643_WEIGHTS[i];
        }
        return GB11643_CHECK[sum % 11];
    }

    /**
     * The value of an MRZ character: digits their value, A-Z 10-35, the filler 0.
     *
     * @param c the character
     * @return its value, or -1 for a character an MRZ may not hold
     */
    static int icaoValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return c == '<' ? 0 : -1;
    }

    /**
     * The ICAO 9303 7-3-1 check digit of some MRZ characters.
     *
     * @param chars the characters
     * @return 0-9, or -1 when a character is not an MRZ character
     */
    static int icao(CharSequence chars) {
        int sum = 0;
        for (int i = 0; i < chars.length(); i++) {
            int v = icaoValue(chars.charAt(i));
            if (v < 0) {
                return -1;
            }
            sum += v * ICAO_WEIGHTS[i % 3];
        }
        return sum % 10;
    }

    /**
     * The value of a Hong Kong identity card character: digits their value, A-Z 10-35, and the
     * space that stands for a missing second prefix letter 36.
     */
    static int hkValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return c == ' ' ? 36 : -1;
    }

    /**
     * The Hong Kong identity card check digit: the eight characters (a one-letter prefix is padded
     * with a leading space) weighted 9 down to 2; the check makes the total a multiple of 11, and a
     * check value of 10 is written {@code A}.
     *
     * @param prefix one or two letters
     * @param digits six digits
     * @return {@code 0}-{@code 9} or {@code A}
     */
    static char hk(String prefix, String digits) {
        String eight = (prefix.length() == 1 ? " " + prefix : prefix) + digits;
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += hkValue(eight.charAt(i)) * (9 - i);
        }
        int check = (11 - sum % 11) % 11;
        return check == 10 ? 'A' : (char) ('0' + check);
    }
}
