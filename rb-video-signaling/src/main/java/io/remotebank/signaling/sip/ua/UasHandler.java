package io.remotebank.signaling.sip.ua;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What a {@link UserAgent} does with what it receives outside a dialog once the request passed the
 * checks of RFC 3261 8.2 (OPTIONS, CANCEL and requests that need a dialog are answered by the user
 * agent itself). Called on the transport's threads: do not block.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface UasHandler {

    /** Refuses every call with 480 (Temporarily Unavailable) and every other request with 405. */
    UasHandler REFUSE_ALL = call -> call.reject(480, "Temporarily Unavailable");

    /**
     * A new INVITE: ring, send early media, accept or reject it.
     *
     * @param call the incoming call
     */
    void onInvite(IncomingCall call);

    /**
     * Another request outside a dialog: MESSAGE (RFC 3428; the default answers 200) or a method
     * the user agent does not handle itself, such as REGISTER (the default answers 405 with
     * Allow).
     *
     * @param request the request; answer it once
     */
    default void onRequest(IncomingRequest request) {
        if (request.request().method().equals("MESSAGE")) {
            request.respond(200, "OK");
        } else {
            request.respond(request.response(405, "Method Not Allowed").header("Allow", UserAgent.ALLOW));
        }
    }
}
