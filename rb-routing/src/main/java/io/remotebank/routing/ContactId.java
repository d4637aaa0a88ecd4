package io.remotebank.routing;

import static org.apiguardian.api.API.Status.STABLE;

import io.remotebank.routing.internal.Args;
import org.apiguardian.api.API;

/**
 * The identifier of a contact: 1-64 characters of {@code A-Z a-z 0-9 . _ : -}. It is pseudonymous and may
 * appear in logs.
 *
 * <p>A value class rather than a record (the house style for values) so that it can carry its hash: the
 * engine finds a contact by its id in a table of every live contact (100,000 and more), and a record's
 * hash reads the string each time, a cache miss per lookup at that size. Equal ids are equal and hash
 * alike, as a record's would.
 */
@API(status = STABLE, since = "0.1")
public final class ContactId implements Comparable<ContactId> {

    private final String value;
    private final int hash;

    /**
     * Validates the identifier.
     *
     * @param value the identifier
     * @throws RoutingException with {@link RoutingError#ARGUMENT_INVALID}
     */
    public ContactId(String value) {
        if (!Args.isName(value)) {
            throw new RoutingException(
                    RoutingError.ARGUMENT_INVALID,
                    "contact id must be 1-64 characters of A-Z a-z 0-9 . _ : -"
                            + (value == null ? " (got null)" : " (got " + value.length() + " characters)"));
        }
        this.value = value;
        this.hash = value.hashCode();
    }

    /**
     * Parses a contact id.
     *
     * @param value the identifier
     * @return the id
     */
    public static ContactId of(String value) {
        return new ContactId(value);
    }

    /** The identifier. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof ContactId other && other.hash == hash && other.value.equals(value));
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(ContactId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
