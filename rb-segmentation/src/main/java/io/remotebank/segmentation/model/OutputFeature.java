package io.remotebank.segmentation.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** What an output field reports (PMML OutputField {@code feature}). */
@API(status = EXPERIMENTAL, since = "0.1")
public enum OutputFeature {
    /** The predicted value: a score, a number or a category. */
    PREDICTED_VALUE,
    /** The probability of a category (a classifier's). */
    PROBABILITY,
    /** The reason code of a given rank (a scorecard's). */
    REASON_CODE,
    /** The id of the tree node that gave the prediction. */
    ENTITY_ID,
    /** An expression over the other outputs and fields. */
    TRANSFORMED_VALUE
}
