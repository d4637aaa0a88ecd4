package io.remotebank.signaling.sip.transaction;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.signaling.sip.SipResponse;
import org.apiguardian.api.API;

/**
 * What a client transaction reports to its transaction user. Called at most once with a final
 * response, or once with a timeout or a transport error, and then once {@link #onTerminated}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ClientTransactionListener {

    /**
     * A response (provisional or the first final one; retransmissions are absorbed).
     *
     * @param transaction the transaction
     * @param response the response
     */
    void onResponse(ClientTransaction transaction, SipResponse response);

    /**
     * Timer B (INVITE) or F (non-INVITE) fired: no final response. The caller treats it as a 408.
     *
     * @param transaction the transaction
     */
    default void onTimeout(ClientTransaction transaction) {}

    /**
     * The transport failed to send the request or an ACK.
     *
     * @param transaction the transaction
     * @param cause what the transport reported
     */
    default void onTransportError(ClientTransaction transaction, Throwable cause) {}

    /**
     * The transaction is over and forgotten.
     *
     * @param transaction the transaction
     */
    default void onTerminated(ClientTransaction transaction) {}
}
