package io.remotebank.signaling.webrtc;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.signaling.SignalingError;
import io.remotebank.signaling.SignalingException;
import org.apiguardian.api.API;

/**
 * A WebRTC signaling failure: a protocol error the server answers with an {@code error} message
 * carrying {@link #code()} (see {@code docs/rb-video-signaling-webrtc.md}), or a server that cannot
 * start ({@code signaling.webrtc.server}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class WebRtcSignalingException extends SignalingException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param code one of the {@code signaling.webrtc.*} codes
     * @param message what went wrong, for people (no personal data)
     * @param cause the underlying failure, or null
     */
    public WebRtcSignalingException(SignalingError code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
