package io.remotebank.routing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.AgentId;
import io.remotebank.core.ContactChannel;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * An offer of a contact to an agent, pending until the agent accepts or rejects it or it times out.
 *
 * @param contact the contact
 * @param agent the agent
 * @param queue the contact's queue
 * @param channel the contact's channel
 * @param callback whether the agent is to call the customer back
 * @param offeredAt when the offer was made
 * @param expiresAt when it times out
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Offer(
        ContactId contact,
        AgentId agent,
        QueueId queue,
        ContactChannel channel,
        boolean callback,
        Instant offeredAt,
        Instant expiresAt) {}
