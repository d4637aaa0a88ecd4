package io.remotebank.routing.simulation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.routing.RoutingError;
import io.remotebank.routing.RoutingException;
import io.remotebank.routing.internal.Args;
import java.time.Duration;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/**
 * How many contacts arrive: a Poisson process whose rate is constant within each interval of a
 * profile (such as the 48 half hours of a day) and may change between intervals. The profile repeats
 * when the simulation runs longer than it.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ArrivalRate {

    private final long intervalMillis;
    private final double[] calls;

    private ArrivalRate(Duration interval, double[] calls) {
        Args.positive(interval, "arrival interval");
        if (interval.toMillis() < 1) {
            throw new RoutingException(
                    RoutingError.ARGUMENT_INVALID, "arrival interval must be at least 1 ms (got " + interval + ")");
        }
        if (calls.length == 0) {
            throw new RoutingException(RoutingError.ARGUMENT_INVALID, "an arrival profile needs at least one interval");
        }
        for (double c : calls) {
            if (!(c >= 0) || Double.isInfinite(c)) {
                throw new RoutingException(
                        RoutingError.ARGUMENT_INVALID,
                        "calls per interval must be finite numbers >= 0 (got " + c + ")");
            }
        }
        this.intervalMillis = interval.toMillis();
        this.calls = calls.clone();
    }

    /**
     * A constant rate.
     *
     * @param calls calls per interval, 0 or more
     * @param interval the interval, at least 1 ms
     * @return the rate
     */
    public static ArrivalRate constant(double calls, Duration interval) {
        return new ArrivalRate(Args.notNull(interval, "arrival interval"), new double[] {calls});
    }

    /**
     * A profile: {@code calls[i]} arrive on average in the i-th interval; it repeats after the last.
     *
     * @param interval the length of each interval, at least 1 ms (e.g. 30 minutes)
     * @param calls the mean number of calls in each interval, each 0 or more
     * @return the rate
     */
    public static ArrivalRate perInterval(Duration interval, double... calls) {
        return new ArrivalRate(
                Args.notNull(interval, "arrival interval"),
                Args.notNull(calls, "calls").clone());
    }

    /** The length of each interval. */
    public Duration interval() {
        return Duration.ofMillis(intervalMillis);
    }

    /** The mean calls of each interval of the profile. */
    public double[] calls() {
        return calls.clone();
    }

    /**
     * The time of the next arrival after {@code from}: an exponential gap at the current interval's
     * rate; when it would cross into the next interval, the draw restarts there at that interval's rate
     * (exact, because the exponential distribution is memoryless).
     *
     * @param fromMillis milliseconds since the simulation's start
     * @param random the random source
     * @return the arrival time in milliseconds since the start (fractional), or +Infinity if no
     *     interval has calls
     */
    double next(double fromMillis, RandomGenerator random) {
        double total = Arrays.stream(calls).sum();
        if (total == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double t = fromMillis;
        while (true) {
            long index = (long) Math.floor(t / intervalMillis);
            double end = (index + 1) * (double) intervalMillis;
            double rate = calls[(int) (index % calls.length)] / intervalMillis; // per millisecond
            if (rate > 0) {
                double gap = -Math.log(1 - random.nextDouble()) / rate;
                if (t + gap < end) {
                    return t + gap;
                }
            }
            t = end;
        }
    }

    @Override
    public String toString() {
        return "ArrivalRate[" + Arrays.toString(calls) + " per " + interval() + "]";
    }
}
