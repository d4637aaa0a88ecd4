package io.remotebank.signaling.sip;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.signaling.SignalingError;
import io.remotebank.signaling.SignalingException;
import org.apiguardian.api.API;

/** A digest computation got an unknown algorithm or missing input. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class DigestException extends SignalingException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param code the code
     * @param message what is wrong
     */
    public DigestException(SignalingError code, String message) {
        super(code, message, null);
    }
}
