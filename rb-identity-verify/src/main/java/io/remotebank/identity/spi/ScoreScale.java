package io.remotebank.identity.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import org.apiguardian.api.API;

/**
 * The scale a vendor's score is on: its range and which end is better. Vendors differ (0-100
 * similarity, 0-1 probability, a distance where lower is better), so a score is never compared
 * with a number without its scale.
 *
 * @param name what the vendor calls the score, e.g. {@code similarity}
 * @param min the lowest value
 * @param max the highest value
 * @param higherIsBetter whether a higher value means a stronger match or more confidence in
 *     liveness (false for distances)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ScoreScale(String name, double min, double max, boolean higherIsBetter) {

    /** A similarity or confidence from 0 to 100, higher is better (Tencent, AWS). */
    public static final ScoreScale PERCENT = new ScoreScale("percent", 0, 100, true);

    /** A probability from 0 to 1, higher is better. */
    public static final ScoreScale UNIT = new ScoreScale("probability", 0, 1, true);

    /**
     * Validates the scale.
     *
     * @throws IdentityException with {@link IdentityError#ARGUMENT_INVALID} when min is not below max
     *     or either is not finite
     */
    public ScoreScale {
        Arguments.notBlank(name, "scale name");
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
            throw new IdentityException(
                    IdentityError.ARGUMENT_INVALID,
                    "a score scale needs finite min < max, got [" + min + ", " + max + "]");
        }
    }

    /**
     * Whether a value lies on the scale.
     *
     * @param value the value
     * @return true when finite and within [min, max]
     */
    public boolean contains(double value) {
        return Double.isFinite(value) && value >= min && value <= max;
    }

    /**
     * Whether a score meets a threshold on this scale: at or above it when higher is better, at or
     * below it otherwise.
     *
     * @param value the score
     * @param threshold the threshold
     * @return true when the score is at least as good as the threshold
     */
    public boolean meets(double value, double threshold) {
        return higherIsBetter ? value >= threshold : value <= threshold;
    }
}
