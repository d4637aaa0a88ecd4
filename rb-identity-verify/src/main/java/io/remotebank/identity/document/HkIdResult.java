package io.remotebank.identity.document;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.pii.Mask;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A Hong Kong identity card number (香港身份證號碼) as validated.
 *
 * <p>Check names: {@code format}, {@code check-digit} (not made when the format fails).
 *
 * @param number the bare form, e.g. {@code A1234563}; the input as given when it has no valid form
 * @param prefix one or two letters, empty when the format failed
 * @param checkDigit the check digit as printed ({@code 0}-{@code 9} or {@code A}), or {@code ?}
 * @param printedForm whether the input had the check digit in parentheses, as printed on the card
 * @param checks every check made
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record HkIdResult(String number, String prefix, char checkDigit, boolean printedForm, List<Check> checks)
        implements DocumentCheck {

    /** Validates the parts and copies the list. */
    public HkIdResult {
        DocumentException.required(number, "number");
        DocumentException.required(prefix, "prefix");
        checks = List.copyOf(DocumentException.required(checks, "checks"));
    }

    /** The number masked for display, e.g. {@code A******3}. */
    public String maskedNumber() {
        return Mask.idNumber(number);
    }

    /** The number as printed on the card, e.g. {@code A123456(3)}; the input when it has no valid form. */
    public String printed() {
        return prefix.isEmpty() ? number : number.substring(0, number.length() - 1) + "(" + checkDigit + ")";
    }

    /** Masked. */
    @Override
    public String toString() {
        return "HkIdResult[" + maskedNumber() + ", valid=" + valid() + ", failures=" + failures() + "]";
    }
}
