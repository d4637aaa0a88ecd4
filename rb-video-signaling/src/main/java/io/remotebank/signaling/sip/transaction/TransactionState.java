package io.remotebank.signaling.sip.transaction;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The states of the RFC 3261 17 transaction state machines (figures 5 to 8). */
@API(status = EXPERIMENTAL, since = "0.1")
public enum TransactionState {
    /** Client INVITE: request sent, nothing received. */
    CALLING,
    /** Client and server non-INVITE: request sent or received, no response yet. */
    TRYING,
    /** A provisional response was received or sent. */
    PROCEEDING,
    /** A final response was received or sent; retransmissions are absorbed. */
    COMPLETED,
    /**
     * INVITE, after a 2xx (RFC 6026): the client absorbs nothing and passes 2xx retransmissions
     * up; the server absorbs retransmitted INVITEs and passes ACKs and 2xx retransmissions through.
     */
    ACCEPTED,
    /** Server INVITE: the ACK for a non-2xx final response arrived. */
    CONFIRMED,
    /** Over; the transaction holds no resources. */
    TERMINATED
}
