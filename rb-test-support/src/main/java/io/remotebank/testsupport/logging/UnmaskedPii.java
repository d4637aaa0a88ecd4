package io.remotebank.testsupport.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds unmasked CN resident ID numbers (with a valid check character) and phone numbers (mainland
 * mobile, E.164) in text. Deliberately independent of rb-core's masking code: the guard must not
 * share the implementation it is checking.
 */
public final class UnmaskedPii {

    /**
     * One finding.
     *
     * @param kind "ID number" or "phone number"
     * @param start where it starts in the text
     * @param end where it ends
     */
    public record Finding(String kind, int start, int end) {}

    /** Region, a birth date of 1900-2099 with a real month and day, sequence, check character. */
    private static final Pattern ID = Pattern.compile(
            "(?<![0-9A-Za-z])[1-9]\\d{5}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx](?![0-9A-Za-z])");

    private static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z])1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}(?![0-9])");
    private static final Pattern E164 = Pattern.compile("(?<![0-9A-Za-z+])\\+[1-9]\\d{7,14}(?![0-9])");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private UnmaskedPii() {}

    /**
     * Finds unmasked ID and phone numbers.
     *
     * @param text the text
     * @return the findings
     */
    public static List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        Matcher id = ID.matcher(text);
        while (id.find()) {
            if (checksumOk(id.group())) {
                found.add(new Finding("ID number", id.start(), id.end()));
            }
        }
        for (Pattern phone : List.of(MOBILE, E164)) {
            Matcher m = phone.matcher(text);
            while (m.find()) {
                int start = m.start();
                int end = m.end();
                if (found.stream().noneMatch(f -> start < f.end() && f.start() < end)) {
                    found.add(new Finding("phone number", start, end));
                }
            }
        }
        return found;
    }

    /**
     * The text with every finding replaced by a placeholder, for failure messages that must not
     * repeat the personal data they report.
     *
     * @param text the text
     * @return the redacted text
     */
    public static String redact(String text) {
        StringBuilder out = new StringBuilder(text);
        List<Finding> found = find(text);
        found.sort((a, b) -> Integer.compare(b.start(), a.start()));
        for (Finding f : found) {
            out.replace(f.start(), f.end(), "<unmasked " + f.kind() + ">");
        }
        return out.toString();
    }

    private static boolean checksumOk(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return Character.toUpperCase(id.charAt(17)) == CHECK.charAt(sum % 11);
    }
}
