package io.remotebank.routing;

import static org.apiguardian.api.API.Status.STABLE;

import io.remotebank.core.RbException;
import org.apiguardian.api.API;

/**
 * A routing operation was refused. The engine's state is exactly what it was before the call: every
 * operation validates everything before it changes anything.
 */
@API(status = STABLE, since = "0.1")
public class RoutingException extends RbException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param code what went wrong
     * @param message the details, for people
     */
    public RoutingException(RoutingError code, String message) {
        super(code, message, null);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param code what went wrong
     * @param message the details, for people
     * @param cause the underlying failure
     */
    public RoutingException(RoutingError code, String message, Throwable cause) {
        super(code, message, cause);
    }

    @Override
    public RoutingError code() {
        return (RoutingError) super.code();
    }
}
