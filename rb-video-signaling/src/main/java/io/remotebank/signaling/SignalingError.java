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
import io.remotebank.signaling.webrtc.JoinTokenException;
import io.remotebank.signaling.webrtc.WebRtcSignalingException;
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
            DigestException.class),
    /** A WebRTC signaling message is not JSON, not an object, or lacks a field or has one of the wrong type. */
    WEBRTC_MALFORMED(
            "signaling.webrtc.malformed",
            "A WebRTC signaling message is not a JSON object of the protocol's shape.",
            WebRtcSignalingException.class),
    /** A join names a protocol version the server does not speak. */
    WEBRTC_VERSION(
            "signaling.webrtc.version-unsupported",
            "A join names a protocol version the server does not speak.",
            WebRtcSignalingException.class),
    /** A message type the protocol does not have. */
    WEBRTC_UNKNOWN_TYPE(
            "signaling.webrtc.unknown-type",
            "A message has a type the protocol does not have.",
            WebRtcSignalingException.class),
    /** A message that needs a joined session came before the join (or after the leave). */
    WEBRTC_NOT_JOINED(
            "signaling.webrtc.not-joined",
            "A message that needs a joined session came before join or resume.",
            WebRtcSignalingException.class),
    /** A join or resume on a connection that already carries a session. */
    WEBRTC_ALREADY_JOINED(
            "signaling.webrtc.already-joined",
            "A join or resume came on a connection that already carries a session.",
            WebRtcSignalingException.class),
    /** The participant of a join is already in the room. */
    WEBRTC_PARTICIPANT_PRESENT(
            "signaling.webrtc.participant-present",
            "The participant of a join is already in the room.",
            WebRtcSignalingException.class),
    /** A message names a participant who is not in the room. */
    WEBRTC_UNKNOWN_PARTICIPANT(
            "signaling.webrtc.unknown-participant",
            "A message names a participant who is not in the room.",
            WebRtcSignalingException.class),
    /** The sender's role lacks the permission the message needs. */
    WEBRTC_FORBIDDEN(
            "signaling.webrtc.forbidden",
            "The sender's role lacks the permission the message needs.",
            WebRtcSignalingException.class),
    /** More ICE candidates are held for a peer (waiting for a description) than the server keeps. */
    WEBRTC_CANDIDATES_OVERFLOW(
            "signaling.webrtc.candidates-overflow",
            "More ICE candidates wait for a remote description than the server holds.",
            WebRtcSignalingException.class),
    /** A client sends messages faster than its rate limit. */
    WEBRTC_RATE_LIMITED(
            "signaling.webrtc.rate-limited",
            "A client sends messages faster than its rate limit.",
            WebRtcSignalingException.class),
    /** A resume names a session that ended or whose resume window has passed. */
    WEBRTC_RESUME_EXPIRED(
            "signaling.webrtc.resume-expired",
            "A resume names a session that ended or whose resume window passed.",
            WebRtcSignalingException.class),
    /** A resume asks for messages older than the server still holds: they cannot be replayed. */
    WEBRTC_RESUME_GAP(
            "signaling.webrtc.resume-gap",
            "A resume asks for messages older than the replay buffer holds.",
            WebRtcSignalingException.class),
    /** The WebRTC signaling server could not bind or be configured. */
    WEBRTC_SERVER(
            "signaling.webrtc.server",
            "The WebRTC signaling server could not bind its port or use its TLS context.",
            WebRtcSignalingException.class),
    /** A join token is not a JWT the server can read, or lacks a claim. */
    TOKEN_MALFORMED(
            "signaling.token.malformed",
            "A join token is not a readable JWT or lacks a required claim.",
            JoinTokenException.class),
    /** A join token's signature does not verify, or it uses an algorithm the server does not accept. */
    TOKEN_BAD_SIGNATURE(
            "signaling.token.bad-signature",
            "A join token's signature does not verify with the server's key.",
            JoinTokenException.class),
    /** A join token's expiry has passed. */
    TOKEN_EXPIRED("signaling.token.expired", "A join token has expired.", JoinTokenException.class),
    /** A join token was issued for another room. */
    TOKEN_WRONG_ROOM(
            "signaling.token.wrong-room", "A join token was issued for another room.", JoinTokenException.class),
    /** A join token was issued for another role. */
    TOKEN_WRONG_ROLE(
            "signaling.token.wrong-role", "A join token was issued for another role.", JoinTokenException.class),
    /** A join token (its jti) was already used for a join. */
    TOKEN_REPLAYED("signaling.token.replayed", "A join token was already used.", JoinTokenException.class);

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
