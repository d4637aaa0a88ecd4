package io.remotebank.core;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** A consent record is invalid. */
@API(status = STABLE, since = "0.1")
public class ConsentException extends RbException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param code the stable code
     * @param message what went wrong
     */
    public ConsentException(ErrorCode code, String message) {
        super(code, message, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param code the stable code
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public ConsentException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
