package io.remotebank.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when a test moves it; thread-safe, never goes back; UTC unless {@link
 * #withZone}. Prefer rb-testing's published {@code ManualTime} (a clock, ticker and scheduler in
 * one): this plain clock stays for rb-core's tests, which cannot depend on rb-testing (it depends on
 * rb-core, so rb-test-support cannot delegate to it either), and for tests that move one clock from
 * several threads at once.
 */
public final class ManualClock extends Clock {

    private final AtomicLong millis;
    private final ZoneId zone;

    /**
     * Creates a clock in UTC.
     *
     * @param start the time it shows until moved
     */
    public ManualClock(Instant start) {
        this(new AtomicLong(start.toEpochMilli()), ZoneOffset.UTC);
    }

    private ManualClock(AtomicLong millis, ZoneId zone) {
        this.millis = millis;
        this.zone = zone;
    }

    /** A clock at 2026-11-28T09:00:00Z. */
    public static ManualClock atNineAm() {
        return new ManualClock(Instant.parse("2026-11-28T09:00:00Z"));
    }

    /**
     * Moves the clock forward.
     *
     * @param duration how far, not negative
     */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a manual clock does not go back: " + duration);
        }
        millis.addAndGet(duration.toMillis());
    }

    /**
     * Moves the clock forward.
     *
     * @param ms milliseconds, not negative
     */
    public void advanceMillis(long ms) {
        advance(Duration.ofMillis(ms));
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same clock (moving it moves both) seen in another zone. */
    @Override
    public ManualClock withZone(ZoneId zone) {
        return new ManualClock(millis, zone);
    }
}
