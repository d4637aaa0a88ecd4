package io.remotebank.identity.flow;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The decision of a flow. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Verdict {
    /** Identity proven. */
    PASS,
    /** A person must look. */
    REVIEW,
    /** Identity not proven. */
    FAIL
}
