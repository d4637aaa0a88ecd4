package io.remotebank.signaling.webrtc;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.signaling.SignalingError;
import io.remotebank.signaling.SignalingException;
import org.apiguardian.api.API;

/**
 * A join token refused: malformed, badly signed, expired, for another room or role, or replayed; each
 * with its own {@code signaling.token.*} code, which the server sends back in the {@code error}
 * message of the refused join.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class JoinTokenException extends SignalingException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param code one of the {@code signaling.token.*} codes
     * @param message what went wrong, for people (never the token itself)
     * @param cause the underlying failure, or null
     */
    public JoinTokenException(SignalingError code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
