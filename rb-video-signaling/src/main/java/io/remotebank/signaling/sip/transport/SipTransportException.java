package io.remotebank.signaling.sip.transport;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.signaling.SignalingError;
import io.remotebank.signaling.SignalingException;
import org.apiguardian.api.API;

/**
 * A SIP transport could not bind, connect or send ({@code signaling.sip.transport}), or a TLS
 * certificate or key cannot be made, read or used ({@code signaling.sip.tls}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SipTransportException extends SignalingException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause the underlying I/O error, or null
     */
    public SipTransportException(String message, Throwable cause) {
        this(SignalingError.SIP_TRANSPORT, message, cause);
    }

    /**
     * Creates the exception with another code of the transport ({@code signaling.sip.tls}).
     *
     * @param code the error code
     * @param message what failed
     * @param cause the underlying error, or null
     */
    public SipTransportException(SignalingError code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
