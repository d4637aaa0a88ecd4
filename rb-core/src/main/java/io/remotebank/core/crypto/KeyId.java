package io.remotebank.core.crypto;

import static org.apiguardian.api.API.Status.STABLE;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The name of a key in a {@link io.remotebank.core.spi.KeyProvider}: 1-200 characters of {@code
 * A-Z a-z 0-9 . _ : / -}, e.g. {@code audit/signer/2026} or {@code subject/C1001/v2}.
 *
 * @param value the name
 */
@API(status = STABLE, since = "0.1")
public record KeyId(String value) implements Comparable<KeyId> {

    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9._:/-]{1,200}");

    /**
     * Validates the name.
     *
     * @throws ValidationException with {@link CoreError#ARGUMENT_INVALID}
     */
    public KeyId {
        Arguments.notNull(value, "key id");
        if (!SYNTAX.matcher(value).matches()) {
            throw new ValidationException(
                    CoreError.ARGUMENT_INVALID,
                    "a key id is 1-200 characters of A-Z a-z 0-9 . _ : / -, got '" + value + "'");
        }
    }

    /**
     * A key id.
     *
     * @param value the name
     * @return the id
     */
    public static KeyId of(String value) {
        return new KeyId(value);
    }

    @Override
    public int compareTo(KeyId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
