package io.remotebank.identity.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import org.apiguardian.api.API;

/**
 * A vendor's score, tagged with everything needed to compare it: who made it, with which model, on
 * which scale, and the model's operating points.
 *
 * @param vendor the vendor, e.g. {@code tencent-iai}
 * @param modelVersion the model or algorithm version, e.g. {@code 3.0}; {@code unknown} when the
 *     vendor does not say
 * @param value the score
 * @param operatingPoints the model's operating points, on the score's scale
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Score(String vendor, String modelVersion, double value, OperatingPoints operatingPoints) {

    /**
     * Validates the score.
     *
     * @throws IdentityException with {@link IdentityError#ARGUMENT_INVALID} when the value is off
     *     the scale
     */
    public Score {
        Arguments.notBlank(vendor, "vendor");
        Arguments.notBlank(modelVersion, "modelVersion");
        Arguments.notNull(operatingPoints, "operatingPoints");
        if (!operatingPoints.scale().contains(value)) {
            throw new IdentityException(
                    IdentityError.ARGUMENT_INVALID,
                    "score " + value + " of " + vendor + " is off its scale ["
                            + operatingPoints.scale().min() + ", "
                            + operatingPoints.scale().max() + "]");
        }
    }

    /** The score's scale. */
    public ScoreScale scale() {
        return operatingPoints.scale();
    }
}
