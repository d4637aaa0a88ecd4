package io.remotebank.segmentation.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * One record's inputs by field index, reused from record to record: setting values stores them as
 * given (no parsing, no boxing) and scoring reads them. Cleared fields are missing.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface InputRecord {

    /**
     * Sets a numeric value (NaN: missing).
     *
     * @param index the field's index in {@link Evaluator#inputs()}
     * @param value the value
     * @return this record
     */
    InputRecord set(int index, double value);

    /**
     * Sets a value as text (null or empty: missing); numeric fields parse it when scored.
     *
     * @param index the field's index
     * @param value the text
     * @return this record
     */
    InputRecord set(int index, String value);

    /**
     * Sets a value by field name: a {@code Number}, {@code String}, {@code Boolean} or null.
     *
     * @param name the field's name
     * @param value the value
     * @return this record
     */
    InputRecord set(String name, Object value);

    /** Makes every field missing. */
    void clear();
}
