package io.remotebank.segmentation.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * The outputs of one scored record, reused from record to record: scoring into a result overwrites it
 * and allocates nothing. A result belongs to one thread at a time; create one per thread with {@link
 * Evaluator#newResult()}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Result {

    /** The number of outputs (the size of {@link Evaluator#outputs()}). */
    int size();

    /**
     * The index of an output.
     *
     * @param name the output's name
     * @return its index, or -1 if the model has no such output
     */
    int indexOf(String name);

    /**
     * Whether an output is missing (e.g. a reason code of a rank beyond those the record earned).
     *
     * @param index the output's index
     * @return true when missing
     */
    boolean isMissing(int index);

    /**
     * A numeric output, without allocation.
     *
     * @param index the output's index
     * @return its value, NaN when missing; for a string output, the string's internal code
     */
    double number(int index);

    /**
     * An output as text: a string output as is, a number in its shortest form.
     *
     * @param index the output's index
     * @return the text, or null when missing
     */
    String text(int index);

    /**
     * An output as an object: a {@code Double}, a {@code String} or a {@code Boolean}.
     *
     * @param index the output's index
     * @return the value, or null when missing
     */
    Object value(int index);

    /** Every output by name (missing ones absent), in the model's order: a new map each call. */
    Map<String, Object> toMap();
}
