package io.remotebank.core.pii;

import static org.apiguardian.api.API.Status.STABLE;

import java.text.Normalizer;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Masking of personal data for logs, screens, files and {@code toString}.
 *
 * <p>JR/T 0171-2020 (Annex A) and GB/T 35273 clause 7.2 ask that displayed personal information be
 * masked without fixing the positions; these rules follow common practice in Chinese banking
 * software, erring towards showing less:
 *
 * <ul>
 *   <li>mainland mobile: first 3 and last 4 digits, {@code 138****5678}, after the country code if
 *       it was written ({@code +86138****5678}, {@code 86138****5678}); another phone number: the
 *       {@code +} if any, first 3 and last 4 digits, {@code +441*****0123}, {@code 852****4567}
 *   <li>identity document number (resident ID, Hong Kong ID, passport): first 1 and last 1 letters
 *       or digits, {@code 1****************X}, {@code A******3}, {@code E*******8}
 *   <li>bank card number: first 6 and last 4 digits, {@code 622202*********0123}
 *   <li>name: Chinese, the first character only, {@code 张*}, {@code 欧***}; Latin, the initial of
 *       each word, {@code J*** S****}
 *   <li>e-mail: the first one or two characters of the local part and the domain
 *   <li>anything shorter than what the rule keeps is masked entirely
 * </ul>
 *
 * Masking never throws: it is called from {@code toString} and logging.
 */
@API(status = STABLE, since = "0.1")
public final class Mask {

    /** What {@link PiiKind#OTHER}, and any value too short to mask partially, becomes. */
    public static final String FULLY_MASKED = "****";

    private static final List<String> MAINLAND_PREFIXES = List.of("86", "0086");

    private Mask() {}

    /**
     * Masks a phone number.
     *
     * @param phone e.g. {@code 13812345678}, {@code +86 138 1234 5678}, {@code +14155550123}
     * @return e.g. {@code 138****5678}, {@code +86138****5678}, {@code +141****0123}
     */
    public static String phone(String phone) {
        if (phone == null) {
            return "null";
        }
        String digits = digits(phone);
        boolean plus = phone.strip().startsWith("+");
        if (plus && digits.startsWith("86") && digits.length() == 13) {
            return "+86" + keep(digits.substring(2), 3, 4);
        }
        if (!plus && digits.length() == 11) {
            return keep(digits, 3, 4);
        }
        // A mainland mobile written with its country code but no +: 86 or 0086 stays, then 3 + 4 digits.
        for (String prefix : MAINLAND_PREFIXES) {
            if (!plus && digits.length() == prefix.length() + 11 && digits.startsWith(prefix)) {
                return prefix + keep(digits.substring(prefix.length()), 3, 4);
            }
        }
        return (plus ? "+" : "") + keep(digits, 3, 4);
    }

    /**
     * Masks an identity document number (CN resident ID, Hong Kong ID, passport): only its first and
     * last letters or digits remain.
     *
     * @param idNumber e.g. {@code 11010519491231002X}, {@code A123456(3)}, {@code E12345678}
     * @return e.g. {@code 1****************X}, {@code A******3}, {@code E*******8}
     */
    public static String idNumber(String idNumber) {
        return idNumber == null ? "null" : keep(alphanumeric(idNumber), 1, 1);
    }

    /**
     * Masks a bank card number: first 6 and last 4 digits remain.
     *
     * @param cardNumber e.g. {@code 6222 0212 3456 7890 123}
     * @return e.g. {@code 622202*********0123}
     */
    public static String cardNumber(String cardNumber) {
        return cardNumber == null ? "null" : keep(digits(cardNumber), 6, 4);
    }

    /**
     * Masks a person's name.
     *
     * @param name e.g. {@code 张三}, {@code 欧阳娜娜}, {@code John Smith}
     * @return e.g. {@code 张*}, {@code 欧***}, {@code J*** S****}
     */
    public static String name(String name) {
        if (name == null) {
            return "null";
        }
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            return FULLY_MASKED;
        }
        if (trimmed.codePoints().anyMatch(Mask::isHan)) {
            int[] cps = trimmed.codePoints()
                    .filter(cp -> !Character.isWhitespace(cp))
                    .toArray();
            if (cps.length < 2) {
                return FULLY_MASKED;
            }
            return new StringBuilder()
                    .appendCodePoint(cps[0])
                    .append("*".repeat(cps.length - 1))
                    .toString();
        }
        StringBuilder out = new StringBuilder();
        for (String word : List.of(trimmed.split("[\\s]+"))) {
            if (out.length() > 0) {
                out.append(' ');
            }
            int first = word.codePointAt(0);
            int length = word.codePointCount(0, word.length());
            out.appendCodePoint(first).append("*".repeat(Math.max(length - 1, 1)));
        }
        return out.toString();
    }

    /**
     * Masks an e-mail address: the domain stays, the local part keeps one or two characters.
     *
     * @param email e.g. {@code zhangsan@example.com}
     * @return e.g. {@code zh******@example.com}
     */
    public static String email(String email) {
        if (email == null) {
            return "null";
        }
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1) {
            return FULLY_MASKED;
        }
        String local = email.substring(0, at);
        int shown = local.length() <= 2 ? 1 : 2;
        if (local.length() == 1) {
            return "*" + email.substring(at);
        }
        return local.substring(0, shown) + "*".repeat(local.length() - shown) + email.substring(at);
    }

    /**
     * Masks every phone number, identity document number, card number, long digit run and e-mail
     * address found in free text (see {@link PiiScanner}); the rest of the text is unchanged.
     *
     * @param text e.g. a message or a note typed by an agent
     * @return the text with personal data masked
     */
    public static String text(String text) {
        if (text == null) {
            return "null";
        }
        List<PiiScanner.Finding> findings = PiiScanner.find(text);
        if (findings.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int position = 0;
        for (PiiScanner.Finding finding : findings) {
            out.append(text, position, finding.start());
            // The scanner reads full-width digits as digits: mask the value in that (NFKC) form.
            String value = text.substring(finding.start(), finding.end());
            out.append(finding.kind().mask(ascii(value) ? value : Normalizer.normalize(value, Normalizer.Form.NFKC)));
            position = finding.end();
        }
        return out.append(text, position, text.length()).toString();
    }

    /** Keeps the first {@code head} and last {@code tail} characters; too short means fully masked. */
    private static String keep(String value, int head, int tail) {
        int masked = value.length() - head - tail;
        if (masked < 3) {
            return FULLY_MASKED;
        }
        return value.substring(0, head) + "*".repeat(masked) + value.substring(value.length() - tail);
    }

    private static String digits(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String alphanumeric(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean ascii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
