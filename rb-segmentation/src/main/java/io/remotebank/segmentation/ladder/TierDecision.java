package io.remotebank.segmentation.ladder;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The outcome of one evaluation: the customer's new state, and the change, if they moved.
 *
 * @param state the state after the evaluation
 * @param change the move, or empty
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TierDecision(TierState state, Optional<TierChange> change) {}
