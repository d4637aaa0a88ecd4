package io.remotebank.channels;

import static org.apiguardian.api.API.Status.STABLE;

import io.remotebank.core.Arguments;
import io.remotebank.core.ValidationException;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The caller's name for one message, unique per channel: sending a second message with the same key
 * on the same channel returns the first one's result and sends nothing. Use a business reference
 * ({@code otp:login:7f3a...}, {@code campaign-42:C1001}), never personal data.
 *
 * @param value 1-128 printable ASCII characters without spaces
 */
@API(status = STABLE, since = "0.1")
public record IdempotencyKey(String value) {

    private static final Pattern SYNTAX = Pattern.compile("[\\x21-\\x7e]{1,128}");

    /**
     * Validates the key.
     *
     * @throws ValidationException with {@link ChannelsError#ARGUMENT_INVALID}
     */
    public IdempotencyKey {
        Arguments.notNull(value, "idempotency key");
        if (!SYNTAX.matcher(value).matches()) {
            throw new ValidationException(
                    ChannelsError.ARGUMENT_INVALID,
                    "an idempotency key is 1-128 printable ASCII characters without spaces, got " + value.length()
                            + " characters");
        }
    }

    /**
     * A key.
     *
     * @param value the key
     * @return the key
     */
    public static IdempotencyKey of(String value) {
        return new IdempotencyKey(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
