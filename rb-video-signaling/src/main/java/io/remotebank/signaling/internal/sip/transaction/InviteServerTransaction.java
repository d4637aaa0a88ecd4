package io.remotebank.signaling.internal.sip.transaction;

import io.remotebank.core.time.Cancellable;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.transaction.SipTransportChannel;
import io.remotebank.signaling.sip.transaction.TransactionState;
import java.time.Duration;

/**
 * The INVITE server transaction, RFC 3261 17.2.1 (figure 7) with the Accepted state of RFC 6026:
 * Proceeding, Completed, Confirmed, Accepted, Terminated. A 100 Trying goes out after 200 ms unless
 * the transaction user answered first; a non-2xx final response is retransmitted on timer G until
 * the ACK comes (then timer I absorbs further ACKs) or timer H gives up; after a 2xx, timer L keeps
 * the transaction to absorb retransmitted INVITEs while ACKs go to the transaction user.
 */
final class InviteServerTransaction extends ServerMachine {

    // guarded by this
    private Duration interval;
    private Cancellable trying = NO_TIMER;
    private Cancellable retransmit = NO_TIMER;
    private Cancellable timeout = NO_TIMER;

    InviteServerTransaction(TransactionTable table, String key, SipRequest request, SipTransportChannel channel) {
        super(table, key, request, channel, TransactionState.PROCEEDING);
        this.interval = settings.t1();
    }

    /** RFC 3261 17.2.1: a 100 Trying when the TU has not answered within 200 ms. */
    @Override
    void start() {
        synchronized (this) {
            trying = table.schedule(settings.trying100(), this::onTryingTimer);
        }
    }

    private void onTryingTimer() {
        SipResponse trying100;
        synchronized (this) {
            if (state != TransactionState.PROCEEDING || last != null) {
                return;
            }
            trying100 = SipResponse.to(request(), 100, "Trying", null).build();
            last = trying100;
        }
        table.send(channel, trying100, this);
    }

    @Override
    boolean respondLocked(SipResponse response, int status) {
        switch (state) {
            case PROCEEDING -> {
                trying.cancel();
                last = response;
                if (status < 200) {
                    return false;
                }
                if (status < 300) {
                    state = TransactionState.ACCEPTED;
                    linger = table.schedule(settings.timeout(), this::onLingerTimer); // RFC 6026 timer L
                    return false;
                }
                state = TransactionState.COMPLETED;
                if (!reliable) {
                    retransmit = table.schedule(interval, this::onRetransmitTimer); // timer G
                }
                timeout = table.schedule(settings.timeout(), this::onTimeoutTimer); // timer H
                return false;
            }
            case ACCEPTED -> {
                // RFC 6026 8.5: the TU retransmits its 2xx through the transaction
                if (status < 200 || status >= 300) {
                    throw new IllegalStateException("only 2xx retransmissions follow a 2xx");
                }
                last = response;
                return false;
            }
            default -> throw new IllegalStateException("a final response was already sent (" + state + ")");
        }
    }

    /** Timer G: RFC 3261 17.2.1, the final response again, the interval doubling up to T2. */
    private void onRetransmitTimer() {
        SipResponse resend;
        synchronized (this) {
            if (state != TransactionState.COMPLETED) {
                return;
            }
            interval = min(interval.multipliedBy(2), settings.t2());
            retransmit = table.schedule(interval, this::onRetransmitTimer);
            resend = last;
        }
        table.send(channel, resend, this);
    }

    /** Timer H: no ACK came in 64*T1; the transaction user is told. */
    private void onTimeoutTimer() {
        synchronized (this) {
            if (state != TransactionState.COMPLETED) {
                return;
            }
            terminateLocked();
        }
        table.user().onTimeout(this);
        terminated();
    }

    /** Completed to Confirmed on the ACK (timer I absorbs the rest); in Accepted the ACK is the TU's. */
    @Override
    boolean onAck(SipRequest ack) {
        synchronized (this) {
            if (state != TransactionState.COMPLETED) {
                return state != TransactionState.ACCEPTED;
            }
            state = TransactionState.CONFIRMED;
            retransmit.cancel();
            timeout.cancel();
            if (!reliable) {
                linger = table.schedule(settings.t4(), this::onLingerTimer); // timer I
                return true;
            }
            terminateLocked(); // timer I is zero over a reliable transport
        }
        terminated();
        return true;
    }

    @Override
    void cancelTimersLocked() {
        trying.cancel();
        retransmit.cancel();
        timeout.cancel();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
