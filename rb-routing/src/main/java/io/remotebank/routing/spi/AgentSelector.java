package io.remotebank.routing.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Chooses which of several available, eligible agents gets a contact: the agent with the lowest
 * {@link #rank} wins; the engine breaks ties by the order in which agents were registered.
 *
 * <p>The engine calls a selector on its single writer thread, so an implementation needs no locking,
 * but it must be fast, must not block and must not call back into the engine. A rank must depend
 * only on its arguments: the same candidate and contact give the same rank.
 *
 * <p>A selector whose rank ignores the contact says so with {@link #dependsOnContact()} {@code ==
 * false}: the engine then keeps each queue's available agents sorted by rank and finds the winner in
 * logarithmic time, ranking each agent (with a {@code null} contact) when it becomes available.
 * Otherwise the engine ranks every eligible available agent of the queue for each contact. The
 * compatibility kit is {@code io.remotebank.tck.routing.AgentSelectorContract}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface AgentSelector {

    /** A short name for configuration, events and logs, e.g. {@code longest-idle}. */
    String name();

    /**
     * Ranks an agent for a contact.
     *
     * @param agent an agent who is ready, has no pending offer, has a free slot on the contact's channel
     *     and meets the contact's current requirement
     * @param contact the contact, or {@code null} when {@link #dependsOnContact()} is false
     * @return the rank; the lowest wins
     */
    long rank(AgentCandidate agent, ContactCandidate contact);

    /** Whether {@link #rank} uses its contact argument; the default is {@code true}. */
    default boolean dependsOnContact() {
        return true;
    }
}
