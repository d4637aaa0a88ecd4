package io.remotebank.routing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Where a live contact is. Ended contacts leave the engine (see {@link Outcome}). */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ContactState {
    /** Waiting in a queue (or for its preferred agent), possibly as a callback. */
    WAITING,
    /** Offered to an agent, who has not yet accepted or rejected it. */
    OFFERED,
    /** Accepted: an agent is handling it. */
    CONNECTED
}
