package io.remotebank.routing.simulation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.routing.RoutingError;
import io.remotebank.routing.RoutingException;
import io.remotebank.routing.internal.Args;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * When an agent works, relative to the simulation's start: the agent logs in and becomes ready at
 * {@code start}; at {@code end} it goes not ready, finishes the contacts it holds (and their wrap-up),
 * then logs out.
 *
 * @param start when the shift starts, 0 or more after the simulation's start
 * @param end when it ends, after {@code start}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Shift(Duration start, Duration end) {

    /** Validates the shift. */
    public Shift {
        Args.nonNegative(start, "shift start");
        Args.notNull(end, "shift end");
        if (end.compareTo(start) <= 0) {
            throw new RoutingException(
                    RoutingError.ARGUMENT_INVALID, "a shift must end after it starts (" + start + " to " + end + ")");
        }
    }

    /**
     * A shift.
     *
     * @param start when it starts, after the simulation's start
     * @param end when it ends
     * @return the shift
     */
    public static Shift of(Duration start, Duration end) {
        return new Shift(start, end);
    }
}
