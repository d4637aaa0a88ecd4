package io.remotebank.signaling.sip.transaction;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import java.util.Optional;
import org.apiguardian.api.API;

/** A server transaction (RFC 3261 17.2): one request received and the responses sent to it. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ServerTransaction {

    /** The request that created the transaction. */
    SipRequest request();

    /** The current state. */
    TransactionState state();

    /** The flow the request came on; responses go back on it. */
    SipTransportChannel channel();

    /** The last response sent, if any. */
    Optional<SipResponse> lastResponse();

    /**
     * Sends a response through the transaction. A 2xx to an INVITE moves the transaction to {@link
     * TransactionState#ACCEPTED} (RFC 6026) where the UAS core's 2xx retransmissions still pass
     * through it.
     *
     * @param response a response to {@link #request()}
     * @throws IllegalStateException when a final response was already sent (other than a 2xx
     *     retransmission to an INVITE)
     * @throws io.remotebank.core.ValidationException when the response's CSeq does not match the request
     */
    void respond(SipResponse response);
}
