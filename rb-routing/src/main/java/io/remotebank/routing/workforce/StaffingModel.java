package io.remotebank.routing.workforce;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;

/** A queueing model that predicts service for a number of agents and finds the agents needed. */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface StaffingModel permits ErlangC, ErlangA {

    /** The largest number of agents a model evaluates or recommends. */
    int MAX_AGENTS = 1_000_000;

    /** The traffic modelled. */
    Traffic traffic();

    /**
     * Predicts the service of a number of agents.
     *
     * @param agents 0 to {@link #MAX_AGENTS}
     * @param threshold the service-level threshold
     * @return the prediction
     */
    Prediction predict(int agents, Duration threshold);

    /**
     * The fewest agents that meet a target.
     *
     * @param target the service level (and maximum occupancy)
     * @return the agents, 0 when no traffic is offered
     * @throws io.remotebank.routing.RoutingException {@code routing.argument.invalid} when more than
     *     {@link #MAX_AGENTS} would be needed
     */
    int agentsNeeded(ServiceTarget target);
}
