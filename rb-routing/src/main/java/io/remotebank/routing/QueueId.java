package io.remotebank.routing;

import static org.apiguardian.api.API.Status.STABLE;

import io.remotebank.routing.internal.Args;
import org.apiguardian.api.API;

/**
 * The identifier of a queue: 1-64 characters of {@code A-Z a-z 0-9 . _ : -}. It is pseudonymous and may
 * appear in logs.
 *
 * @param value the identifier
 */
@API(status = STABLE, since = "0.1")
public record QueueId(String value) implements Comparable<QueueId> {

    /**
     * Validates the identifier.
     *
     * @throws RoutingException with {@link RoutingError#ARGUMENT_INVALID}
     */
    public QueueId {
        if (!Args.isName(value)) {
            throw new RoutingException(
                    RoutingError.ARGUMENT_INVALID,
                    "queue id must be 1-64 characters of A-Z a-z 0-9 . _ : -"
                            + (value == null ? " (got null)" : " (got " + value.length() + " characters)"));
        }
    }

    /**
     * Parses a queue id.
     *
     * @param value the identifier
     * @return the id
     */
    public static QueueId of(String value) {
        return new QueueId(value);
    }

    @Override
    public int compareTo(QueueId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
