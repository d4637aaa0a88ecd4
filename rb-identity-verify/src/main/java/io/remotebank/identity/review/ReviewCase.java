package io.remotebank.identity.review;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.AgentId;
import io.remotebank.core.Arguments;
import io.remotebank.core.CustomerId;
import io.remotebank.identity.flow.FlowId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A flow waiting for a reviewer, as the desk lists it.
 *
 * @param flow the flow
 * @param definition its definition's name
 * @param customer whom it is about
 * @param reasons why it needs a person (the policy's reasons, or the video-witnessed rule)
 * @param claimedBy the reviewer holding it, while the claim lasts
 * @param since when the flow last changed
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ReviewCase(
        FlowId flow,
        String definition,
        CustomerId customer,
        List<String> reasons,
        Optional<AgentId> claimedBy,
        Instant since) {

    /** Validates and copies. */
    public ReviewCase {
        Arguments.notNull(flow, "flow");
        Arguments.notBlank(definition, "definition");
        Arguments.notNull(customer, "customer");
        reasons = List.copyOf(Arguments.noNulls(reasons, "reasons"));
        Arguments.notNull(claimedBy, "claimedBy");
        Arguments.notNull(since, "since");
    }
}
