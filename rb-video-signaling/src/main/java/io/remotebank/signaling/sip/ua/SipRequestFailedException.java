package io.remotebank.signaling.sip.ua;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.signaling.SignalingError;
import io.remotebank.signaling.SignalingException;
import io.remotebank.signaling.sip.SipResponse;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A request of a user agent failed: a final response other than 2xx where one was needed, no
 * response before the transaction timed out (treated as 408, RFC 3261 8.1.3.1), or a transport
 * error (treated as 503). The message names the status only, never a URI.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SipRequestFailedException extends SignalingException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final transient SipResponse response;

    /**
     * Creates the exception.
     *
     * @param method the method of the failed request
     * @param statusCode the final status, or 408 / 503 for a timeout / transport error
     * @param response the response, or null when none came
     * @param cause the transport error, or null
     */
    public SipRequestFailedException(String method, int statusCode, SipResponse response, Throwable cause) {
        super(
                SignalingError.SIP_REQUEST_FAILED,
                method + " failed with " + statusCode
                        + (response == null ? " (no response)" : " " + response.reasonPhrase()),
                cause);
        this.statusCode = statusCode;
        this.response = response;
    }

    /** The final status (408 for a timeout, 503 for a transport error when no response came). */
    public int statusCode() {
        return statusCode;
    }

    /** The failure response, when one came. */
    public Optional<SipResponse> response() {
        return Optional.ofNullable(response);
    }
}
