package io.remotebank.routing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** How a contact left the engine. Every contact that arrives ends exactly once with one of these. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Outcome {
    /** An agent accepted it and later completed it. */
    SERVED,
    /** The customer hung up (or could not be reached for a callback) before being served. */
    ABANDONED,
    /** The last step's overflow sent it out of the engine ({@link Overflow#leave()}). */
    OVERFLOWED
}
