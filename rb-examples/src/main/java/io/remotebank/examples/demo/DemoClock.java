package io.remotebank.examples.demo;

import io.remotebank.core.time.Scheduler;
import io.remotebank.testing.ManualTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The bank day's one virtual time: a wall clock in the bank's zone, and the scheduler and ticker of
 * the same time (rb-testing's {@link ManualTime}). Every act reads the time from it and every timer
 * of the day runs on it (the routing engine's ticks, the audit trail's group commit and time
 * checkpoints); only the script moves it, so a day of routing, wrap-up and quiet hours plays out in
 * seconds and the same way on every run. Network threads read it while the script advances it.
 */
final class DemoClock extends Clock {

    private final ManualTime time;
    private final ZoneId zone;

    DemoClock(Instant start, ZoneId zone) {
        this(ManualTime.at(start), zone);
    }

    private DemoClock(ManualTime time, ZoneId zone) {
        this.time = time;
        this.zone = zone;
    }

    /** The scheduler of this time: its tasks run when the script moves the clock past them. */
    Scheduler scheduler() {
        return time;
    }

    /** Moves the day forward, running every timer that falls due on the way at its own time. */
    void advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("the demo clock never goes back: " + step);
        }
        time.advance(step);
    }

    void advanceTo(Instant target) {
        Instant now = instant();
        if (target.isBefore(now)) {
            throw new IllegalArgumentException("the demo clock never goes back: " + target + " < " + now);
        }
        advance(Duration.between(now, target));
    }

    @Override
    public Instant instant() {
        return time.clock().instant();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new DemoClock(time, other);
    }
}
