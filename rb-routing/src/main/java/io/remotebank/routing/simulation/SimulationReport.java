package io.remotebank.routing.simulation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.routing.QueueId;
import io.remotebank.routing.QueueStatistics;
import io.remotebank.routing.RoutingError;
import io.remotebank.routing.RoutingException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What a simulation measured: for each queue, the engine's own {@link QueueStatistics} over the
 * measured period (after the warm-up), read at the end of the run.
 *
 * @param seed the seed of the run
 * @param warmUp the warm-up, after which the engine's statistics were reset
 * @param measured the period the statistics cover
 * @param statistics the engine's statistics of each queue, in the order the queues were added
 * @param contactsGenerated contacts that arrived in each queue during the whole run (warm-up included)
 * @param patienceExpired callers who hung up because their patience ran out, per queue, whole run
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SimulationReport(
        long seed,
        Duration warmUp,
        Duration measured,
        Map<QueueId, QueueStatistics> statistics,
        Map<QueueId, Long> contactsGenerated,
        Map<QueueId, Long> patienceExpired) {

    /** Copies the maps, keeping their order. */
    public SimulationReport {
        statistics = Collections.unmodifiableMap(new LinkedHashMap<>(statistics));
        contactsGenerated = Collections.unmodifiableMap(new LinkedHashMap<>(contactsGenerated));
        patienceExpired = Collections.unmodifiableMap(new LinkedHashMap<>(patienceExpired));
    }

    /**
     * The engine's statistics of one queue.
     *
     * @param queue the queue
     * @return the statistics
     */
    public QueueStatistics statistics(QueueId queue) {
        QueueStatistics stats = statistics.get(queue);
        if (stats == null) {
            throw new RoutingException(RoutingError.UNKNOWN_QUEUE, "the simulation has no queue " + queue);
        }
        return stats;
    }

    /**
     * The engine's statistics of one queue.
     *
     * @param queue the queue's id text
     * @return the statistics
     */
    public QueueStatistics statistics(String queue) {
        return statistics(QueueId.of(queue));
    }
}
