package io.remotebank.core;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** A service provider is missing or cannot be loaded. */
@API(status = STABLE, since = "0.1")
public class SpiException extends RbException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param code the stable code
     * @param message what went wrong
     */
    public SpiException(ErrorCode code, String message) {
        super(code, message, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param code the stable code
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public SpiException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
