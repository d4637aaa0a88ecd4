package io.remotebank.routing.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.routing.RoutingError;
import io.remotebank.routing.RoutingException;
import java.time.Duration;
import org.apiguardian.api.API;

/** Argument checks that throw {@link RoutingError#ARGUMENT_INVALID}. */
@API(status = INTERNAL, since = "0.1")
public final class Args {

    private Args() {}

    /** Fails unless the value is non-null. */
    public static <T> T notNull(T value, String what) {
        if (value == null) {
            throw new RoutingException(RoutingError.ARGUMENT_INVALID, what + " must not be null");
        }
        return value;
    }

    /** Fails unless {@code min <= value <= max}. */
    public static int range(int value, int min, int max, String what) {
        if (value < min || value > max) {
            throw new RoutingException(
                    RoutingError.ARGUMENT_INVALID, what + " must be in [" + min + ", " + max + "] (got " + value + ")");
        }
        return value;
    }

    /** Whether the text is 1-64 characters of {@code A-Z a-z 0-9 . _ : -} (a hand-written check: ids are parsed per contact). */
    public static boolean isName(String value) {
        if (value == null || value.isEmpty() || value.length() > 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == ':'
                    || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Fails unless the name is 1-64 characters of {@code A-Z a-z 0-9 . _ : -}. */
    public static String name(String value, String what) {
        if (!isName(value)) {
            throw new RoutingException(
                    RoutingError.ARGUMENT_INVALID,
                    what + " must be 1-64 characters of A-Z a-z 0-9 . _ : - (got "
                            + (value == null ? "null" : "'" + value + "'") + ")");
        }
        return value;
    }

    /** Fails unless the duration is non-null and not negative; returns it in milliseconds. */
    public static Duration nonNegative(Duration value, String what) {
        notNull(value, what);
        if (value.isNegative()) {
            throw new RoutingException(
                    RoutingError.ARGUMENT_INVALID, what + " must not be negative (got " + value + ")");
        }
        return value;
    }

    /** Fails unless the duration is non-null and positive. */
    public static Duration positive(Duration value, String what) {
        notNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new RoutingException(RoutingError.ARGUMENT_INVALID, what + " must be positive (got " + value + ")");
        }
        return value;
    }
}
