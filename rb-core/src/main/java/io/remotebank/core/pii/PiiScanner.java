package io.remotebank.core.pii;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Finds personal data in free text: CN resident ID numbers (with a valid GB 11643 check
 * character), mainland mobile and E.164 phone numbers, bank card numbers (16-19 digits with a valid
 * Luhn check digit) and e-mail addresses. Check characters keep random digit runs (timestamps,
 * amounts, ids) from being mistaken for personal data.
 */
@API(status = STABLE, since = "0.1")
public final class PiiScanner {

    /**
     * One piece of personal data in a text.
     *
     * @param kind what it is
     * @param start index of its first character
     * @param end index after its last character
     */
    @API(status = STABLE, since = "0.1")
    public record Finding(PiiKind kind, int start, int end) {}

    private static final Pattern ID_NUMBER = Pattern.compile(
            "(?<![0-9A-Za-z])[1-9]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern E164 = Pattern.compile("(?<![0-9A-Za-z+])\\+[1-9](?:[ -]?\\d){6,14}(?![0-9])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z])1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}(?![0-9])");
    private static final Pattern CARD = Pattern.compile("(?<![0-9A-Za-z])\\d(?:[ -]?\\d){15,18}(?![0-9])");
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private PiiScanner() {}

    /**
     * Finds personal data in a text.
     *
     * @param text the text
     * @return the findings, in order, never overlapping
     */
    public static List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return found;
        }
        collect(text, ID_NUMBER, PiiKind.ID_NUMBER, found, PiiScanner::validIdNumber);
        collect(text, E164, PiiKind.PHONE, found, s -> true);
        collect(text, MOBILE, PiiKind.PHONE, found, s -> true);
        collect(text, CARD, PiiKind.CARD_NUMBER, found, PiiScanner::validLuhn);
        collect(text, EMAIL, PiiKind.EMAIL, found, s -> true);
        found.sort(Comparator.comparingInt(Finding::start));
        return List.copyOf(found);
    }

    /**
     * Whether a text holds any personal data this scanner recognises.
     *
     * @param text the text
     * @return true when {@link #find} would find something
     */
    public static boolean containsPii(String text) {
        return !find(text).isEmpty();
    }

    /**
     * Whether an 18-character resident ID number has a valid ISO 7064 MOD 11-2 check character (GB
     * 11643-1999). Only the check character is verified, not the region or the date.
     *
     * @param idNumber 18 characters
     * @return whether the check character matches
     */
    public static boolean validIdNumber(String idNumber) {
        if (idNumber == null || idNumber.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = idNumber.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * ID_WEIGHTS[i];
        }
        return Character.toUpperCase(idNumber.charAt(17)) == ID_CHECK[sum % 11];
    }

    /**
     * Whether a digit string (separators allowed) passes the Luhn check.
     *
     * @param number the number
     * @return whether the check digit matches
     */
    public static boolean validLuhn(String number) {
        int sum = 0;
        int digits = 0;
        for (int i = number.length() - 1; i >= 0; i--) {
            char c = number.charAt(i);
            if (c == ' ' || c == '-') {
                continue;
            }
            if (c < '0' || c > '9') {
                return false;
            }
            int d = c - '0';
            if (digits % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            digits++;
        }
        return digits > 1 && sum % 10 == 0;
    }

    private interface Check {
        boolean valid(String candidate);
    }

    private static void collect(String text, Pattern pattern, PiiKind kind, List<Finding> found, Check check) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (check.valid(m.group()) && !overlaps(found, m.start(), m.end())) {
                found.add(new Finding(kind, m.start(), m.end()));
            }
        }
    }

    private static boolean overlaps(List<Finding> found, int start, int end) {
        for (Finding f : found) {
            if (start < f.end() && f.start() < end) {
                return true;
            }
        }
        return false;
    }
}
