package io.remotebank.segmentation.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Many records' inputs in columns: a {@code double[]} per numeric or boolean field (NaN: missing;
 * booleans as 0 and 1) and a {@code String[]} per string field (null: missing). Fill the columns,
 * set {@link #rows(int)}, and score the batch at once.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ColumnarBatch {

    /** The most rows the batch holds. */
    int capacity();

    /** The rows in use. */
    int rows();

    /**
     * Sets the rows in use.
     *
     * @param rows 0 to {@link #capacity()}
     */
    void rows(int rows);

    /**
     * The column of a numeric or boolean field, to fill.
     *
     * @param field the field's index in {@link Evaluator#inputs()}
     * @return the column
     */
    double[] numbers(int field);

    /**
     * The column of a string field, to fill.
     *
     * @param field the field's index
     * @return the column
     */
    String[] texts(int field);
}
