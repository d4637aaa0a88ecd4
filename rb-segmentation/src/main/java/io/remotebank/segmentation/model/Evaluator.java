package io.remotebank.segmentation.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A compiled scoring model. It is immutable and thread-safe: any number of threads score with one
 * evaluator, each with its own {@link Result}, {@link InputRecord} or batch. Scoring into a reused
 * result allocates nothing per record (except through {@link #score(Map)}, which builds a map).
 *
 * <p>A record whose value the model declares invalid (MiningSchema invalidValueTreatment
 * returnInvalid), or that the model cannot score (no scorecard attribute matches), fails with a
 * {@link io.remotebank.segmentation.SegmentationException}; the result is then undefined until the
 * next record.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Evaluator {

    /** The model's name (its {@code modelName}, else its element name). */
    String modelName();

    /** The kind of model. */
    ModelType modelType();

    /** Whether the model classifies (else it predicts a number). */
    boolean classification();

    /** The input fields, in MiningSchema order. */
    List<InputField> inputs();

    /** The output fields, in Output order. */
    List<OutputField> outputs();

    /** A new result to score into, for one thread. */
    Result newResult();

    /**
     * Scores a record given as a map from field name to value ({@code Number}, {@code String},
     * {@code Boolean}; absent, null or empty: missing).
     *
     * @param record the record
     * @param into where the outputs go
     */
    void score(Map<String, ?> record, Result into);

    /**
     * Scores a record into a new map from output name to value (missing outputs absent).
     *
     * @param record the record
     * @return the outputs
     */
    Map<String, Object> score(Map<String, ?> record);

    /** A new, empty input record, for one thread. */
    InputRecord newRecord();

    /**
     * Scores an input record.
     *
     * @param record the record
     * @param into where the outputs go
     */
    void score(InputRecord record, Result into);

    /**
     * A scorer of a Java record type: each input field is read from the component of the same name
     * (else the one whose name matches ignoring case and non-alphanumerics); a field without a
     * component is missing.
     *
     * @param type the record type
     * @param lookup a lookup that can read the record's accessors (e.g. {@code MethodHandles.lookup()})
     * @param <R> the record type
     * @return the scorer
     */
    <R extends Record> RecordScorer<R> recordScorer(Class<R> type, MethodHandles.Lookup lookup);

    /**
     * A new batch of columns for this model's inputs.
     *
     * @param capacity the most rows, 1 to 1,000,000
     * @return the batch
     */
    ColumnarBatch newBatch(int capacity);

    /**
     * A new batch result.
     *
     * @param capacity the most rows, 1 to 1,000,000
     * @return the result
     */
    BatchResult newBatchResult(int capacity);

    /**
     * Scores every row of a batch.
     *
     * @param batch the inputs
     * @param into the outputs; its capacity must be at least the batch's rows
     */
    void score(ColumnarBatch batch, BatchResult into);
}
