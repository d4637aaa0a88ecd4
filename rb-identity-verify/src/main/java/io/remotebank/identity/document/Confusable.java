package io.remotebank.identity.document;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A character that OCR probably misread: a letter where the field holds digits ({@code O} for
 * {@code 0}) or a digit where it holds letters ({@code 1} for {@code I}). It is reported, never
 * silently changed; the field's check fails.
 *
 * @param line 1-based line of the zone
 * @param column 1-based column
 * @param field the field, e.g. {@code birth-date}
 * @param found the character read
 * @param suggested the character it probably is
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Confusable(int line, int column, String field, char found, char suggested) {

    /** Validates the parts. */
    public Confusable {
        DocumentException.required(field, "field");
    }

    /** E.g. {@code line 2 column 14 (birth-date): 'O' is probably '0'}. */
    @Override
    public String toString() {
        return "line " + line + " column " + column + " (" + field + "): '" + found + "' is probably '" + suggested
                + "'";
    }
}
