package io.remotebank.identity.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A vendor model's operating points on one scale, and where they come from (the vendor's
 * documentation, or the bank's own evaluation).
 *
 * <p>Mapping a target false-accept rate to a threshold never interpolates: the threshold is that of
 * the point with the largest rate not above the target, so the mapped threshold is at least as
 * strict as the target asks. A target stricter than every point has no threshold.
 *
 * @param scale the scale of the thresholds
 * @param points the points, any order; stored from the loosest (highest rate) to the strictest
 * @param source where the figures come from, e.g. a documentation URL
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record OperatingPoints(ScoreScale scale, List<OperatingPoint> points, String source) {

    /**
     * Validates the points: on the scale, one per rate, and monotonic (a stricter rate never has a
     * laxer threshold).
     *
     * @throws IdentityException with {@link IdentityError#ARGUMENT_INVALID} otherwise
     */
    public OperatingPoints {
        Arguments.notNull(scale, "scale");
        Arguments.noNulls(points, "points");
        Arguments.notBlank(source, "source");
        List<OperatingPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(OperatingPoint::falseAcceptRate).reversed());
        for (int i = 0; i < sorted.size(); i++) {
            OperatingPoint p = sorted.get(i);
            if (!scale.contains(p.threshold())) {
                throw new IdentityException(
                        IdentityError.ARGUMENT_INVALID,
                        "operating point threshold " + p.threshold() + " is off the scale [" + scale.min() + ", "
                                + scale.max() + "]");
            }
            if (i > 0) {
                OperatingPoint looser = sorted.get(i - 1);
                if (looser.falseAcceptRate() == p.falseAcceptRate()) {
                    throw new IdentityException(
                            IdentityError.ARGUMENT_INVALID,
                            "two operating points for false-accept rate " + p.falseAcceptRate());
                }
                if (!scale.meets(p.threshold(), looser.threshold())) {
                    throw new IdentityException(
                            IdentityError.ARGUMENT_INVALID,
                            "operating points are not monotonic: rate " + p.falseAcceptRate() + " has threshold "
                                    + p.threshold() + ", laxer than " + looser.threshold() + " at rate "
                                    + looser.falseAcceptRate());
                }
            }
        }
        points = List.copyOf(sorted);
    }

    /**
     * No operating points: the vendor publishes none and the bank has measured none.
     *
     * @param scale the scale
     * @return empty points
     */
    public static OperatingPoints none(ScoreScale scale) {
        return new OperatingPoints(scale, List.of(), "none published");
    }

    /**
     * The threshold for a target false-accept rate: that of the point with the largest rate not
     * above the target.
     *
     * @param targetFalseAcceptRate e.g. {@code 1e-4}
     * @return the threshold, or empty when no point is as strict as the target
     */
    public Optional<Double> thresholdFor(double targetFalseAcceptRate) {
        for (OperatingPoint p : points) { // loosest first
            if (p.falseAcceptRate() <= targetFalseAcceptRate) {
                return Optional.of(p.threshold());
            }
        }
        return Optional.empty();
    }

    /** Whether there are no points. */
    public boolean isEmpty() {
        return points.isEmpty();
    }
}
