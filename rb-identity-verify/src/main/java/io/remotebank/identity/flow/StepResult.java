package io.remotebank.identity.flow;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.identity.spi.Outcome;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What one step came to, after the policy: no personal data, so a flow's state can be stored and
 * shown as it is.
 *
 * @param kind the step
 * @param outcome the outcome after the policy (a vendor's pass with a score below the bank's
 *     threshold is not a pass)
 * @param vendor the vendor whose answer counted, if a vendor was asked
 * @param vendorOutcome what that vendor said
 * @param score the vendor's score, if any
 * @param threshold the threshold the policy applied to it, if any
 * @param reasons why, in words without personal data
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record StepResult(
        StepKind kind,
        Outcome outcome,
        Optional<String> vendor,
        Optional<Outcome> vendorOutcome,
        Optional<Double> score,
        Optional<Double> threshold,
        List<String> reasons) {

    /** Validates and copies. */
    public StepResult {
        Arguments.notNull(kind, "kind");
        Arguments.notNull(outcome, "outcome");
        Arguments.notNull(vendor, "vendor");
        Arguments.notNull(vendorOutcome, "vendorOutcome");
        Arguments.notNull(score, "score");
        Arguments.notNull(threshold, "threshold");
        reasons = List.copyOf(Arguments.noNulls(reasons, "reasons"));
    }

    /**
     * A result no vendor gave.
     *
     * @param kind the step
     * @param outcome its outcome
     * @param reasons why
     * @return the result
     */
    public static StepResult of(StepKind kind, Outcome outcome, List<String> reasons) {
        return new StepResult(
                kind, outcome, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), reasons);
    }
}
