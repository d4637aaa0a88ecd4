package io.remotebank.segmentation.nba;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What happened to one candidate action for one customer.
 *
 * @param action the action's name
 * @param outcome what happened
 * @param propensity its propensity (NaN if not computed)
 * @param value its value (NaN if not computed)
 * @param expectedValue propensity times value (NaN if not computed)
 * @param detail the rule, policy or rival involved, for people
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Consideration(
        String action, Outcome outcome, double propensity, double value, double expectedValue, String detail) {

    /** What happened to a candidate. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public enum Outcome {
        /** Chosen: the best allowed action with capacity left. */
        CHOSEN,
        /** The customer does not meet the action's eligibility rule. */
        NOT_ELIGIBLE,
        /** The propensity or value is missing or out of range. */
        NO_SCORE,
        /** The contact policy refused it. */
        REFUSED,
        /** Its campaign had no capacity left when its turn came. */
        CAPACITY_EXHAUSTED,
        /** A better action was chosen for the customer. */
        OUTRANKED
    }
}
