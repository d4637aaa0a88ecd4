package io.remotebank.examples.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bank day's scripted clock: every module of the demo reads the time from it, and the script
 * moves it forward, so a day of routing, wrap-up and quiet hours plays out in seconds and the same
 * way on every run. Thread-safe: network threads read it while the script advances it.
 */
final class DemoClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    DemoClock(Instant start, ZoneId zone) {
        this.now = new AtomicReference<>(start);
        this.zone = zone;
    }

    private DemoClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    void advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("the demo clock never goes back: " + step);
        }
        now.updateAndGet(t -> t.plus(step));
    }

    void advanceTo(Instant target) {
        now.updateAndGet(t -> {
            if (target.isBefore(t)) {
                throw new IllegalArgumentException("the demo clock never goes back: " + target + " < " + t);
            }
            return target;
        });
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new DemoClock(now, other);
    }
}
