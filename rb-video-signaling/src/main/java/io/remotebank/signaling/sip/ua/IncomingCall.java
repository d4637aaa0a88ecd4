package io.remotebank.signaling.sip.ua;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.signaling.sip.SipRequest;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apiguardian.api.API;

/**
 * An INVITE that arrived at a {@link UserAgent}, to ring, accept or reject (RFC 3261 13.3). Once
 * accepted or rejected, further calls of {@link #ring()}, {@link #progress(String)}, {@link
 * #accept(String)} and {@link #reject(int, String)} throw {@link IllegalStateException}; after a
 * CANCEL they do nothing.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface IncomingCall {

    /** The INVITE. */
    SipRequest request();

    /** The SDP offer of the INVITE, if it has one. */
    Optional<String> offer();

    /** The call this INVITE makes: its dialog and operations once accepted. */
    Call call();

    /**
     * Sets what receives the call's events; call before accepting.
     *
     * @param listener the listener
     * @return this
     */
    IncomingCall listener(CallListener listener);

    /** Sends 180 (Ringing), which makes an early dialog. */
    void ring();

    /**
     * Sends 183 (Session Progress) with an SDP answer: early media.
     *
     * @param sdp the SDP answer
     */
    void progress(String sdp);

    /**
     * Sends 200 with the SDP answer, retransmitted over UDP until the ACK comes (RFC 3261
     * 13.3.1.4).
     *
     * @param sdp the SDP answer
     * @return completes with the call when the ACK arrives; fails with a {@link
     *     SipRequestFailedException} (408) when none comes within 64*T1 (the call then ends with a
     *     BYE)
     */
    CompletionStage<Call> accept(String sdp);

    /**
     * Sends a final failure response (300-699).
     *
     * @param status the status
     * @param reason the reason phrase
     */
    void reject(int status, String reason);
}
