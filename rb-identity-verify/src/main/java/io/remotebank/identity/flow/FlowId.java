package io.remotebank.identity.flow;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * A flow's id: 1-64 characters of {@code A-Z a-z 0-9 . _ -}.
 *
 * @param value the id
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record FlowId(String value) {

    /**
     * Validates the id.
     *
     * @throws IdentityException with {@link IdentityError#ARGUMENT_INVALID} for a malformed id
     */
    public FlowId {
        Arguments.notNull(value, "value");
        if (!value.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IdentityException(
                    IdentityError.ARGUMENT_INVALID, "a flow id is 1-64 characters of A-Z a-z 0-9 . _ -");
        }
    }

    /**
     * A flow id.
     *
     * @param value the id
     * @return the id
     */
    public static FlowId of(String value) {
        return new FlowId(value);
    }

    /** A random id. */
    public static FlowId random() {
        return new FlowId("kyc-" + UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value;
    }
}
