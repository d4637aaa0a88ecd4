package io.remotebank.signaling.sip.registrar;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.signaling.SignalingError;
import io.remotebank.signaling.SignalingException;
import org.apiguardian.api.API;

/** A client registration failed ({@code signaling.sip.registration}): rejected, unanswered or unsendable. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RegistrationException extends SignalingException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;

    /**
     * Creates the exception.
     *
     * @param statusCode the final status received, 408 for a timeout, 503 for a transport error
     * @param message what happened
     * @param cause the underlying failure, or null
     */
    public RegistrationException(int statusCode, String message, Throwable cause) {
        super(SignalingError.SIP_REGISTRATION, message, cause);
        this.statusCode = statusCode;
    }

    /** The final status received (408 for a timeout, 503 for a transport error). */
    public int statusCode() {
        return statusCode;
    }
}
