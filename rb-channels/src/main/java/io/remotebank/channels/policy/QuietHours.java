package io.remotebank.channels.policy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.ChannelsError;
import io.remotebank.core.Arguments;
import io.remotebank.core.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * When messages of a category may reach a recipient, in the recipient's local time: every day from
 * {@code from} (inclusive) to {@code until} (exclusive). A window with {@code from} after {@code
 * until} spans midnight. Empty means at any time.
 *
 * <p>Local time follows the zone's rules on each day: on the day clocks go forward a start time that
 * falls in the gap moves to the first instant after it; on the day they go back, a local time that
 * happens twice counts from its first occurrence.
 *
 * @param from the window's start, if limited
 * @param until the window's end, if limited
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record QuietHours(Optional<LocalTime> from, Optional<LocalTime> until) {

    /**
     * Validates the window.
     *
     * @throws ValidationException with {@link ChannelsError#CONFIG_INVALID} when only one end is given
     *     or both are equal
     */
    public QuietHours {
        Arguments.notNull(from, "from");
        Arguments.notNull(until, "until");
        if (from.isPresent() != until.isPresent()) {
            throw new ValidationException(ChannelsError.CONFIG_INVALID, "a sending window needs both ends");
        }
        if (from.isPresent() && from.get().equals(until.get())) {
            throw new ValidationException(
                    ChannelsError.CONFIG_INVALID,
                    "a sending window from " + from.get() + " until " + until.get()
                            + " is empty; use QuietHours.anyTime() for no limit");
        }
    }

    /** No quiet hours: any time of day. */
    public static QuietHours anyTime() {
        return new QuietHours(Optional.empty(), Optional.empty());
    }

    /**
     * Sending allowed only in a daily window.
     *
     * @param from the start, inclusive, e.g. 08:00
     * @param until the end, exclusive, e.g. 20:00; before {@code from} for a window over midnight
     * @return the rule
     */
    public static QuietHours sendBetween(LocalTime from, LocalTime until) {
        return new QuietHours(
                Optional.of(Arguments.notNull(from, "from")), Optional.of(Arguments.notNull(until, "until")));
    }

    /**
     * Whether a local time of day is inside the window.
     *
     * @param time the local time
     * @return true when sending is allowed
     */
    public boolean allows(LocalTime time) {
        if (from.isEmpty()) {
            return true;
        }
        LocalTime start = from.get();
        LocalTime end = until.get();
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /**
     * The first instant at or after {@code at} when sending is allowed in a zone.
     *
     * @param at the time
     * @param zone the recipient's zone
     * @return {@code at} itself when allowed, else the next start of the window
     */
    public Instant nextAllowed(Instant at, ZoneId zone) {
        Arguments.notNull(at, "at");
        Arguments.notNull(zone, "zone");
        ZonedDateTime local = at.atZone(zone);
        if (allows(local.toLocalTime())) {
            return at;
        }
        LocalDate day = local.toLocalDate();
        for (int i = 0; i <= 2; i++) {
            // ZonedDateTime.of moves a time in a DST gap forward by the gap's length.
            Instant start =
                    ZonedDateTime.of(day.plusDays(i), from.orElseThrow(), zone).toInstant();
            if (!start.isBefore(at)) {
                return start;
            }
        }
        throw new IllegalStateException("no window start within two days"); // unreachable
    }

    @Override
    public String toString() {
        return from.isEmpty() ? "any time" : from.get() + "-" + until.get();
    }
}
