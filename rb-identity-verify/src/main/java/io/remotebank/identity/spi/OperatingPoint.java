package io.remotebank.identity.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import org.apiguardian.api.API;

/**
 * A vendor's operating point: the score threshold at which its model falsely accepts a given
 * share of impostors (for face match) or attacks (for liveness).
 *
 * @param falseAcceptRate e.g. {@code 1e-4} for one in ten thousand; between 0 and 1, exclusive
 * @param threshold the score, on the vendor's scale, that reaches it
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record OperatingPoint(double falseAcceptRate, double threshold) {

    /**
     * Validates the point.
     *
     * @throws IdentityException with {@link IdentityError#ARGUMENT_INVALID} when the rate is not in
     *     (0, 1) or the threshold is not finite
     */
    public OperatingPoint {
        if (!(falseAcceptRate > 0 && falseAcceptRate < 1)) {
            throw new IdentityException(
                    IdentityError.ARGUMENT_INVALID,
                    "a false-accept rate lies strictly between 0 and 1, got " + falseAcceptRate);
        }
        if (!Double.isFinite(threshold)) {
            throw new IdentityException(
                    IdentityError.ARGUMENT_INVALID, "an operating point's threshold must be finite, got " + threshold);
        }
    }
}
