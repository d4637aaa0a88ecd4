package io.remotebank.core;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The audit trail could not take an event, or a stored trail failed a check. Module rule: when
 * {@code AuditTrail.append} throws, the operation being audited has failed too.
 */
@API(status = STABLE, since = "0.1")
public class AuditException extends RbException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param code the stable code
     * @param message what went wrong
     */
    public AuditException(ErrorCode code, String message) {
        super(code, message, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param code the stable code
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public AuditException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
