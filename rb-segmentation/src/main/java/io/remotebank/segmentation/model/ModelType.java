package io.remotebank.segmentation.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The kind of a scoring model. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ModelType {
    /** A scorecard: partial scores of characteristics summed, with reason codes. */
    SCORECARD,
    /** A linear or logistic regression. */
    REGRESSION,
    /** A decision tree. */
    TREE,
    /** An ensemble of models (segmentation, model chain). */
    ENSEMBLE
}
