package io.remotebank.identity;

import static org.apiguardian.api.API.Status.STABLE;

import io.remotebank.core.RbException;
import org.apiguardian.api.API;

/**
 * A failure of remote identity verification, with an {@link IdentityError} code. Messages never
 * hold personal data.
 */
@API(status = STABLE, since = "0.1")
public class IdentityException extends RbException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param code the stable code
     * @param message what went wrong, without personal data
     */
    public IdentityException(IdentityError code, String message) {
        super(code, message, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param code the stable code
     * @param message what went wrong, without personal data
     * @param cause the underlying failure
     */
    public IdentityException(IdentityError code, String message, Throwable cause) {
        super(code, message, cause);
    }

    /** The identity error code. */
    public IdentityError error() {
        return (IdentityError) code();
    }
}
