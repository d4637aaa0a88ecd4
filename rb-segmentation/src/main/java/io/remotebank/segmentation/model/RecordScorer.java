package io.remotebank.segmentation.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Scores instances of a Java record type whose components are named like the model's input fields
 * (see {@link Evaluator#recordScorer}). Primitive components are read without boxing.
 *
 * @param <R> the record type
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface RecordScorer<R extends Record> {

    /**
     * Scores one record.
     *
     * @param record the record
     * @param into where the outputs go
     */
    void score(R record, Result into);
}
