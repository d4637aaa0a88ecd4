package io.remotebank.identity.flow;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A liveness session the flow waits on. The client token is not kept: only the customer's app needs
 * it, and it is handed over once, when the session starts.
 *
 * @param vendor the vendor that holds it
 * @param sessionId the vendor's id
 * @param expiresAt when it expires
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PendingSession(String vendor, String sessionId, Instant expiresAt) {

    /** Validates the session. */
    public PendingSession {
        Arguments.notBlank(vendor, "vendor");
        Arguments.notBlank(sessionId, "sessionId");
        Arguments.notNull(expiresAt, "expiresAt");
    }
}
