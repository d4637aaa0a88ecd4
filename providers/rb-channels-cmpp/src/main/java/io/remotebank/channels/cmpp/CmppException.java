package io.remotebank.channels.cmpp;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.RbException;
import org.apiguardian.api.API;

/**
 * Something went wrong in the CMPP codec: a malformed PDU, a value that does not fit, text that
 * cannot be encoded. Messages name the field, never its content (terminal ids and message text are
 * personal data).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class CmppException extends RbException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param code what went wrong
     * @param message the details, without secrets or personal data
     */
    public CmppException(CmppError code, String message) {
        super(code, message, null);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param code what went wrong
     * @param message the details, without secrets or personal data
     * @param cause the underlying failure
     */
    public CmppException(CmppError code, String message, Throwable cause) {
        super(code, message, cause);
    }

    @Override
    public CmppError code() {
        return (CmppError) super.code();
    }
}
