package io.remotebank.identity.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.time.Ticker;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * One provider's circuit breaker on the injected ticker: after {@code threshold} failures in a row
 * it opens and refuses calls for {@code openFor}; then it lets one trial call through (half open),
 * which closes it on success and opens it again on failure.
 *
 * <p>Not resilience4j's: its breaker reads its own clock and its retry and time limiter wait on
 * threads of their own, whereas every wait here must run on the injected scheduler so that tests
 * and the simulator run on virtual time (house rule 6). The state machine is small enough to own.
 */
@API(status = INTERNAL, since = "0.1")
public final class CircuitBreaker {

    enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    private final int threshold;
    private final long openForNanos;
    private final Ticker ticker;
    private State state = State.CLOSED;
    private int failures;
    private long openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int threshold, Duration openFor, Ticker ticker) {
        this.threshold = threshold;
        this.openForNanos = openFor.toNanos();
        this.ticker = ticker;
    }

    /** Whether a call may be made now; in half-open state only one trial at a time. */
    public synchronized boolean allow() {
        if (state == State.OPEN && ticker.read() - openedAt >= openForNanos) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    public synchronized void success() {
        state = State.CLOSED;
        failures = 0;
        trialInFlight = false;
    }

    public synchronized void failure() {
        failures++;
        if (state == State.HALF_OPEN || failures >= threshold) {
            state = State.OPEN;
            openedAt = ticker.read();
            trialInFlight = false;
        }
    }

    synchronized State state() {
        return state;
    }

    @Override
    public synchronized String toString() {
        return "CircuitBreaker[" + state + ", " + failures + " failures]";
    }
}
