package io.remotebank.routing.workforce;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.routing.RoutingError;
import io.remotebank.routing.RoutingException;
import io.remotebank.routing.internal.Args;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * A staffing target: a service level (such as 80% answered within 20 seconds) and, optionally, a
 * maximum occupancy (so agents are not planned to be busy all the time).
 *
 * @param serviceLevel the share of callers to answer within the threshold, greater than 0 and less
 *     than 1
 * @param threshold the answer-time threshold, 0 or more
 * @param maxOccupancy the largest acceptable occupancy, greater than 0 and at most 1 (1: no limit)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ServiceTarget(double serviceLevel, Duration threshold, double maxOccupancy) {

    /** Validates the target. */
    public ServiceTarget {
        if (!(serviceLevel > 0 && serviceLevel < 1)) {
            throw new RoutingException(
                    RoutingError.ARGUMENT_INVALID,
                    "target service level must be greater than 0 and less than 1 (got " + serviceLevel + ")");
        }
        Args.nonNegative(threshold, "service-level threshold");
        if (!(maxOccupancy > 0 && maxOccupancy <= 1)) {
            throw new RoutingException(
                    RoutingError.ARGUMENT_INVALID,
                    "maximum occupancy must be greater than 0 and at most 1 (got " + maxOccupancy + ")");
        }
    }

    /**
     * A service-level target without an occupancy limit.
     *
     * @param serviceLevel e.g. 0.8
     * @param threshold e.g. 20 seconds
     * @return the target
     */
    public static ServiceTarget of(double serviceLevel, Duration threshold) {
        return new ServiceTarget(serviceLevel, threshold, 1.0);
    }

    /**
     * This target with a maximum occupancy as well.
     *
     * @param maxOccupancy greater than 0 and at most 1
     * @return a new target
     */
    public ServiceTarget withMaxOccupancy(double maxOccupancy) {
        return new ServiceTarget(serviceLevel, threshold, maxOccupancy);
    }
}
