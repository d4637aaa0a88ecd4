package io.remotebank.core;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The contact centre's identifier of an agent (a staff or login id): 1-64
 * characters of {@code A-Z a-z 0-9 . _ : -}. It is pseudonymous and may appear in logs.
 *
 * <p>A value class rather than a record (the house style for values) so that it can carry its hash: a
 * routing engine finds an agent by its id in a table of every agent (10,000 and more) on each call, and a
 * record's hash reads the string each time, a cache miss per lookup at that size. Equal ids are equal and
 * hash alike, as a record's would.
 */
@API(status = STABLE, since = "0.1")
public final class AgentId implements Comparable<AgentId> {

    static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final String value;
    private final int hash;

    /**
     * Validates the identifier.
     *
     * @param value the identifier
     * @throws ValidationException with {@link CoreError#AGENT_ID_INVALID}
     */
    public AgentId(String value) {
        Arguments.notNull(value, "agent id");
        if (!SYNTAX.matcher(value).matches()) {
            throw new ValidationException(
                    CoreError.AGENT_ID_INVALID,
                    "agent id must be 1-64 characters of A-Z a-z 0-9 . _ : - (got " + value.length() + " characters)");
        }
        this.value = value;
        this.hash = value.hashCode();
    }

    /**
     * Parses an agent id.
     *
     * @param value the identifier
     * @return the agent id
     */
    public static AgentId of(String value) {
        return new AgentId(value);
    }

    /** The identifier. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof AgentId other && other.hash == hash && other.value.equals(value));
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(AgentId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
