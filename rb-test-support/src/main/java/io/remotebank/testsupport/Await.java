package io.remotebank.testsupport;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a state that another thread brings about (an event loop, a peer in another process):
 * the condition is checked every few milliseconds until it holds, and the test fails, naming what
 * it waited for, once the deadline passes. A wait for a state, never a pause of a fixed length; a
 * test whose timers run on virtual time moves the time itself and awaits only what other threads
 * do in answer.
 */
public final class Await {

    /** Long enough for a loaded CI machine; a condition that holds returns at once. */
    public static final Duration DEFAULT = Duration.ofSeconds(20);

    private Await() {}

    /**
     * Waits until a condition holds, at most {@link #DEFAULT}.
     *
     * @param what what is awaited, for the failure message
     * @param condition the condition
     */
    public static void until(String what, BooleanSupplier condition) {
        until(what, condition, DEFAULT);
    }

    /**
     * Waits until a condition holds.
     *
     * @param what what is awaited, for the failure message
     * @param condition the condition
     * @param atMost how long at most
     * @throws AssertionError when the condition does not hold in time
     */
    public static void until(String what, BooleanSupplier condition, Duration atMost) {
        long end = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("not within " + atMost + ": " + what);
            }
            LockSupport.parkNanos(2_000_000);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what);
            }
        }
    }
}
