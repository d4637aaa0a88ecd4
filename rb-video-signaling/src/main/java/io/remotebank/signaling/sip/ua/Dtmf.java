package io.remotebank.signaling.sip.ua;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import java.time.Duration;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * A DTMF event carried in an INFO request as {@code application/dtmf-relay} (RFC 6086 legacy usage,
 * the de-facto format: {@code Signal=5} and {@code Duration=160} lines, duration in milliseconds).
 *
 * @param signal one of {@code 0-9 * # A-D}
 * @param duration how long the key is held, 1 ms to 10 s
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Dtmf(char signal, Duration duration) {

    /** The content type of the body. */
    public static final String CONTENT_TYPE = "application/dtmf-relay";

    private static final String SIGNALS = "0123456789*#ABCD";

    /** Checks the signal and the duration. */
    public Dtmf {
        signal = Character.toUpperCase(signal);
        if (SIGNALS.indexOf(signal) < 0) {
            throw new ValidationException(
                    CoreError.ARGUMENT_INVALID, "a DTMF signal is one of 0-9 * # A-D, not '" + signal + "'");
        }
        Arguments.notNull(duration, "duration");
        if (duration.toMillis() < 1 || duration.toMillis() > 10_000) {
            throw new ValidationException(
                    CoreError.ARGUMENT_INVALID, "a DTMF duration is 1 ms to 10 s, not " + duration.toMillis() + " ms");
        }
    }

    /**
     * The body of the INFO request.
     *
     * @return {@code Signal=...} and {@code Duration=...}, CRLF-terminated
     */
    public String toBody() {
        return "Signal=" + signal + "\r\nDuration=" + duration.toMillis() + "\r\n";
    }

    /**
     * Reads an {@code application/dtmf-relay} body. Keys are case-insensitive; a missing Duration
     * means 250 ms.
     *
     * @param body the body
     * @return the event
     * @throws ValidationException when there is no valid Signal or the Duration is not a number
     *     in range
     */
    public static Dtmf parse(String body) {
        Character signal = null;
        long millis = 250;
        for (String line : body.split("\r?\n")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).strip();
            if (key.equals("signal")) {
                if (value.length() != 1) {
                    throw new ValidationException(CoreError.ARGUMENT_INVALID, "the Signal must be one character");
                }
                signal = value.charAt(0);
            } else if (key.equals("duration")) {
                try {
                    millis = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new ValidationException(
                            CoreError.ARGUMENT_INVALID, "the Duration is not a number of milliseconds", e);
                }
            }
        }
        if (signal == null) {
            throw new ValidationException(CoreError.ARGUMENT_INVALID, "no Signal in the dtmf-relay body");
        }
        return new Dtmf(signal, Duration.ofMillis(millis));
    }
}
