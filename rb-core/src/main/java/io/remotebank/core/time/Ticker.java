package io.remotebank.core.time;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A monotonic source of nanoseconds, for measuring how long something took or when a deadline
 * falls: the SDK's one reading of {@code System.nanoTime}. Like {@code System.nanoTime}, only
 * differences between two readings mean anything. Components take a ticker (usually through their
 * {@link Scheduler}) so that tests, simulations and the demo run them on virtual time.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface Ticker {

    /**
     * Reads the ticker.
     *
     * @return nanoseconds since an arbitrary origin; never less than an earlier reading
     */
    long read();

    /**
     * The ticker of the running JVM.
     *
     * @return {@code System.nanoTime}
     */
    static Ticker system() {
        return SystemTime.TICKER;
    }
}
