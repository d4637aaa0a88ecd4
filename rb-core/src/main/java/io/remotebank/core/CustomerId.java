package io.remotebank.core;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The bank's identifier of a customer (a party id or CIF number, never an ID-card number): 1-64
 * characters of {@code A-Z a-z 0-9 . _ : -}. It is pseudonymous and may appear in logs.
 *
 * @param value the identifier
 */
@API(status = STABLE, since = "0.1")
public record CustomerId(String value) implements Comparable<CustomerId> {

    static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /**
     * Validates the identifier.
     *
     * @throws ValidationException with {@link CoreError#CUSTOMER_ID_INVALID}
     */
    public CustomerId {
        Arguments.notNull(value, "customer id");
        if (!SYNTAX.matcher(value).matches()) {
            throw new ValidationException(
                    CoreError.CUSTOMER_ID_INVALID,
                    "customer id must be 1-64 characters of A-Z a-z 0-9 . _ : - (got " + value.length()
                            + " characters)");
        }
    }

    /**
     * Parses a customer id.
     *
     * @param value the identifier
     * @return the customer id
     */
    public static CustomerId of(String value) {
        return new CustomerId(value);
    }

    @Override
    public int compareTo(CustomerId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
