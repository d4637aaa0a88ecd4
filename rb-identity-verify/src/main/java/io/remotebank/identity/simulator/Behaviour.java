package io.remotebank.identity.simulator;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** What a simulator does on one call. Every simulator answers each the same way every time. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Behaviour {
    /** A clear pass: a high score well above the strictest operating point. */
    PASS,
    /** A borderline answer: the vendor says review, its score between two operating points. */
    REVIEW,
    /** A clear failure: a low score (face match, liveness), elements that do not match (registry). */
    FAIL,
    /** The customer did not finish the liveness session before it expired (liveness only; others fail). */
    EXPIRED,
    /** The vendor is down: the call completes exceptionally with {@code identity.vendor.unavailable}. */
    DOWN,
    /** The vendor throttles: an {@code ERROR} result mapped to {@code identity.vendor.throttled}. */
    THROTTLED,
    /** The vendor never answers: the stage never completes, so the caller's timeout decides. */
    HANG
}
