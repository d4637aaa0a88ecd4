package io.remotebank.core;

import static org.apiguardian.api.API.Status.STABLE;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Ties together what one piece of business did across modules (a video KYC session, a message and
 * its receipts, a call): 8-128 characters of {@code A-Z a-z 0-9 . _ -}. Carried into audit events
 * and logs.
 *
 * @param value the identifier
 */
@API(status = STABLE, since = "0.1")
public record CorrelationId(String value) {

    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9._-]{8,128}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Validates the identifier.
     *
     * @throws ValidationException with {@link CoreError#CORRELATION_ID_INVALID}
     */
    public CorrelationId {
        Arguments.notNull(value, "correlation id");
        if (!SYNTAX.matcher(value).matches()) {
            throw new ValidationException(
                    CoreError.CORRELATION_ID_INVALID,
                    "correlation id must be 8-128 characters of A-Z a-z 0-9 . _ - (got " + value.length()
                            + " characters)");
        }
    }

    /**
     * Parses a correlation id received from elsewhere.
     *
     * @param value the identifier
     * @return the correlation id
     */
    public static CorrelationId of(String value) {
        return new CorrelationId(value);
    }

    /** A new, unpredictable correlation id: 128 random bits as 32 hex digits. */
    public static CorrelationId random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new CorrelationId(HexFormat.of().formatHex(bytes));
    }

    @Override
    public String toString() {
        return value;
    }
}
