package io.remotebank.testsupport;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a state that another thread reaches (a Netty event loop closing a connection, the audit
 * trail's writer making a checkpoint) when the component offers no event to wait on. The one place
 * the SDK's tests poll: a bounded wait that fails naming what never happened, instead of a sleep of
 * a guessed length followed by an assertion. State on virtual time is never waited for: move the
 * clock instead.
 */
public final class Await {

    /** Long enough for a loaded CI machine; a condition that holds returns at once. */
    public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(10);

    private Await() {}

    /**
     * Returns as soon as the condition holds; fails after {@link #DEFAULT_LIMIT}.
     *
     * @param what the state awaited, for the failure message
     * @param condition whether it is reached
     */
    public static void until(String what, BooleanSupplier condition) {
        until(what, DEFAULT_LIMIT, condition);
    }

    /**
     * Returns as soon as the condition holds; fails after the limit.
     *
     * @param what the state awaited, for the failure message
     * @param limit the longest wait
     * @param condition whether it is reached
     */
    public static void until(String what, Duration limit, BooleanSupplier condition) {
        long start = System.nanoTime();
        long pause = TimeUnit.MICROSECONDS.toNanos(50);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > limit.toNanos()) {
                throw new AssertionError("never happened within " + limit + ": " + what);
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(5)); // quick first, then gentle
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what);
            }
        }
    }
}
