package io.remotebank.core;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The contact centre's identifier of an agent (a staff or login id): 1-64
 * characters of {@code A-Z a-z 0-9 . _ : -}. It is pseudonymous and may appear in logs.
 *
 * @param value the identifier
 */
@API(status = STABLE, since = "0.1")
public record AgentId(String value) implements Comparable<AgentId> {

    static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /**
     * Validates the identifier.
     *
     * @throws ValidationException with {@link CoreError#AGENT_ID_INVALID}
     */
    public AgentId {
        Arguments.notNull(value, "agent id");
        if (!SYNTAX.matcher(value).matches()) {
            throw new ValidationException(
                    CoreError.AGENT_ID_INVALID,
                    "agent id must be 1-64 characters of A-Z a-z 0-9 . _ : - (got " + value.length() + " characters)");
        }
    }

    /**
     * Parses a agent id.
     *
     * @param value the identifier
     * @return the agent id
     */
    public static AgentId of(String value) {
        return new AgentId(value);
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
