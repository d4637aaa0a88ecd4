package io.remotebank.identity.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.pii.Sensitive;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What an OCR vendor read from a document. Everything read is personal data: the MRZ lines and the
 * fields are {@link Sensitive}, so the result can be logged.
 *
 * @param check the canonical result: {@link Outcome#PASS} when the document was read (for an MRZ:
 *     every check digit holds), {@link Outcome#REVIEW} when read with doubts, {@link Outcome#FAIL}
 *     when nothing usable was found; a portrait the vendor cut out is an artefact of kind {@link
 *     ArtefactKind#DOCUMENT_PORTRAIT}
 * @param mrzLines the machine-readable zone, one element per line, after the vendor's corrections;
 *     empty when there is none
 * @param fields the fields read from the visual zone or decoded from the MRZ
 * @param corrections what the vendor changed from the raw reading, e.g. {@code line 2 column 14
 *     (nationality): '0' read as 'O'}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record OcrResult(
        CheckResult check,
        List<Sensitive<String>> mrzLines,
        Map<DocumentField, Sensitive<String>> fields,
        List<String> corrections) {

    /** Copies the lists and the map. */
    public OcrResult {
        Arguments.notNull(check, "check");
        mrzLines = List.copyOf(Arguments.noNulls(mrzLines, "mrzLines"));
        Arguments.notNull(fields, "fields");
        Map<DocumentField, Sensitive<String>> copy = new EnumMap<>(DocumentField.class);
        fields.forEach((k, v) -> copy.put(Arguments.notNull(k, "field"), Arguments.notNull(v, "field value")));
        fields = Collections.unmodifiableMap(copy);
        corrections = List.copyOf(Arguments.noNulls(corrections, "corrections"));
    }

    /**
     * A result with MRZ lines only.
     *
     * @param check the canonical result
     * @param mrzLines the lines
     * @param corrections what was corrected
     * @return the result
     */
    public static OcrResult ofMrz(CheckResult check, List<String> mrzLines, List<String> corrections) {
        return new OcrResult(
                check,
                mrzLines.stream()
                        .map(l -> Sensitive.of(l, io.remotebank.core.pii.PiiKind.OTHER))
                        .toList(),
                Map.of(),
                corrections);
    }

    /** The MRZ lines as plain text: personal data, for the validator and nowhere else. */
    public List<String> revealMrz() {
        return mrzLines.stream().map(Sensitive::reveal).toList();
    }
}
