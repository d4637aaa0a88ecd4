package io.remotebank.signaling.sip.auth;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.signaling.SignalingError;
import io.remotebank.signaling.SignalingException;
import org.apiguardian.api.API;

/** A users file or a credential entry is malformed ({@code signaling.sip.credentials}). */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CredentialsException extends SignalingException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong (never a secret)
     * @param cause the underlying failure, or null
     */
    public CredentialsException(String message, Throwable cause) {
        super(SignalingError.SIP_CREDENTIALS, message, cause);
    }
}
