package io.remotebank.signaling;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.ErrorCode;
import io.remotebank.signaling.sdp.SdpParseException;
import io.remotebank.signaling.sip.DigestException;
import io.remotebank.signaling.sip.SipParseException;
import io.remotebank.signaling.sip.auth.CredentialsException;
import io.remotebank.signaling.sip.registrar.RegistrationException;
import io.remotebank.signaling.sip.transport.SipTransportException;
import io.remotebank.signaling.sip.ua.SipRequestFailedException;
import org.apiguardian.api.API;

/**
 * The error codes of rb-video-signaling, each with the one {@link SignalingException} subclass it is
 * thrown with; {@code docs/rb-video-signaling.md} lists each one.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum SignalingError implements ErrorCode {
    /** A SIP message breaks the RFC 3261 grammar. */
    SIP_MALFORMED("signaling.sip.malformed", "A SIP message breaks the RFC 3261 grammar.", SipParseException.class),
    /** A SIP message is well formed but lacks a header field or value RFC 3261 requires. */
    SIP_INCOMPLETE(
            "signaling.sip.incomplete", "A SIP message lacks a mandatory header field.", SipParseException.class),
    /** A SIP message names a protocol version other than SIP/2.0. */
    SIP_VERSION(
            "signaling.sip.version-unsupported",
            "A SIP message names a version other than SIP/2.0.",
            SipParseException.class),
    /** A SIP message exceeds a configured limit (size, header count, line length). */
    SIP_TOO_LARGE(
            "signaling.sip.too-large",
            "A SIP message exceeds a configured size, header or line limit.",
            SipParseException.class),
    /** A URI scheme the element cannot handle. */
    SIP_URI_SCHEME(
            "signaling.sip.uri-scheme",
            "A Request-URI uses a scheme the element does not support.",
            SipParseException.class),
    /** A SIP transport could not bind, connect or send. */
    SIP_TRANSPORT(
            "signaling.sip.transport", "A SIP transport could not bind, connect or send.", SipTransportException.class),
    /** A SIP request got no usable final response: a failure status, a timeout or a transport error. */
    SIP_REQUEST_FAILED(
            "signaling.sip.request-failed",
            "A SIP request failed: a failure response, no response in time, or a transport error.",
            SipRequestFailedException.class),
    /** A users file or credential entry is malformed (digest HA1 store). */
    SIP_CREDENTIALS(
            "signaling.sip.credentials", "A users file or credential entry is malformed.", CredentialsException.class),
    /** A client registration failed: rejected, timed out or could not be sent. */
    SIP_REGISTRATION(
            "signaling.sip.registration",
            "A client registration was rejected or got no answer.",
            RegistrationException.class),
    /** A TLS certificate or private key cannot be made, read or used. */
    SIP_TLS(
            "signaling.sip.tls",
            "A TLS certificate or private key cannot be made, read or used.",
            SipTransportException.class),
    /** An SDP session description breaks the RFC 8866 grammar. */
    SDP_MALFORMED(
            "signaling.sdp.malformed",
            "An SDP session description breaks the RFC 8866 grammar.",
            SdpParseException.class),
    /** An offer cannot be answered. */
    SDP_NEGOTIATION(
            "signaling.sdp.negotiation", "An SDP offer cannot be answered (no common media).", SdpParseException.class),
    /** A digest computation was asked with unusable input. */
    DIGEST_INVALID(
            "signaling.digest.invalid",
            "A digest computation got an unknown algorithm or missing input.",
            DigestException.class);

    private final String code;
    private final String meaning;
    private final Class<? extends SignalingException> exceptionType;

    SignalingError(String code, String meaning, Class<? extends SignalingException> exceptionType) {
        this.code = code;
        this.meaning = meaning;
        this.exceptionType = exceptionType;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String meaning() {
        return meaning;
    }

    @Override
    public Class<? extends SignalingException> exceptionType() {
        return exceptionType;
    }
}
