package io.remotebank.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Collection;
import org.apiguardian.api.API;

/**
 * Argument checks that fail with a {@link ValidationException} and a stable code, for the SDK's
 * modules and for SPI implementations that want the same behaviour.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Arguments {

    private Arguments() {}

    /**
     * Checks that a value is present.
     *
     * @param value the value
     * @param name the argument's name, used in the message
     * @param <T> its type
     * @return the value
     * @throws ValidationException with {@link CoreError#ARGUMENT_MISSING} when it is null
     */
    public static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new ValidationException(CoreError.ARGUMENT_MISSING, name + " is required");
        }
        return value;
    }

    /**
     * Checks that a string is present and not blank.
     *
     * @param value the value
     * @param name the argument's name
     * @return the value
     * @throws ValidationException with {@link CoreError#ARGUMENT_MISSING} when null or blank
     */
    public static String notBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(CoreError.ARGUMENT_MISSING, name + " is required and must not be blank");
        }
        return value;
    }

    /**
     * Checks that a collection and each of its elements are present.
     *
     * @param values the collection
     * @param name the argument's name
     * @param <C> its type
     * @return the collection
     * @throws ValidationException with {@link CoreError#ARGUMENT_MISSING} when it or an element is null
     */
    public static <C extends Collection<?>> C noNulls(C values, String name) {
        notNull(values, name);
        int i = 0;
        for (Object value : values) {
            if (value == null) {
                throw new ValidationException(CoreError.ARGUMENT_MISSING, name + "[" + i + "] is null");
            }
            i++;
        }
        return values;
    }

    /**
     * Checks that a number lies in a closed range.
     *
     * @param value the value
     * @param min the smallest allowed
     * @param max the largest allowed
     * @param name the argument's name
     * @return the value
     * @throws ValidationException with {@link CoreError#ARGUMENT_INVALID} naming the value and range
     */
    public static long inRange(long value, long min, long max, String name) {
        if (value < min || value > max) {
            throw new ValidationException(
                    CoreError.ARGUMENT_INVALID, name + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    /**
     * Checks that a byte array is present and has an allowed length.
     *
     * @param value the bytes
     * @param min the smallest allowed length
     * @param max the largest allowed length
     * @param name the argument's name
     * @return the bytes (not copied)
     */
    public static byte[] length(byte[] value, int min, int max, String name) {
        notNull(value, name);
        if (value.length < min || value.length > max) {
            throw new ValidationException(
                    CoreError.ARGUMENT_INVALID,
                    name + " must be " + (min == max ? min : min + " to " + max) + " bytes long, got " + value.length);
        }
        return value;
    }

    /**
     * Checks that a duration is present and longer than zero.
     *
     * @param value the duration
     * @param name the argument's name
     * @return the duration
     * @throws ValidationException with {@link CoreError#ARGUMENT_MISSING} when null, {@link
     *     CoreError#ARGUMENT_INVALID} when zero or negative
     */
    public static Duration positive(Duration value, String name) {
        notNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new ValidationException(CoreError.ARGUMENT_INVALID, name + " must be positive, got " + value);
        }
        return value;
    }

    /**
     * Checks that a duration is present and not negative.
     *
     * @param value the duration
     * @param name the argument's name
     * @return the duration
     * @throws ValidationException with {@link CoreError#ARGUMENT_MISSING} when null, {@link
     *     CoreError#ARGUMENT_INVALID} when negative
     */
    public static Duration notNegative(Duration value, String name) {
        notNull(value, name);
        if (value.isNegative()) {
            throw new ValidationException(CoreError.ARGUMENT_INVALID, name + " must be zero or more, got " + value);
        }
        return value;
    }
}
