package io.remotebank.signaling.sip.ua;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Why a {@link Call} ended. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum EndReason {
    /** This side sent a BYE. */
    LOCAL_BYE,
    /** The peer sent a BYE. */
    REMOTE_BYE,
    /** The INVITE got a final response other than 2xx (or this UAS sent one). */
    REJECTED,
    /** The INVITE was cancelled (by this UAC, or by the peer's CANCEL at this UAS). */
    CANCELLED,
    /** No final response, no ACK for a 2xx, or a 408 / 481 to a request within the dialog. */
    TIMEOUT,
    /** The transport failed. */
    TRANSPORT_ERROR
}
