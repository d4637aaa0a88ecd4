package io.remotebank.routing.simulation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.routing.internal.Args;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/**
 * How long a caller waits before hanging up. When a caller's patience runs out before an agent accepts
 * it, the simulator calls {@link io.remotebank.routing.RoutingEngine#abandon}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface Patience {

    /** Callers never hang up (the Erlang C assumption). */
    static Patience unlimited() {
        return Unlimited.INSTANCE;
    }

    /**
     * Exponentially distributed patience (the Erlang A assumption).
     *
     * @param mean the mean, positive
     * @return the distribution
     */
    static Patience exponential(Duration mean) {
        return new Exponential(mean);
    }

    /**
     * Draws one patience.
     *
     * @param random the random source
     * @return seconds, or +Infinity
     */
    double sampleSeconds(RandomGenerator random);

    /** Unlimited patience. */
    @API(status = EXPERIMENTAL, since = "0.1")
    enum Unlimited implements Patience {
        /** The only value. */
        INSTANCE;

        @Override
        public double sampleSeconds(RandomGenerator random) {
            return Double.POSITIVE_INFINITY;
        }
    }

    /**
     * Exponential patience.
     *
     * @param mean the mean
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record Exponential(Duration mean) implements Patience {
        /** Validates the mean. */
        public Exponential {
            Args.positive(mean, "mean patience");
        }

        @Override
        public double sampleSeconds(RandomGenerator random) {
            return -Math.log(1 - random.nextDouble()) * (mean.getSeconds() + mean.getNano() / 1e9);
        }
    }
}
