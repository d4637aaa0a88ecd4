package io.remotebank.segmentation.rfm;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.profile.ProfileBatch;
import io.remotebank.segmentation.profile.ProfileField;
import io.remotebank.segmentation.profile.ProfileSchema;
import io.remotebank.segmentation.profile.ProfileType;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Recency, frequency and monetary scores from 1 to 5, by four ascending breaks per dimension, fitted
 * by {@link RfmFitter} (quintiles of the customers with a history) or given ({@link #withBreaks}).
 * Immutable and thread-safe.
 *
 * <p>Frequency and monetary: a value up to the first break scores 1, above the first and up to the
 * second 2, ..., above the fourth 5. Recency is the days from the last transaction to the as-of day,
 * fewer being better: up to the first break scores 5, ..., above the fourth 1. Equal values always
 * score the same (ties never split), so a heavily tied dimension may leave a score unused. A customer
 * with an empty history (frequency 0 or missing, or no last transaction) scores 1, 1, 1.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RfmScores {

    /** The fields the scores are written to: {@code r_score}, {@code f_score}, {@code m_score} (int). */
    public static final List<ProfileField> FIELDS = List.of(
            new ProfileField("r_score", ProfileType.INT),
            new ProfileField("f_score", ProfileType.INT),
            new ProfileField("m_score", ProfileType.INT));

    private final String recencyField;
    private final String frequencyField;
    private final String monetaryField;
    private final double[] recencyBreaks;
    private final double[] frequencyBreaks;
    private final double[] monetaryBreaks;

    RfmScores(String recency, String frequency, String monetary, double[] r, double[] f, double[] m) {
        this.recencyField = recency;
        this.frequencyField = frequency;
        this.monetaryField = monetary;
        this.recencyBreaks = check("recency", r);
        this.frequencyBreaks = check("frequency", f);
        this.monetaryBreaks = check("monetary", m);
    }

    /**
     * Scores by fixed breaks.
     *
     * @param recencyField a {@code date} field: the last transaction
     * @param frequencyField an {@code int} or {@code double} field: how many transactions
     * @param monetaryField an {@code int} or {@code double} field: their amount
     * @param recencyDays four ascending breaks in days, e.g. {@code 7, 30, 90, 180}
     * @param frequency four ascending breaks
     * @param monetary four ascending breaks
     * @return the scores
     */
    public static RfmScores withBreaks(
            String recencyField,
            String frequencyField,
            String monetaryField,
            double[] recencyDays,
            double[] frequency,
            double[] monetary) {
        return new RfmScores(recencyField, frequencyField, monetaryField, recencyDays, frequency, monetary);
    }

    private static double[] check(String what, double[] breaks) {
        if (breaks == null || breaks.length != 4) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID,
                    what + " needs four breaks, got " + (breaks == null ? "none" : breaks.length));
        }
        for (int i = 0; i < 4; i++) {
            if (Double.isNaN(breaks[i]) || (i > 0 && breaks[i] < breaks[i - 1])) {
                throw new SegmentationException(
                        SegmentationError.ARGUMENT_INVALID,
                        what + " breaks must be ascending numbers: " + Arrays.toString(breaks));
            }
        }
        return breaks.clone();
    }

    /** The schema with the three score fields added (the batch {@link #score} writes into). */
    public static ProfileSchema extend(ProfileSchema schema) {
        return schema.with(FIELDS);
    }

    /** The recency breaks, in days. */
    public double[] recencyBreaks() {
        return recencyBreaks.clone();
    }

    /** The frequency breaks. */
    public double[] frequencyBreaks() {
        return frequencyBreaks.clone();
    }

    /** The monetary breaks. */
    public double[] monetaryBreaks() {
        return monetaryBreaks.clone();
    }

    /**
     * The score of a frequency or monetary value.
     *
     * @param breaks four ascending breaks
     * @param value the value
     * @return 1 to 5
     */
    static int ascending(double[] breaks, double value) {
        int s = 1;
        for (double b : breaks) {
            if (value > b) {
                s++;
            }
        }
        return s;
    }

    /** The recency score of a number of days. */
    static int recency(double[] breaks, double days) {
        int s = 1;
        for (double b : breaks) {
            if (days <= b) {
                s++;
            }
        }
        return s;
    }

    /**
     * Scores every row of a batch into its {@code r_score}, {@code f_score} and {@code m_score}.
     *
     * @param batch a batch whose schema has the input fields and the score fields (see {@link #extend})
     * @param asOf the day recency is counted to
     */
    public void score(ProfileBatch batch, LocalDate asOf) {
        Inputs in = Inputs.of(batch.schema(), recencyField, frequencyField, monetaryField);
        ProfileSchema s = batch.schema();
        double[] r = batch.numbers(s.require("r_score", ProfileType.INT));
        double[] f = batch.numbers(s.require("f_score", ProfileType.INT));
        double[] m = batch.numbers(s.require("m_score", ProfileType.INT));
        double[] last = batch.numbers(in.recency);
        double[] count = batch.numbers(in.frequency);
        double[] amount = batch.numbers(in.monetary);
        long today = asOf.toEpochDay();
        for (int row = 0; row < batch.rows(); row++) {
            double n = count[row];
            double lastDay = last[row];
            if (!(n > 0) || lastDay != lastDay) {
                r[row] = 1;
                f[row] = 1;
                m[row] = 1;
                continue;
            }
            double money = amount[row];
            r[row] = recency(recencyBreaks, today - lastDay);
            f[row] = ascending(frequencyBreaks, n);
            m[row] = money != money ? 1 : ascending(monetaryBreaks, money);
        }
    }

    /** The column indexes of the three inputs, checked. */
    record Inputs(int recency, int frequency, int monetary) {
        static Inputs of(ProfileSchema s, String recency, String frequency, String monetary) {
            int r = s.require(recency, ProfileType.DATE);
            return new Inputs(r, numeric(s, frequency), numeric(s, monetary));
        }

        private static int numeric(ProfileSchema s, String name) {
            int i = s.indexOf(name);
            if (i < 0) {
                throw new SegmentationException(
                        SegmentationError.SCHEMA_INVALID, "the schema has no field '" + name + "'");
            }
            ProfileType t = s.fields().get(i).type();
            if (t != ProfileType.INT && t != ProfileType.DOUBLE) {
                throw new SegmentationException(
                        SegmentationError.SCHEMA_INVALID,
                        "field '" + name + "' must be int or double, is " + t.schemaName());
            }
            return i;
        }
    }

    @Override
    public String toString() {
        return "RfmScores[recency days " + Arrays.toString(recencyBreaks) + ", frequency "
                + Arrays.toString(frequencyBreaks) + ", monetary " + Arrays.toString(monetaryBreaks) + "]";
    }
}
