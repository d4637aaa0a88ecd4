package io.remotebank.routing.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.AgentId;
import io.remotebank.core.ContactChannel;
import java.util.Set;
import org.apiguardian.api.API;

/** A read-only view of an agent, given to an {@link AgentSelector}. Valid only during the call. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface AgentCandidate {

    /** The agent. */
    AgentId id();

    /** The proficiency (1-5) in a skill, or 0 when the agent does not have it. */
    int proficiency(String skill);

    /** The languages the agent serves in. */
    Set<String> languages();

    /** Contacts the agent holds on a channel (offered, connected or in wrap-up). */
    int load(ContactChannel channel);

    /** Contacts the agent holds on all channels. */
    int load();

    /** The agent's slots on a channel. */
    int capacity(ContactChannel channel);

    /** The agent's slots on all channels. */
    int capacity();

    /**
     * When the agent last became ready or last finished a contact (epoch milliseconds on the engine's
     * clock): the smaller, the longer the agent has been idle.
     */
    long idleSinceMillis();

    /**
     * The engine's offer counter when this agent last received an offer (0 if never): the smaller,
     * the longer ago.
     */
    long lastOfferSequence();
}
