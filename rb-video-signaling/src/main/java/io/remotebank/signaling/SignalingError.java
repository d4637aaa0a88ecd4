package io.remotebank.signaling;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.ErrorCode;
import org.apiguardian.api.API;

/** The error codes of rb-video-signaling; {@code docs/rb-video-signaling.md} lists each one. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum SignalingError implements ErrorCode {
    /** A SIP message breaks the RFC 3261 grammar. */
    SIP_MALFORMED("signaling.sip.malformed", "A SIP message breaks the RFC 3261 grammar."),
    /** A SIP message is well formed but lacks a header field or value RFC 3261 requires. */
    SIP_INCOMPLETE("signaling.sip.incomplete", "A SIP message lacks a mandatory header field."),
    /** A SIP message names a protocol version other than SIP/2.0. */
    SIP_VERSION("signaling.sip.version-unsupported", "A SIP message names a version other than SIP/2.0."),
    /** A SIP message exceeds a configured limit (size, header count, line length). */
    SIP_TOO_LARGE("signaling.sip.too-large", "A SIP message exceeds a configured size, header or line limit."),
    /** A URI scheme the element cannot handle. */
    SIP_URI_SCHEME("signaling.sip.uri-scheme", "A Request-URI uses a scheme the element does not support."),
    /** A SIP transport could not bind, connect or send. */
    SIP_TRANSPORT("signaling.sip.transport", "A SIP transport could not bind, connect or send."),
    /** A SIP request got no usable final response: a failure status, a timeout or a transport error. */
    SIP_REQUEST_FAILED(
            "signaling.sip.request-failed",
            "A SIP request failed: a failure response, no response in time, or a transport error."),
    /** An SDP session description breaks the RFC 8866 grammar. */
    SDP_MALFORMED("signaling.sdp.malformed", "An SDP session description breaks the RFC 8866 grammar."),
    /** An offer cannot be answered. */
    SDP_NEGOTIATION("signaling.sdp.negotiation", "An SDP offer cannot be answered (no common media)."),
    /** A digest computation was asked with unusable input. */
    DIGEST_INVALID("signaling.digest.invalid", "A digest computation got an unknown algorithm or missing input.");

    private final String code;
    private final String meaning;

    SignalingError(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
