package io.remotebank.core.consent;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** Whether a consent record gives or takes back consent. */
@API(status = STABLE, since = "0.1")
public enum ConsentState {
    /** The customer agreed. */
    GRANTED,
    /** The customer took the consent back (or objected, or it was revoked). */
    WITHDRAWN
}
