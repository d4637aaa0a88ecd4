package io.remotebank.channels.policy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.ChannelsError;
import io.remotebank.core.Arguments;
import io.remotebank.core.ValidationException;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * At most {@code max} messages of a category to one recipient in any period of length {@code
 * window}. A new message is refused when {@code max} messages are already scheduled less than one
 * window before or after it, so no window anywhere ever holds more than {@code max}.
 *
 * @param max at most this many, 1 to 1,000,000
 * @param window the rolling window, 1 minute to 366 days
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record FrequencyCap(int max, Duration window) {

    /**
     * Validates the cap.
     *
     * @throws ValidationException with {@link ChannelsError#CONFIG_INVALID} naming the allowed range
     */
    public FrequencyCap {
        Arguments.notNull(window, "window");
        if (max < 1 || max > 1_000_000) {
            throw new ValidationException(
                    ChannelsError.CONFIG_INVALID, "a frequency cap allows 1 to 1,000,000 messages, got " + max);
        }
        if (window.compareTo(Duration.ofMinutes(1)) < 0 || window.compareTo(Duration.ofDays(366)) > 0) {
            throw new ValidationException(
                    ChannelsError.CONFIG_INVALID, "a frequency cap's window is 1 minute to 366 days, got " + window);
        }
    }

    /**
     * A cap.
     *
     * @param max at most this many
     * @param window in any window of this length
     * @return the cap
     */
    public static FrequencyCap of(int max, Duration window) {
        return new FrequencyCap(max, window);
    }

    @Override
    public String toString() {
        return max + " per " + window;
    }
}
