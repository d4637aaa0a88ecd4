package io.remotebank.routing.simulation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.routing.internal.Args;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/** How long an agent handles a contact once connected (talk, hold and after-call work). */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface HandleTime {

    /**
     * Exponential handle times, as Erlang C and Erlang A assume.
     *
     * @param mean the mean, positive
     * @return the distribution
     */
    static HandleTime exponential(Duration mean) {
        return new Exponential(mean);
    }

    /**
     * Log-normal handle times, closer to what contact centres measure: most calls short, a long tail.
     *
     * @param mean the mean, positive
     * @param standardDeviation the standard deviation, positive
     * @return the distribution
     */
    static HandleTime logNormal(Duration mean, Duration standardDeviation) {
        return new LogNormal(mean, standardDeviation);
    }

    /**
     * Every contact takes the same time.
     *
     * @param time the time, positive
     * @return the distribution
     */
    static HandleTime fixed(Duration time) {
        return new Fixed(time);
    }

    /** The mean handle time. */
    Duration mean();

    /**
     * Draws one handle time.
     *
     * @param random the random source
     * @return seconds
     */
    double sampleSeconds(RandomGenerator random);

    /**
     * Exponential handle times.
     *
     * @param mean the mean
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record Exponential(Duration mean) implements HandleTime {
        /** Validates the mean. */
        public Exponential {
            Args.positive(mean, "mean handle time");
        }

        @Override
        public double sampleSeconds(RandomGenerator random) {
            return -Math.log(1 - random.nextDouble()) * seconds(mean);
        }
    }

    /**
     * Log-normal handle times with the given mean and standard deviation (of the handle time itself,
     * not of its logarithm).
     *
     * @param mean the mean
     * @param standardDeviation the standard deviation
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record LogNormal(Duration mean, Duration standardDeviation) implements HandleTime {
        /** Validates the parameters. */
        public LogNormal {
            Args.positive(mean, "mean handle time");
            Args.positive(standardDeviation, "handle-time standard deviation");
        }

        @Override
        public double sampleSeconds(RandomGenerator random) {
            double m = seconds(mean);
            double s = seconds(standardDeviation);
            // the log's variance and mean that give this mean and standard deviation
            double variance = Math.log1p((s / m) * (s / m));
            double mu = Math.log(m) - variance / 2;
            return Math.exp(mu + Math.sqrt(variance) * random.nextGaussian());
        }
    }

    /**
     * A fixed handle time.
     *
     * @param time the time
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record Fixed(Duration time) implements HandleTime {
        /** Validates the time. */
        public Fixed {
            Args.positive(time, "handle time");
        }

        @Override
        public Duration mean() {
            return time;
        }

        @Override
        public double sampleSeconds(RandomGenerator random) {
            return seconds(time);
        }
    }

    private static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }
}
