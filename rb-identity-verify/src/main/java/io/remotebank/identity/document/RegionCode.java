package io.remotebank.identity.document;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * A GB/T 2260 administrative division code (county level and above) as the region part of a
 * resident identity number.
 *
 * @param code six digits, e.g. {@code 110105}
 * @param historical whether the code has been retired; numbers issued with it stay valid
 * @param firstYear for a historical code, the year it came into use (the table starts in 1980)
 * @param lastYear for a historical code, the year it was retired
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RegionCode(String code, boolean historical, OptionalInt firstYear, OptionalInt lastYear) {

    /** Validates the parts. */
    public RegionCode {
        DocumentException.required(code, "code");
        DocumentException.required(firstYear, "firstYear");
        DocumentException.required(lastYear, "lastYear");
        if (!code.matches("[0-9]{6}")) {
            throw new DocumentException(DocumentError.ARGUMENT_INVALID, "a region code is six digits");
        }
        if (historical != lastYear.isPresent()) {
            throw new DocumentException(
                    DocumentError.ARGUMENT_INVALID, "a historical region code has a last year, a current one none");
        }
    }

    /**
     * A code in use.
     *
     * @param code six digits
     * @return the code
     */
    public static RegionCode current(String code) {
        return new RegionCode(code, false, OptionalInt.empty(), OptionalInt.empty());
    }

    /**
     * A retired code.
     *
     * @param code six digits
     * @param firstYear the year it came into use
     * @param lastYear the year it was retired
     * @return the code
     */
    public static RegionCode historical(String code, int firstYear, int lastYear) {
        if (lastYear < firstYear) {
            throw new DocumentException(
                    DocumentError.ARGUMENT_INVALID, "a region code cannot be retired before it came into use");
        }
        return new RegionCode(code, true, OptionalInt.of(firstYear), OptionalInt.of(lastYear));
    }

    /** E.g. {@code 110105 (current)} or {@code 132401 (historical, 1980-1994)}. */
    @Override
    public String toString() {
        return historical
                ? code + " (historical, " + firstYear.getAsInt() + "-" + lastYear.getAsInt() + ")"
                : code + " (current)";
    }
}
