package io.remotebank.tck.signaling;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.apiguardian.api.API;

/** The clock a kit hands to the implementation under test: it moves only when the kit moves it. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class KitClock extends Clock {

    private final AtomicReference<Instant> now;

    /**
     * A clock showing {@code start} until moved.
     *
     * @param start the first instant
     */
    public KitClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /**
     * Moves the clock forward.
     *
     * @param duration how far, not negative
     */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the kit clock does not go back");
        }
        now.updateAndGet(i -> i.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
