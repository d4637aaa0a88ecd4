package io.remotebank.routing.workforce;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.routing.RoutingError;
import io.remotebank.routing.RoutingException;
import io.remotebank.routing.internal.Args;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * The work offered to a queue: Poisson arrivals at a mean rate, each needing an agent for a mean
 * handle time (talk plus hold plus after-call work).
 *
 * @param arrivalsPerSecond the mean arrival rate, 0 or more
 * @param averageHandleTime the mean handle time, positive
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Traffic(double arrivalsPerSecond, Duration averageHandleTime) {

    /** The largest offered load accepted, in erlangs. */
    public static final double MAX_ERLANGS = 500_000;

    /** Validates the rate and handle time; the offered load must not exceed {@link #MAX_ERLANGS}. */
    public Traffic {
        if (!(arrivalsPerSecond >= 0) || Double.isInfinite(arrivalsPerSecond)) {
            throw new RoutingException(
                    RoutingError.ARGUMENT_INVALID,
                    "arrival rate must be a finite number >= 0 per second (got " + arrivalsPerSecond + ")");
        }
        Args.positive(averageHandleTime, "average handle time");
        double erlangs = arrivalsPerSecond * seconds(averageHandleTime);
        if (erlangs > MAX_ERLANGS) {
            throw new RoutingException(
                    RoutingError.ARGUMENT_INVALID,
                    "offered load must be at most " + (long) MAX_ERLANGS + " erlangs (got " + erlangs + ")");
        }
    }

    /**
     * Traffic as a planner states it: so many calls in an interval.
     *
     * @param calls calls offered in the interval, 0 or more
     * @param interval the interval, positive (e.g. 30 minutes)
     * @param averageHandleTime the mean handle time, positive
     * @return the traffic
     */
    public static Traffic of(double calls, Duration interval, Duration averageHandleTime) {
        Args.positive(interval, "interval");
        if (!(calls >= 0) || Double.isInfinite(calls)) {
            throw new RoutingException(
                    RoutingError.ARGUMENT_INVALID, "calls must be a finite number >= 0 (got " + calls + ")");
        }
        return new Traffic(calls / seconds(interval), averageHandleTime);
    }

    /** The offered load in erlangs: arrival rate times mean handle time. */
    public double erlangs() {
        return arrivalsPerSecond * handleSeconds();
    }

    /** The mean handle time in seconds. */
    public double handleSeconds() {
        return seconds(averageHandleTime);
    }

    static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }
}
