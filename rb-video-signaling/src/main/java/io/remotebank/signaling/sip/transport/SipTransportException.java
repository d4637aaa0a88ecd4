package io.remotebank.signaling.sip.transport;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.RbException;
import io.remotebank.signaling.SignalingError;
import org.apiguardian.api.API;

/** A SIP transport could not bind, connect or send ({@code signaling.sip.transport}). */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SipTransportException extends RbException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause the underlying I/O error, or null
     */
    public SipTransportException(String message, Throwable cause) {
        super(SignalingError.SIP_TRANSPORT, message, cause);
    }
}
