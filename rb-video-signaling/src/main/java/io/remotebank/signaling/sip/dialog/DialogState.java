package io.remotebank.signaling.sip.dialog;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The states of a dialog (RFC 3261 12). */
@API(status = EXPERIMENTAL, since = "0.1")
public enum DialogState {
    /** Created by a provisional response with a To tag. */
    EARLY,
    /** Created or confirmed by a 2xx. */
    CONFIRMED,
    /** Ended by a BYE, a failure of the INVITE, a timeout or a transport error. */
    TERMINATED
}
