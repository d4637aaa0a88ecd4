package io.remotebank.signaling.sip.transaction;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import org.apiguardian.api.API;

/** The transaction user above the server side of a {@link TransactionLayer}: a UAS core or a proxy. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface TransactionUser {

    /**
     * A new request (any method but ACK) with its new server transaction.
     *
     * @param transaction the transaction; respond through it
     */
    void onRequest(ServerTransaction transaction);

    /**
     * An ACK that matches no server transaction: the ACK for a 2xx, which belongs to the dialog
     * (RFC 3261 17.2.3 / 13.3.1.4).
     *
     * @param ack the ACK
     * @param channel the flow it came on
     */
    default void onAck(SipRequest ack, SipTransportChannel channel) {}

    /**
     * A response that matches no client transaction, such as a retransmitted 2xx to an INVITE (RFC
     * 3261 17.1.1.2: the UAC core re-sends the ACK).
     *
     * @param response the response
     * @param channel the flow it came on
     */
    default void onStrayResponse(SipResponse response, SipTransportChannel channel) {}

    /**
     * Timer H fired: the ACK for a non-2xx final response never arrived.
     *
     * @param transaction the transaction
     */
    default void onTimeout(ServerTransaction transaction) {}

    /**
     * The transport failed to send a response.
     *
     * @param transaction the transaction
     * @param cause what the transport reported
     */
    default void onTransportError(ServerTransaction transaction, Throwable cause) {}

    /**
     * A server transaction is over and forgotten.
     *
     * @param transaction the transaction
     */
    default void onTerminated(ServerTransaction transaction) {}
}
