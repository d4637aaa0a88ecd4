package io.remotebank.signaling.sip.transaction;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.signaling.sip.SipRequest;
import org.apiguardian.api.API;

/** A client transaction (RFC 3261 17.1): one request sent and the responses it gets. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ClientTransaction {

    /** The request as sent. */
    SipRequest request();

    /** The branch that identifies the transaction. */
    String branch();

    /** The current state. */
    TransactionState state();

    /** The channel the request goes out on. */
    SipTransportChannel channel();
}
