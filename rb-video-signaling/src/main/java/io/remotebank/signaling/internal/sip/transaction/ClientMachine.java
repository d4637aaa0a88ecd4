package io.remotebank.signaling.internal.sip.transaction;

import io.remotebank.core.time.Cancellable;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.transaction.ClientTransaction;
import io.remotebank.signaling.sip.transaction.ClientTransactionListener;
import io.remotebank.signaling.sip.transaction.SipTransportChannel;
import io.remotebank.signaling.sip.transaction.TransactionSettings;
import io.remotebank.signaling.sip.transaction.TransactionState;
import java.time.Duration;

/**
 * What the two client state machines of RFC 3261 17.1 share: the request, the retransmission timer
 * (A or E) that runs only over an unreliable transport, the timeout timer (B or F) that gives up
 * after 64*T1, the lingering timer (D, K or RFC 6026's M) and how they end. The states and the
 * transitions are each machine's own.
 */
abstract sealed class ClientMachine implements ClientTransaction, Transaction
        permits InviteClientTransaction, NonInviteClientTransaction {

    final TransactionTable table;
    final TransactionSettings settings;
    final String key;
    final String branch;
    final SipRequest request;
    final SipTransportChannel channel;
    final ClientTransactionListener listener;
    final boolean reliable;
    // guarded by this
    TransactionState state;
    Duration interval;
    Cancellable retransmit = NO_TIMER;
    Cancellable timeout = NO_TIMER;
    Cancellable linger = NO_TIMER;

    ClientMachine(
            TransactionTable table,
            String key,
            String branch,
            SipRequest request,
            SipTransportChannel channel,
            ClientTransactionListener listener,
            TransactionState initial) {
        this.table = table;
        this.settings = table.settings();
        this.key = key;
        this.branch = branch;
        this.request = request;
        this.channel = channel;
        this.listener = listener;
        this.reliable = channel.reliable();
        this.state = initial;
        this.interval = settings.t1();
    }

    /** Sends the request and starts timer A and B (INVITE) or E and F (non-INVITE). */
    final void start() {
        synchronized (this) {
            if (!reliable) {
                retransmit = table.schedule(interval, this::onRetransmitTimer); // timer A or E
            }
            timeout = table.schedule(settings.timeout(), this::onTimeoutTimer); // timer B or F
        }
        table.send(channel, request, this);
    }

    /** Timer A or E fired. */
    abstract void onRetransmitTimer();

    /** Whether the machine still waits for a final response (the states timer B or F ends). */
    abstract boolean awaitingFinalResponse();

    /**
     * A response matched this transaction (RFC 3261 17.1.3).
     *
     * @param response the response
     */
    abstract void onResponse(SipResponse response);

    /** Timer B or F: no final response in 64*T1; the transaction user is told (RFC 3261 17.1.1.2, 17.1.2.2). */
    final void onTimeoutTimer() {
        synchronized (this) {
            if (!awaitingFinalResponse()) {
                return;
            }
            terminateLocked();
        }
        listener.onTimeout(this);
        terminated();
    }

    /** Timer D, K or M: the time to absorb retransmissions is over. */
    final void onLingerTimer() {
        synchronized (this) {
            if (state == TransactionState.TERMINATED) {
                return;
            }
            terminateLocked();
        }
        terminated();
    }

    /** Schedules the next firing of timer A or E, {@code interval} from now. */
    final void scheduleRetransmitLocked() {
        retransmit = table.schedule(interval, this::onRetransmitTimer);
    }

    @Override
    public final void transportError(Throwable cause) {
        synchronized (this) {
            if (state == TransactionState.TERMINATED) {
                return;
            }
            terminateLocked();
        }
        listener.onTransportError(this, cause);
        terminated();
    }

    final void terminateLocked() {
        state = TransactionState.TERMINATED;
        retransmit.cancel();
        timeout.cancel();
        linger.cancel();
        table.forget(this);
    }

    final void terminated() {
        listener.onTerminated(this);
    }

    @Override
    public final SipRequest request() {
        return request;
    }

    @Override
    public final String branch() {
        return branch;
    }

    @Override
    public final synchronized TransactionState state() {
        return state;
    }

    @Override
    public final SipTransportChannel channel() {
        return channel;
    }

    @Override
    public final String toString() {
        return "ClientTransaction[" + request + ", " + state() + "]";
    }
}
