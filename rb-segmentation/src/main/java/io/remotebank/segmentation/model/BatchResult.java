package io.remotebank.segmentation.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The outputs of a scored {@link ColumnarBatch}, in columns: a {@code double[]} per numeric output, a
 * {@code String[]} per string output. A row that could not be scored is marked failed, with the
 * reason, and its outputs are missing; the other rows are unaffected.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface BatchResult {

    /** The rows of the last batch scored into this result. */
    int rows();

    /**
     * The column of a numeric output (for a string output: its codes).
     *
     * @param output the output's index in {@link Evaluator#outputs()}
     * @return the column; only the first {@link #rows()} entries are meaningful
     */
    double[] numbers(int output);

    /**
     * The column of a string output (for a numeric output: null).
     *
     * @param output the output's index
     * @return the column
     */
    String[] texts(int output);

    /**
     * Whether a row failed.
     *
     * @param row the row
     * @return true when it could not be scored
     */
    boolean failed(int row);

    /**
     * Why a row failed.
     *
     * @param row the row
     * @return the reason, or empty when it was scored
     */
    Optional<String> error(int row);
}
