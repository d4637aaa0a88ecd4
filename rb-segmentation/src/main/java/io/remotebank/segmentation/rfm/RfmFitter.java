package io.remotebank.segmentation.rfm;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.profile.ProfileBatch;
import java.time.LocalDate;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * Fits quintile breaks from the customers seen: the k-th break (k = 1..4) is the nearest-rank
 * quantile k/5 of the customers with a history, the smallest value that at least k fifths of them do
 * not exceed. Customers with an empty history are left out of the fit (and score 1, 1, 1). Not
 * thread-safe: feed it from one thread, e.g. a {@code BatchRunner}'s sink.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RfmFitter {

    private final String recencyField;
    private final String frequencyField;
    private final String monetaryField;
    private final LocalDate asOf;
    private double[] days = new double[1024];
    private double[] counts = new double[1024];
    private double[] amounts = new double[1024];
    private int n;

    /**
     * A fitter.
     *
     * @param recencyField the {@code date} of the last transaction
     * @param frequencyField the number of transactions
     * @param monetaryField their amount
     * @param asOf the day recency is counted to
     */
    public RfmFitter(String recencyField, String frequencyField, String monetaryField, LocalDate asOf) {
        this.recencyField = Arguments.notBlank(recencyField, "recencyField");
        this.frequencyField = Arguments.notBlank(frequencyField, "frequencyField");
        this.monetaryField = Arguments.notBlank(monetaryField, "monetaryField");
        this.asOf = Arguments.notNull(asOf, "asOf");
    }

    /**
     * Adds a batch's customers.
     *
     * @param batch the customers
     */
    public void add(ProfileBatch batch) {
        RfmScores.Inputs in = RfmScores.Inputs.of(batch.schema(), recencyField, frequencyField, monetaryField);
        double[] last = batch.numbers(in.recency());
        double[] count = batch.numbers(in.frequency());
        double[] amount = batch.numbers(in.monetary());
        long today = asOf.toEpochDay();
        for (int r = 0; r < batch.rows(); r++) {
            if (!(count[r] > 0) || last[r] != last[r]) {
                continue;
            }
            if (n == days.length) {
                int grown = Math.max(1024, n + (n >> 1));
                days = Arrays.copyOf(days, grown);
                counts = Arrays.copyOf(counts, grown);
                amounts = Arrays.copyOf(amounts, grown);
            }
            days[n] = today - last[r];
            counts[n] = count[r];
            amounts[n] = amount[r] != amount[r] ? 0 : amount[r];
            n++;
        }
    }

    /** The customers with a history seen so far. */
    public int size() {
        return n;
    }

    /**
     * The scores with quintile breaks.
     *
     * @return the scores
     * @throws SegmentationException with {@link SegmentationError#ARGUMENT_INVALID} when no customer
     *     had a history
     */
    public RfmScores fit() {
        if (n == 0) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID, "no customer has a transaction history: nothing to fit");
        }
        return new RfmScores(
                recencyField,
                frequencyField,
                monetaryField,
                quintiles(days, n),
                quintiles(counts, n),
                quintiles(amounts, n));
    }

    static double[] quintiles(double[] values, int n) {
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.parallelSort(sorted);
        double[] breaks = new double[4];
        for (int k = 1; k <= 4; k++) {
            // Nearest rank: the ceil(k n / 5)-th smallest value.
            int rank = (int) Math.ceil(k * (double) n / 5);
            breaks[k - 1] = sorted[Math.max(0, rank - 1)];
        }
        return breaks;
    }
}
