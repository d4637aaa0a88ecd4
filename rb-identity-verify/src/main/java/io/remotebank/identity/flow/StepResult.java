package io.remotebank.identity.flow;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.identity.spi.ArtefactKind;
import io.remotebank.identity.spi.ArtefactRef;
import io.remotebank.identity.spi.Outcome;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param subScores the vendor's attack or quality sub-scores (e.g. {@code replay}, {@code mask}),
 *     as the vendor named them
 * @param evidence what the vendor sent back and the vault keeps, encrypted under the customer and
 *     referred to by hash: its raw payload ({@link ArtefactKind#VENDOR_PAYLOAD}) and its artefacts
 *     (audit images, frames, the portrait)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record StepResult(
        StepKind kind,
        Outcome outcome,
        Optional<String> vendor,
        Optional<Outcome> vendorOutcome,
        Optional<Double> score,
        Optional<Double> threshold,
        List<String> reasons,
        Map<String, Double> subScores,
        List<ArtefactRef> evidence) {

    /** Validates and copies. */
    public StepResult {
        Arguments.notNull(kind, "kind");
        Arguments.notNull(outcome, "outcome");
        Arguments.notNull(vendor, "vendor");
        Arguments.notNull(vendorOutcome, "vendorOutcome");
        Arguments.notNull(score, "score");
        Arguments.notNull(threshold, "threshold");
        reasons = List.copyOf(Arguments.noNulls(reasons, "reasons"));
        Arguments.notNull(subScores, "subScores");
        subScores = Collections.unmodifiableMap(new LinkedHashMap<>(subScores));
        evidence = List.copyOf(Arguments.noNulls(evidence, "evidence"));
    }

    /**
     * A result without sub-scores or evidence.
     *
     * @param kind the step
     * @param outcome the outcome after the policy
     * @param vendor the vendor whose answer counted
     * @param vendorOutcome what that vendor said
     * @param score the vendor's score
     * @param threshold the threshold applied
     * @param reasons why
     */
    public StepResult(
            StepKind kind,
            Outcome outcome,
            Optional<String> vendor,
            Optional<Outcome> vendorOutcome,
            Optional<Double> score,
            Optional<Double> threshold,
            List<String> reasons) {
        this(kind, outcome, vendor, vendorOutcome, score, threshold, reasons, Map.of(), List.of());
    }

    /**
     * This result with the vendor's sub-scores and the evidence kept.
     *
     * @param subScores the sub-scores
     * @param evidence the references
     * @return a copy
     */
    public StepResult withEvidence(Map<String, Double> subScores, List<ArtefactRef> evidence) {
        return new StepResult(kind, outcome, vendor, vendorOutcome, score, threshold, reasons, subScores, evidence);
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
