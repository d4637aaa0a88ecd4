package io.remotebank.core.text;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One cell of a CSV file that a person may open in a spreadsheet: RFC 4180 quoting, and OWASP's
 * defence against CSV (formula) injection. Every module that writes CSV encodes its cells here, so
 * that a customer-supplied id such as {@code =cmd|' /C calc'!A0} reaches the analyst's spreadsheet
 * as text, never as a formula.
 *
 * <p>The rules:
 *
 * <ul>
 *   <li>RFC 4180 section 2.6 and 2.7: a cell holding a comma, a double quote, CR or LF is enclosed in
 *       double quotes, and a double quote inside it is doubled. A cell holding a semicolon or a tab is
 *       quoted as well, because spreadsheets in many locales split on those, and OWASP warns that a
 *       separator lets an attacker start a new cell in the middle of a value.
 *   <li>OWASP "CSV Injection" (owasp.org/www-community/attacks/CSV_Injection) and ASVS 5.0
 *       requirement 1.2.10: a text cell whose first character is {@code =}, {@code +}, {@code -},
 *       {@code @}, a tab, CR, LF or NUL is prefixed with a single quote and enclosed in double
 *       quotes, so that the spreadsheet reads it as text ({@code "'=1+2"}).
 * </ul>
 *
 * <p>Text and numbers are told apart by the caller, not guessed from the content: {@link
 * #text(String)} is for anything that came from input or from a person (ids, names, categories,
 * column names), and always neutralises a formula, so an id {@code -12} is written {@code "'-12"}.
 * {@link #number(String)} is for a number the program formatted itself (a score {@code -1.5}); it
 * is written as is so the spreadsheet still sees a number, but only when it really is a plain decimal
 * number: anything else given to it is encoded as text. A plain number cannot be a formula, so this
 * keeps negative scores numeric without opening a gap.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CsvCell {

    private CsvCell() {}

    /**
     * Encodes a text cell.
     *
     * @param value the value (null: an empty cell)
     * @return the cell's CSV text: as is when harmless, else quoted, and prefixed with a single quote
     *     when a spreadsheet would read it as a formula
     */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        boolean formula = startsFormula(value);
        if (!formula && !needsQuotes(value)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 4).append('"');
        if (formula) {
            out.append('\'');
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }

    /**
     * Encodes a number the program formatted: as is when it is a plain decimal number ({@code 29},
     * {@code -1.5}, {@code 1.0E-5}), otherwise as {@link #text(String)} ({@code -Infinity} becomes
     * {@code "'-Infinity"}).
     *
     * @param formatted the number's text (null: an empty cell)
     * @return the cell's CSV text
     */
    public static String number(String formatted) {
        if (formatted == null || formatted.isEmpty()) {
            return "";
        }
        return isPlainNumber(formatted) ? formatted : text(formatted);
    }

    /**
     * Encodes a row of text cells (see {@link #text(String)}), separated by commas.
     *
     * @param values the values
     * @return the CSV line, without its line break
     */
    public static String textRow(List<String> values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(text(values.get(i)));
        }
        return out.toString();
    }

    /**
     * Whether a spreadsheet would read a cell with this text as a formula (OWASP's list of first
     * characters: {@code = + - @}, tab, CR, LF, and NUL from ASVS).
     *
     * @param value the cell's text
     * @return true when it must be neutralised
     */
    public static boolean startsFormula(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\n' || c == '\0';
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n' || c == ';' || c == '\t') {
                return true;
            }
        }
        return false;
    }

    /** {@code -?digits[.digits][(e|E)[+-]digits]}, the forms Java and PMML print a finite number in. */
    static boolean isPlainNumber(String s) {
        int i = 0;
        int n = s.length();
        if (s.charAt(0) == '-') {
            i++;
        }
        int digits = skipDigits(s, i);
        if (digits == i) {
            return false;
        }
        i = digits;
        if (i < n && s.charAt(i) == '.') {
            int fraction = skipDigits(s, i + 1);
            if (fraction == i + 1) {
                return false;
            }
            i = fraction;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponent = skipDigits(s, i);
            if (exponent == i) {
                return false;
            }
            i = exponent;
        }
        return i == n;
    }

    private static int skipDigits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
