package io.remotebank.identity.flow;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Where a flow stands. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum FlowStatus {
    /** Steps are being run. */
    RUNNING,
    /** A liveness session is open and the customer has not finished it. */
    WAITING_FOR_CUSTOMER,
    /** A biometric step is next and the customer has not granted face-biometrics consent. */
    BLOCKED_ON_CONSENT,
    /** Every provider of the current step failed; {@code advance} tries the step again. */
    STALLED,
    /** A reviewer must decide. */
    AWAITING_REVIEW,
    /** Decided: pass or fail. */
    DECIDED;

    /** Whether nothing more will happen to the flow. */
    public boolean finished() {
        return this == DECIDED;
    }
}
