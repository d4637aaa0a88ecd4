package io.remotebank.routing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What an agent is doing. The agent sets {@link #LOGGED_OUT}, {@link #READY} and {@link #NOT_READY};
 * the other states follow from the agent's contacts while the agent is ready. An agent not ready
 * with contacts still handles them; the reported state is then {@link #NOT_READY}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum AgentState {
    /** Not logged in: receives nothing. */
    LOGGED_OUT,
    /** Ready and idle. */
    READY,
    /** Logged in but taking no new contacts, with a reason. */
    NOT_READY,
    /** Ready, with an offer pending. */
    RESERVED,
    /** Ready, handling at least one contact (it may still take more on a channel with free slots). */
    BUSY,
    /** Ready, in wrap-up of at least one contact and handling none. */
    WRAP_UP
}
