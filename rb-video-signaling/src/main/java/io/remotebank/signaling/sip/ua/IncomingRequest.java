package io.remotebank.signaling.sip.ua;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import org.apiguardian.api.API;

/** A request a {@link UserAgent} received, to answer once with a final response. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface IncomingRequest {

    /** The request. */
    SipRequest request();

    /**
     * A response builder with the fields RFC 3261 8.2.6.2 copies and, outside a dialog, a To tag.
     *
     * @param status 100-699
     * @param reason the reason phrase
     * @return the builder, to add fields and a body to before {@link #respond(SipResponse.Builder)}
     */
    SipResponse.Builder response(int status, String reason);

    /**
     * Sends a response built by {@link #response(int, String)}.
     *
     * @param response the response
     */
    void respond(SipResponse.Builder response);

    /**
     * Sends a response without a body.
     *
     * @param status 100-699
     * @param reason the reason phrase
     */
    default void respond(int status, String reason) {
        respond(response(status, reason));
    }
}
