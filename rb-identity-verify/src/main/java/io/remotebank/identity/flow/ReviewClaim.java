package io.remotebank.identity.flow;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.AgentId;
import io.remotebank.core.Arguments;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A reviewer's hold on a flow awaiting review: one reviewer at a time, until it expires.
 *
 * @param flow the flow
 * @param claimId this claim's id: a later claim of the same flow has another
 * @param reviewer who holds it
 * @param expiresAt when another reviewer may take it
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ReviewClaim(FlowId flow, String claimId, AgentId reviewer, Instant expiresAt) {

    /** Validates the claim. */
    public ReviewClaim {
        Arguments.notNull(flow, "flow");
        Arguments.notBlank(claimId, "claimId");
        Arguments.notNull(reviewer, "reviewer");
        Arguments.notNull(expiresAt, "expiresAt");
    }
}
