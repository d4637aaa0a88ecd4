package io.remotebank.routing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * A queue's real-time statistics since the engine started or since the last {@code
 * resetStatistics()}.
 *
 * <p>Definitions (also in {@code docs/rb-routing.md}):
 *
 * <ul>
 *   <li><b>Wait</b> runs from entering this queue to being accepted by an agent (for a callback: to the
 *       callback being accepted).
 *   <li><b>Offered</b> = answered + abandoned: the contacts whose wait in this queue ended in one of
 *       those two ways. Contacts that overflowed or were moved to another queue are counted in {@link
 *       #movedOut()} and are offered to that queue instead; contacts that left through {@link
 *       Overflow#leave()} are counted in {@link #overflowed()} and are not offered.
 *   <li><b>Service level</b> = answered within the threshold / offered. Abandons count as misses,
 *       whatever their wait. {@code NaN} while nothing was offered.
 *   <li><b>ASA</b> (average speed of answer) = total wait of answered contacts / answered.
 *   <li><b>Abandon rate</b> = abandoned / offered.
 *   <li><b>Occupancy</b> = handling time / (handling time + idle ready time), summed over the agents
 *       who serve this queue; handling means holding at least one contact (offered, connected or in
 *       wrap-up), on any queue; not-ready and logged-out time are excluded. {@code NaN} when no agent
 *       time was recorded.
 * </ul>
 *
 * @param queue the queue
 * @param waiting contacts waiting now (including those offered and callbacks)
 * @param callbacksWaiting of which callbacks
 * @param longestWait the longest current wait in this queue
 * @param arrived contacts that entered the queue
 * @param answered contacts accepted by an agent
 * @param answeredWithinThreshold of which within the service-level threshold
 * @param abandoned contacts abandoned while in this queue
 * @param overflowed contacts that left the engine through this queue's overflow
 * @param movedOut contacts that moved to another queue (overflow, transfer, supervisor)
 * @param serviceLevelThreshold the threshold
 * @param serviceLevel answered within threshold / offered
 * @param averageSpeedOfAnswer total answered wait / answered
 * @param abandonRate abandoned / offered
 * @param occupancy handling / (handling + idle) over the queue's agents
 * @param agentsLoggedIn agents serving the queue who are logged in
 * @param agentsAvailable of which ready with a free slot and no pending offer on some channel
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record QueueStatistics(
        QueueId queue,
        int waiting,
        int callbacksWaiting,
        Duration longestWait,
        long arrived,
        long answered,
        long answeredWithinThreshold,
        long abandoned,
        long overflowed,
        long movedOut,
        Duration serviceLevelThreshold,
        double serviceLevel,
        Duration averageSpeedOfAnswer,
        double abandonRate,
        double occupancy,
        int agentsLoggedIn,
        int agentsAvailable) {

    /** Answered plus abandoned. */
    public long offered() {
        return answered + abandoned;
    }
}
