package io.remotebank.identity.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Hong Kong identity card numbers: one or two letters, six digits, a check digit 0-9 or A. */
final class HkIds {

    private static final Pattern FORM = Pattern.compile("([A-Z]{1,2})([0-9]{6})(?:\\(([0-9A])\\)|([0-9A]))");

    private HkIds() {}

    static HkIdResult validate(String input) {
        String text = input.strip();
        List<Check> checks = new ArrayList<>();
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            checks.add(Check.fail("format", formatProblem(text)));
            return new HkIdResult(text, "", '?', false, checks);
        }
        boolean printed = m.group(3) != null;
        char given = (printed ? m.group(3) : m.group(4)).charAt(0);
        String prefix = m.group(1);
        String digits = m.group(2);
        checks.add(Check.pass(
                "format",
                prefix.length() + "-letter prefix, six digits and a check digit" + (printed ? " in parentheses" : "")));
        char expected = CheckDigits.hk(prefix, digits);
        checks.add(
                given == expected
                        ? Check.pass("check-digit", "check digit matches")
                        : Check.fail("check-digit", "check digit is " + given + ", computed " + expected));
        return new HkIdResult(prefix + digits + given, prefix, given, printed, checks);
    }

    private static String formatProblem(String text) {
        if (FORM.matcher(text.toUpperCase(java.util.Locale.ROOT)).matches()) {
            return "letters must be upper case";
        }
        return "expected one or two letters, six digits and a check digit 0-9 or A, e.g. A123456(3) or A1234563";
    }
}
