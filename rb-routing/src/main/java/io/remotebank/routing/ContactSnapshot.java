package io.remotebank.routing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.AgentId;
import io.remotebank.core.ContactChannel;
import java.time.Instant;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A live contact as the engine sees it at one moment.
 *
 * @param id the contact
 * @param channel its channel
 * @param state where it is
 * @param queue the queue it is in
 * @param step the index of its current routing step
 * @param stepName the name of that step
 * @param priority its priority
 * @param callback whether it is a callback (the customer is not on the line)
 * @param waitingForPreferredAgent whether it is still waiting for its preferred agent alone
 * @param agent the agent it is offered to or connected with
 * @param arrivedAt when it arrived at the engine (the basis of its place)
 * @param queuedAt when it entered its current queue (the basis of the queue's wait statistics)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ContactSnapshot(
        ContactId id,
        ContactChannel channel,
        ContactState state,
        QueueId queue,
        int step,
        String stepName,
        int priority,
        boolean callback,
        boolean waitingForPreferredAgent,
        Optional<AgentId> agent,
        Instant arrivedAt,
        Instant queuedAt) {}
