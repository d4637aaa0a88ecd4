package io.remotebank.channels.smpp.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.Arguments;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apiguardian.api.API;
import org.slf4j.Logger;

/**
 * Keeps a peer that repeats one fault (malformed PDUs, stray generic_nacks, undecodable receipts)
 * from writing one log line per PDU: of each kind of warning, the first {@code burst} in an interval
 * are logged, the rest are counted, and one line says how many were left out once the interval is
 * over (at the next warning of that kind or at {@link #flush()}). Time comes from an injected ticker
 * (nanoseconds), so tests run it on virtual time.
 *
 * <p>Confined to one thread (the connection's event loop).
 */
@API(status = INTERNAL, since = "0.1")
public final class WarningRateLimit {

    /** The default: 10 lines of a kind per 10 seconds, then one summary per interval. */
    public static final int DEFAULT_BURST = 10;

    /** The default interval. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    private final Logger log;
    private final int burst;
    private final long interval;
    private final Duration intervalShown;
    private final LongSupplier ticker;
    private final Map<String, Window> windows = new HashMap<>();

    /** One kind of warning in its current interval. */
    private static final class Window {
        long start;
        int logged;
        long suppressed;

        Window(long start) {
            this.start = start;
        }
    }

    /**
     * Creates a limiter.
     *
     * @param log where the lines go
     * @param burst 1-10,000 lines of one kind per interval
     * @param interval 1 ms - 1 hour
     * @param ticker nanoseconds from an arbitrary origin, never going back
     */
    public WarningRateLimit(Logger log, int burst, Duration interval, LongSupplier ticker) {
        this.log = Arguments.notNull(log, "log");
        this.burst = (int) Arguments.inRange(burst, 1, 10_000, "burst");
        Arguments.notNull(interval, "interval");
        this.interval = Arguments.inRange(
                interval.toNanos(),
                Duration.ofMillis(1).toNanos(),
                Duration.ofHours(1).toNanos(),
                "interval");
        this.intervalShown = interval;
        this.ticker = Arguments.notNull(ticker, "ticker");
    }

    /**
     * Logs a warning at WARN unless this kind was logged {@code burst} times in the current interval.
     *
     * @param kind what the warning is about, the same text for the same fault (e.g. "bad PDU from the
     *     SMSC"); shown in the summary
     * @param format the SLF4J format of the line
     * @param args its arguments
     * @return whether the line was logged
     */
    public boolean warn(String kind, String format, Object... args) {
        long now = ticker.getAsLong();
        Window w = windows.get(kind);
        if (w == null) {
            w = new Window(now);
            windows.put(kind, w);
        } else if (now - w.start >= interval) {
            summarise(kind, w);
            w.start = now;
            w.logged = 0;
        }
        if (w.logged < burst) {
            w.logged++;
            log.warn(format, args);
            return true;
        }
        w.suppressed++;
        return false;
    }

    /** Logs the summary of every kind whose interval is over and which had warnings left out. */
    public void flush() {
        long now = ticker.getAsLong();
        for (var it = windows.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            Window w = e.getValue();
            if (now - w.start >= interval) {
                summarise(e.getKey(), w);
                // A kind quiet for a whole interval starts afresh: its next warning is logged.
                it.remove();
            }
        }
    }

    /** How many warnings of a kind are left out in its current interval so far. */
    public long suppressed(String kind) {
        Window w = windows.get(kind);
        return w == null ? 0 : w.suppressed;
    }

    private void summarise(String kind, Window w) {
        if (w.suppressed > 0) {
            log.warn("{} more warnings of \"{}\" not logged in {}", w.suppressed, kind, intervalShown);
            w.suppressed = 0;
        }
    }
}
