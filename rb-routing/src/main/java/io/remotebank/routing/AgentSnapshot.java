package io.remotebank.routing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.AgentId;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * An agent as the engine sees it at one moment.
 *
 * @param id the agent
 * @param state the state
 * @param notReadyReason the reason while {@link AgentState#NOT_READY}
 * @param pendingOffer the contact offered and not yet answered, if any
 * @param connected the contacts the agent is handling
 * @param wrappingUp the contacts the agent is wrapping up
 * @param consecutiveMisses offers rejected or timed out since the last accepted one
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record AgentSnapshot(
        AgentId id,
        AgentState state,
        Optional<String> notReadyReason,
        Optional<ContactId> pendingOffer,
        List<ContactId> connected,
        List<ContactId> wrappingUp,
        int consecutiveMisses) {}
