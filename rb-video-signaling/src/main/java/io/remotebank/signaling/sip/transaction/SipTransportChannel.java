package io.remotebank.signaling.sip.transaction;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.signaling.sip.SipMessage;
import java.util.concurrent.CompletionStage;
import org.apiguardian.api.API;

/**
 * Where a transaction sends its messages: for a client transaction the next hop chosen by the
 * caller, for a server transaction the flow its request came on (the transport answers per RFC
 * 3261 18.2.2 and RFC 3581).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface SipTransportChannel {

    /** Whether the transport is reliable (TCP, TLS, WebSocket): no retransmissions then. */
    boolean reliable();

    /**
     * Sends a message.
     *
     * @param message the message
     * @return completes when it is written; completes exceptionally on a transport error, which
     *     ends the transaction that sent it
     */
    CompletionStage<Void> send(SipMessage message);
}
