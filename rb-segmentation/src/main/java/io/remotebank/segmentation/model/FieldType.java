package io.remotebank.segmentation.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The type of an input or output value. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum FieldType {
    /** A number (PMML integer, float, double): a Java {@code double}, NaN when missing. */
    NUMBER,
    /** A string (PMML string): a category, a reason code, a node id. */
    STRING,
    /** A boolean (PMML boolean). */
    BOOLEAN
}
