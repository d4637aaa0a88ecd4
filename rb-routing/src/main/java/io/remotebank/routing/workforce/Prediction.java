package io.remotebank.routing.workforce;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * What a queueing model predicts for a number of agents, in the steady state. The definitions match
 * the engine's {@link io.remotebank.routing.QueueStatistics}: the service level is answered within the
 * threshold / all callers, abandons counting as misses; the ASA averages the waits of answered
 * callers.
 *
 * <p>Where a figure is undefined it is {@code NaN} (the ASA when nobody is answered); where the queue
 * grows without bound (Erlang C with at least as many erlangs as agents) waits are infinite.
 *
 * @param agents the agents
 * @param erlangs the offered load
 * @param threshold the service-level threshold used
 * @param probabilityOfWaiting the share of callers who find every agent busy
 * @param serviceLevel the share of callers answered within the threshold
 * @param averageSpeedOfAnswerSeconds the mean wait of answered callers, in seconds
 * @param expectedWaitSeconds the mean time every caller spends waiting (answered or abandoning), in
 *     seconds
 * @param probabilityOfAbandon the share of callers who hang up before being answered (0 for Erlang C)
 * @param occupancy the share of agent time spent handling calls
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Prediction(
        int agents,
        double erlangs,
        Duration threshold,
        double probabilityOfWaiting,
        double serviceLevel,
        double averageSpeedOfAnswerSeconds,
        double expectedWaitSeconds,
        double probabilityOfAbandon,
        double occupancy) {

    /** Whether waits are finite (always true with abandonment). */
    public boolean stable() {
        return !Double.isInfinite(expectedWaitSeconds);
    }

    /**
     * Whether this prediction meets a target.
     *
     * @param target the target (its threshold should be this prediction's)
     * @return whether the service level and occupancy are within the target
     */
    public boolean meets(ServiceTarget target) {
        return serviceLevel >= target.serviceLevel() && occupancy <= target.maxOccupancy();
    }
}
