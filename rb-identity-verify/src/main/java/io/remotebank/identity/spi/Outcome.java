package io.remotebank.identity.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The canonical outcome of one vendor check, whatever the vendor calls it. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Outcome {
    /** The check passed by the vendor's own standard. */
    PASS,
    /** The vendor is unsure: a person should look (low quality, borderline score, a warning). */
    REVIEW,
    /** The check failed: not the same person, not live, the registry disagrees, no valid MRZ. */
    FAIL,
    /** The session ran out before the customer finished it. */
    EXPIRED,
    /** The check was not made (consent missing, an optional step skipped, no input for it). */
    NOT_EXECUTED,
    /** The vendor could not give an answer; {@link CheckResult#error()} says why. */
    ERROR
}
