package io.remotebank.channels.smpp;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.RbException;
import org.apiguardian.api.API;

/** Something went wrong in the SMPP client, codec or simulator. */
@API(status = EXPERIMENTAL, since = "0.1")
public class SmppException extends RbException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param code what went wrong
     * @param message the details, without secrets or personal data
     */
    public SmppException(SmppError code, String message) {
        super(code, message, null);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param code what went wrong
     * @param message the details, without secrets or personal data
     * @param cause the underlying failure
     */
    public SmppException(SmppError code, String message, Throwable cause) {
        super(code, message, cause);
    }

    @Override
    public SmppError code() {
        return (SmppError) super.code();
    }
}
