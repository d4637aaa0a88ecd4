package io.remotebank.signaling.sip.transaction;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.time.Scheduler;
import io.remotebank.signaling.internal.sip.transaction.TransactionLayerImpl;
import io.remotebank.signaling.sip.SipMessage;
import io.remotebank.signaling.sip.SipRequest;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The transaction layer of RFC 3261 17: client and server transactions, INVITE and non-INVITE, with
 * timers A to K on an injected {@link Scheduler}, retransmissions over unreliable transports,
 * matching by branch (RFC 3261 17.1.3, 17.2.3) and by the RFC 2543 fields for requests without a
 * {@code z9hG4bK} branch, the ACK of a non-2xx final response built and sent inside the client
 * transaction, and the Accepted state of RFC 6026 after a 2xx to an INVITE.
 *
 * <p>Every transaction is forgotten when it terminates: on completion, on timeout and on a transport
 * error; {@link #liveTransactions()} counts those that are not. Thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface TransactionLayer {

    /**
     * A new transaction layer.
     *
     * @param settings the timer values
     * @param scheduler runs the timers
     * @param user receives new requests and what matches no transaction
     * @return the layer
     */
    static TransactionLayer create(TransactionSettings settings, Scheduler scheduler, TransactionUser user) {
        return new TransactionLayerImpl(settings, scheduler, user);
    }

    /**
     * A new branch parameter: the magic cookie and 128 random bits.
     *
     * @return the branch, e.g. {@code z9hG4bK3f2a...}
     */
    static String newBranch() {
        return TransactionLayerImpl.newBranch();
    }

    /**
     * Starts a client transaction and sends its request.
     *
     * @param request the request, any method but ACK, with a top Via whose branch starts with
     *     {@code z9hG4bK}
     * @param channel where to send it
     * @param listener what receives the responses and the end of the transaction
     * @return the transaction
     * @throws io.remotebank.core.ValidationException for an ACK, a request without such a branch, or a branch
     *     that is already in use
     */
    ClientTransaction sendRequest(SipRequest request, SipTransportChannel channel, ClientTransactionListener listener);

    /**
     * Hands over a message the transport received. A response goes to its client transaction (or
     * {@link TransactionUser#onStrayResponse}); a request to its server transaction, a new one
     * ({@link TransactionUser#onRequest}) or, for an ACK that matches none, to {@link
     * TransactionUser#onAck}. A message without a top Via, CSeq or Call-ID is dropped.
     *
     * @param message the message
     * @param channel the flow it came on
     */
    void receive(SipMessage message, SipTransportChannel channel);

    /**
     * The server INVITE transaction that a CANCEL cancels (RFC 3261 9.2).
     *
     * @param cancel the CANCEL
     * @return the INVITE transaction, if it is still known
     */
    Optional<ServerTransaction> findInvite(SipRequest cancel);

    /**
     * Reports that a flow failed (a connection closed or reset): every transaction on it ends with a
     * transport error.
     *
     * @param channel the flow
     * @param cause what happened
     */
    void transportFailed(SipTransportChannel channel, Throwable cause);

    /** The timer values. */
    TransactionSettings settings();

    /** The scheduler the timers run on; the transaction user may use it for its own timers. */
    Scheduler scheduler();

    /** The number of client and server transactions that have not terminated. */
    int liveTransactions();
}
