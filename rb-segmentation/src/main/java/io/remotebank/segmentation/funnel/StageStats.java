package io.remotebank.segmentation.funnel;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * One stage of a funnel for one group of customers.
 *
 * @param stage the stage's name
 * @param reached the customers who reached it and every stage before
 * @param conversion {@code reached} over the previous stage's (NaN for the first stage, or when the
 *     previous stage was reached by nobody)
 * @param fromStart {@code reached} over the first stage's
 * @param dropOff the customers of the previous stage who did not reach this one (0 for the first)
 * @param medianDays the median whole days from the previous stage's event to this one's (the lower
 *     median), when both are events
 * @param meanDays the mean days, likewise
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record StageStats(
        String stage,
        long reached,
        double conversion,
        double fromStart,
        long dropOff,
        OptionalDouble medianDays,
        OptionalDouble meanDays) {}
