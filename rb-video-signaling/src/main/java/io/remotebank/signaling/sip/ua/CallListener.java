package io.remotebank.signaling.sip.ua;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.signaling.sip.SipResponse;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What happens to a {@link Call}. Every method has a default; called on the transport's threads,
 * so an implementation must not block.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface CallListener {

    /** A listener that takes the defaults. */
    CallListener NONE = new CallListener() {};

    /**
     * A provisional response to this UAC's INVITE (180 Ringing; 183 Session Progress with an SDP
     * body is early media, also in {@link Call#remoteSdp()}).
     *
     * @param call the call
     * @param response the response
     */
    default void onProvisional(Call call, SipResponse response) {}

    /**
     * A new offer within the dialog: a re-INVITE or an UPDATE (RFC 3311) with an SDP body.
     *
     * @param call the call
     * @param offer the SDP offer
     * @return the SDP answer, or empty to refuse it with 488 (the default)
     */
    default Optional<String> onOffer(Call call, String offer) {
        return Optional.empty();
    }

    /**
     * An INFO (RFC 6086; DTMF as {@link Dtmf}) or MESSAGE (RFC 3428) within the dialog. The default
     * answers 200.
     *
     * @param call the call
     * @param request the request; answer it once
     */
    default void onRequest(Call call, IncomingRequest request) {
        request.respond(200, "OK");
    }

    /**
     * The call ended; its dialog is released.
     *
     * @param call the call
     * @param reason why
     */
    default void onEnded(Call call, EndReason reason) {}
}
