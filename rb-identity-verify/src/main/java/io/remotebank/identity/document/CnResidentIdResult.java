package io.remotebank.identity.document;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.pii.Mask;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A CN resident identity number (居民身份证号码, GB 11643-1999) as validated: its parts and checks.
 *
 * <p>Check names: {@code format}, {@code region}, {@code birth-date}, {@code check-character}
 * (this last one only for the 18-character form: the 15-digit legacy form has none). When the
 * format fails the other checks are not made.
 *
 * @param number the 18-character number (a 15-digit legacy number converted, with the check
 *     character computed); the input as given when it has neither form
 * @param legacy15 whether the input was the 15-digit legacy form
 * @param region the region code when the table knows it; see {@link RegionCode#historical()}
 * @param birthDate the birth date when it is a real date
 * @param sequence the three-digit sequence code (顺序码), empty when the format failed
 * @param sex from the sequence code: odd male, even female
 * @param checks every check made
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CnResidentIdResult(
        String number,
        boolean legacy15,
        Optional<RegionCode> region,
        Optional<LocalDate> birthDate,
        String sequence,
        Sex sex,
        List<Check> checks)
        implements DocumentCheck {

    /** Validates the parts and copies the list. */
    public CnResidentIdResult {
        DocumentException.required(number, "number");
        DocumentException.required(region, "region");
        DocumentException.required(birthDate, "birthDate");
        DocumentException.required(sequence, "sequence");
        DocumentException.required(sex, "sex");
        checks = List.copyOf(DocumentException.required(checks, "checks"));
    }

    /** The number masked for display: first and last character only. */
    public String maskedNumber() {
        return Mask.idNumber(number);
    }

    /** Masked: the number shows its first and last character; no birth date, no region. */
    @Override
    public String toString() {
        return "CnResidentIdResult[" + maskedNumber() + (legacy15 ? ", from 15 digits" : "") + ", sex=" + sex
                + ", valid=" + valid() + ", failures=" + failures() + "]";
    }
}
