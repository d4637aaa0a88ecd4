package io.remotebank.segmentation.nba;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.batch.ProfileScorer;
import io.remotebank.segmentation.model.BatchResult;
import io.remotebank.segmentation.profile.ProfileBatch;
import io.remotebank.segmentation.rules.Formula;
import java.time.Instant;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * How likely a customer is to accept an action, from 0 to 1: a constant, a CEL formula, or an output
 * of a compiled model (a PMML scorecard or regression). A value outside 0 to 1, or missing, leaves
 * the action unscored for that customer. Immutable and thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Propensity {

    private final double constant;
    private final Formula formula;
    private final ProfileScorer scorer;
    private final int output;
    private final String description;

    private Propensity(double constant, Formula formula, ProfileScorer scorer, int output, String description) {
        this.constant = constant;
        this.formula = formula;
        this.scorer = scorer;
        this.output = output;
        this.description = description;
    }

    /**
     * A constant propensity.
     *
     * @param p 0 to 1
     * @return the propensity
     */
    public static Propensity fixed(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new SegmentationException(SegmentationError.ARGUMENT_INVALID, "a propensity is 0 to 1, got " + p);
        }
        return new Propensity(p, null, null, -1, "fixed " + p);
    }

    /**
     * A propensity computed by a CEL formula.
     *
     * @param formula the formula
     * @return the propensity
     */
    public static Propensity formula(Formula formula) {
        if (formula == null) {
            throw new SegmentationException(SegmentationError.ARGUMENT_INVALID, "formula is null");
        }
        return new Propensity(Double.NaN, formula, null, -1, "formula " + formula.source());
    }

    /**
     * A propensity from a model's output.
     *
     * @param scorer the model bound to the profile schema
     * @param output the name of a numeric output, e.g. {@code Probability_1}
     * @return the propensity
     */
    public static Propensity model(ProfileScorer scorer, String output) {
        if (scorer == null || output == null) {
            throw new SegmentationException(SegmentationError.ARGUMENT_INVALID, "scorer and output are required");
        }
        int index = -1;
        for (var o : scorer.evaluator().outputs()) {
            if (o.name().equals(output)) {
                index = o.index();
            }
        }
        if (index < 0) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID,
                    "model '" + scorer.evaluator().modelName() + "' has no output '" + output + "'");
        }
        return new Propensity(
                Double.NaN, null, scorer, index, "model '" + scorer.evaluator().modelName() + "' " + output);
    }

    /** Computes every row's propensity; NaN where undefined or out of 0 to 1. */
    double[] compute(ProfileBatch batch, Instant now) {
        double[] p = new double[batch.rows()];
        if (formula != null) {
            formula.evaluate(batch, now, p);
        } else if (scorer != null) {
            BatchResult r = scorer.score(batch, scorer.newScratch(Math.max(1, batch.rows())));
            System.arraycopy(r.numbers(output), 0, p, 0, batch.rows());
            for (int i = 0; i < p.length; i++) {
                if (r.failed(i)) {
                    p[i] = Double.NaN;
                }
            }
        } else {
            Arrays.fill(p, constant);
        }
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                p[i] = Double.NaN;
            }
        }
        return p;
    }

    @Override
    public String toString() {
        return description;
    }
}
