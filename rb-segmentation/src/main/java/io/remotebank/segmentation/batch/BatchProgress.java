package io.remotebank.segmentation.batch;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * How far a batch run is.
 *
 * @param chunks the chunks delivered to the sink
 * @param rows the rows in them
 * @param elapsed the time since the run started, by the runner's clock
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record BatchProgress(long chunks, long rows, Duration elapsed) {

    /** The rows per second so far, 0 before a millisecond has passed. */
    public double rowsPerSecond() {
        long ms = elapsed.toMillis();
        return ms <= 0 ? 0 : rows * 1000.0 / ms;
    }
}
