package io.remotebank.core;

import static org.apiguardian.api.API.Status.STABLE;

import io.remotebank.core.pii.Mask;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A phone number in E.164 form ({@code +8613812345678}). Personal data: {@link #toString()} is
 * masked; {@link #e164()} gives the number itself.
 *
 * @param e164 the number, {@code +} followed by 7 to 15 digits
 */
@API(status = STABLE, since = "0.1")
public record PhoneNumber(String e164) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9]\\d{9}");

    /**
     * Validates the E.164 form.
     *
     * @throws ValidationException with {@link CoreError#PHONE_NUMBER_INVALID}
     */
    public PhoneNumber {
        Arguments.notNull(e164, "phone number");
        if (!E164.matcher(e164).matches()) {
            throw new ValidationException(
                    CoreError.PHONE_NUMBER_INVALID, "not an E.164 phone number: " + Mask.phone(e164));
        }
        if (e164.startsWith("+86")
                && e164.charAt(3) == '1'
                && !MAINLAND_MOBILE.matcher(e164.substring(3)).matches()) {
            throw new ValidationException(
                    CoreError.PHONE_NUMBER_INVALID, "not a mainland mobile number: " + Mask.phone(e164));
        }
    }

    /**
     * Parses a phone number as people write it: {@code 13812345678}, {@code +86 138-1234-5678},
     * {@code 008613812345678}, {@code +1 (415) 555-0123}. Without a country prefix, an 11-digit
     * number starting with 13-19 is a mainland mobile number.
     *
     * @param text the number
     * @return the number in E.164 form
     * @throws ValidationException with {@link CoreError#PHONE_NUMBER_INVALID}; the message masks it
     */
    public static PhoneNumber parse(String text) {
        Arguments.notBlank(text, "phone number");
        String s = text.strip();
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && i == 0) {
                continue;
            } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') {
                throw new ValidationException(
                        CoreError.PHONE_NUMBER_INVALID,
                        "a phone number holds digits, an initial +, spaces, hyphens, dots and parentheses only: "
                                + Mask.phone(s));
            }
        }
        String d = digits.toString();
        if (s.startsWith("+")) {
            return new PhoneNumber("+" + d);
        }
        if (d.startsWith("00")) {
            return new PhoneNumber("+" + d.substring(2));
        }
        if (MAINLAND_MOBILE.matcher(d).matches()) {
            return new PhoneNumber("+86" + d);
        }
        throw new ValidationException(
                CoreError.PHONE_NUMBER_INVALID,
                "without a + or 00 country prefix only an 11-digit mainland mobile number is accepted: "
                        + Mask.phone(s));
    }

    /** Whether this is a mainland China mobile number (+86 1[3-9]x xxxx xxxx). */
    public boolean isMainlandMobile() {
        return e164.startsWith("+86")
                && MAINLAND_MOBILE.matcher(e164.substring(3)).matches();
    }

    /** The national form of a mainland mobile number ({@code 13812345678}), else the E.164 form. */
    public String national() {
        return isMainlandMobile() ? e164.substring(3) : e164;
    }

    /** Masked, e.g. {@code +86138****5678}. */
    @Override
    public String toString() {
        return Mask.phone(e164);
    }
}
