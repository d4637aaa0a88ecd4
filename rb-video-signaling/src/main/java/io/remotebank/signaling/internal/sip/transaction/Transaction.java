package io.remotebank.signaling.internal.sip.transaction;

import io.remotebank.core.time.Cancellable;

/** What every one of the four state machines does when its transport fails (RFC 3261 17.1.4, 17.2.4). */
interface Transaction {

    /** A timer not (or no longer) scheduled. */
    Cancellable NO_TIMER = () -> false;

    /**
     * The transport failed to send one of the transaction's messages: it terminates and tells its
     * user.
     *
     * @param cause what failed
     */
    void transportError(Throwable cause);
}
