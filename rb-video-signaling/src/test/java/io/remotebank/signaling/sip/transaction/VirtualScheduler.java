package io.remotebank.signaling.sip.transaction;

import io.remotebank.core.time.Cancellable;
import io.remotebank.core.time.Scheduler;
import io.remotebank.core.time.Ticker;
import io.remotebank.testing.ManualTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * rb-testing's {@link ManualTime} as the SIP tests use it: a {@link Scheduler} whose time moves in
 * milliseconds only when a test advances it, and a wall clock that moves with it.
 */
public final class VirtualScheduler implements Scheduler {

    private final ManualTime time = ManualTime.at(Instant.parse("2026-11-27T09:00:00Z"));

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        return time.schedule(delay, task);
    }

    @Override
    public Ticker ticker() {
        return time;
    }

    /** A wall clock on the same virtual time. */
    public Clock clock() {
        return time.clock();
    }

    /** Milliseconds since the start. */
    public long now() {
        return Duration.ofNanos(time.read()).toMillis();
    }

    /** Runs every task due within the next {@code millis}, in order, moving the time to each. */
    public void advance(long millis) {
        time.advance(Duration.ofMillis(millis));
    }

    /** Tasks scheduled and neither run nor cancelled. */
    public int pending() {
        return time.pending();
    }
}
