package io.remotebank.channels;

import static org.apiguardian.api.API.Status.STABLE;

import io.remotebank.core.Arguments;
import io.remotebank.core.ValidationException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The outbox's id of a message, given when it is sent; providers receive it as their de-duplication
 * key.
 *
 * @param value 8-64 characters of {@code A-Z a-z 0-9 . _ -}
 */
@API(status = STABLE, since = "0.1")
public record MessageId(String value) {

    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    /**
     * Validates the id.
     *
     * @throws ValidationException with {@link ChannelsError#ARGUMENT_INVALID}
     */
    public MessageId {
        Arguments.notNull(value, "message id");
        if (!SYNTAX.matcher(value).matches()) {
            throw new ValidationException(
                    ChannelsError.ARGUMENT_INVALID, "a message id is 8-64 characters of A-Z a-z 0-9 . _ -");
        }
    }

    /**
     * An id.
     *
     * @param value the id
     * @return the id
     */
    public static MessageId of(String value) {
        return new MessageId(value);
    }

    /** A new random id (a random UUID). */
    public static MessageId random() {
        return new MessageId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
