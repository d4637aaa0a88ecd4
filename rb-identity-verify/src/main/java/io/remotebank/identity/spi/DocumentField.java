package io.remotebank.identity.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.pii.PiiKind;
import org.apiguardian.api.API;

/** A field an OCR vendor reads from an identity document, and how it is masked. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum DocumentField {
    /** The holder's name as printed. */
    NAME(PiiKind.NAME),
    /** The identity number (CN resident ID, personal number). */
    ID_NUMBER(PiiKind.ID_NUMBER),
    /** The document's own number (passport number). */
    DOCUMENT_NUMBER(PiiKind.ID_NUMBER),
    /** The date of birth, ISO 8601. */
    BIRTH_DATE(PiiKind.OTHER),
    /** The date of expiry, ISO 8601. */
    EXPIRY_DATE(PiiKind.OTHER),
    /** The nationality, ICAO three-letter code. */
    NATIONALITY(PiiKind.OTHER),
    /** M, F or X. */
    SEX(PiiKind.OTHER),
    /** The address as printed. */
    ADDRESS(PiiKind.OTHER);

    private final PiiKind pii;

    DocumentField(PiiKind pii) {
        this.pii = pii;
    }

    /** How the field's value is masked. */
    public PiiKind pii() {
        return pii;
    }
}
