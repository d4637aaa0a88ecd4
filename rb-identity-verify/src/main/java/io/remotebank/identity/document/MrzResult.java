package io.remotebank.identity.document;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.pii.Mask;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * An ICAO 9303 machine-readable zone as validated: every field and every check.
 *
 * <p>Check names: {@code layout}, {@code characters}, {@code document-code}, {@code
 * issuing-state}, {@code name}, {@code document-number}, {@code document-number-check-digit},
 * {@code nationality}, {@code birth-date}, {@code birth-date-check-digit}, {@code sex}, {@code
 * expiry-date}, {@code expiry-date-check-digit}, {@code not-expired}, {@code
 * optional-data-check-digit} (TD3 only) and {@code composite-check-digit} (TD1, TD2, TD3). When the
 * layout is not recognised only {@code layout} is reported.
 *
 * <p>Text fields have their trailing fillers removed; a filler inside a name is a space.
 *
 * @param format the layout, empty when the lines match none
 * @param documentCode e.g. {@code P<} or {@code ID}, fillers kept
 * @param issuingState e.g. {@code UTO} or {@code D}
 * @param primaryIdentifier the surname(s), e.g. {@code ERIKSSON}
 * @param secondaryIdentifiers the given names, e.g. {@code [ANNA, MARIA]}
 * @param nameTruncated whether the name fills its field to the last character, so it may have
 *     been truncated (9303 Part 3 clause 4.6)
 * @param documentNumber the whole number, including the part a long number keeps in the optional
 *     data (TD1, TD2)
 * @param nationality e.g. {@code UTO}
 * @param birthDate the birth date, its century chosen so it is not in the future; empty when
 *     unknown (fillers) or unreadable
 * @param sex {@code M}, {@code F}; {@code <} or {@code X} is unspecified
 * @param expiryDate the date of expiry, its century chosen within 50 years of today
 * @param optionalData the optional data (TD3: the personal number), without the long number part
 * @param optionalData2 TD1's second optional data field; empty for the other layouts
 * @param checks every check made
 * @param confusables characters OCR probably misread
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record MrzResult(
        Optional<MrzFormat> format,
        String documentCode,
        String issuingState,
        String primaryIdentifier,
        List<String> secondaryIdentifiers,
        boolean nameTruncated,
        String documentNumber,
        String nationality,
        Optional<LocalDate> birthDate,
        Sex sex,
        Optional<LocalDate> expiryDate,
        String optionalData,
        String optionalData2,
        List<Check> checks,
        List<Confusable> confusables)
        implements DocumentCheck {

    /** Validates the parts and copies the lists. */
    public MrzResult {
        DocumentException.required(format, "format");
        DocumentException.required(documentCode, "documentCode");
        DocumentException.required(issuingState, "issuingState");
        DocumentException.required(primaryIdentifier, "primaryIdentifier");
        secondaryIdentifiers = List.copyOf(DocumentException.required(secondaryIdentifiers, "secondaryIdentifiers"));
        DocumentException.required(documentNumber, "documentNumber");
        DocumentException.required(nationality, "nationality");
        DocumentException.required(birthDate, "birthDate");
        DocumentException.required(sex, "sex");
        DocumentException.required(expiryDate, "expiryDate");
        DocumentException.required(optionalData, "optionalData");
        DocumentException.required(optionalData2, "optionalData2");
        checks = List.copyOf(DocumentException.required(checks, "checks"));
        confusables = List.copyOf(DocumentException.required(confusables, "confusables"));
    }

    /** The holder's name for display: primary identifier, then the given names. */
    public String name() {
        return secondaryIdentifiers.isEmpty()
                ? primaryIdentifier
                : primaryIdentifier + ", " + String.join(" ", secondaryIdentifiers);
    }

    /** Masked: the name by initials, the document number by its first and last character, no dates. */
    @Override
    public String toString() {
        return "MrzResult[" + format.map(Enum::name).orElse("unrecognised") + ", " + documentCode + ", "
                + issuingState + ", " + Mask.name(name().replace(",", "")) + ", " + Mask.idNumber(documentNumber)
                + ", valid=" + valid() + ", failures=" + failures() + "]";
    }
}
