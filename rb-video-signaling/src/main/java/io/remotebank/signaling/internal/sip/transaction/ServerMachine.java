package io.remotebank.signaling.internal.sip.transaction;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import io.remotebank.core.time.Cancellable;
import io.remotebank.signaling.sip.CSeq;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.transaction.ServerTransaction;
import io.remotebank.signaling.sip.transaction.SipTransportChannel;
import io.remotebank.signaling.sip.transaction.TransactionSettings;
import io.remotebank.signaling.sip.transaction.TransactionState;
import java.util.Objects;
import java.util.Optional;

/**
 * What the two server state machines of RFC 3261 17.2 share: the request, the last response (sent
 * again for a retransmitted request in Proceeding and Completed), RFC 2543 matching, the lingering
 * timer (I, J or RFC 6026's L) and how they end. The states and the transitions are each machine's
 * own.
 */
abstract sealed class ServerMachine implements ServerTransaction, Transaction
        permits InviteServerTransaction, NonInviteServerTransaction {

    final TransactionTable table;
    final TransactionSettings settings;
    final String key;
    final SipRequest request;
    final SipTransportChannel channel;
    final boolean reliable;
    /** Whether the request carried an RFC 3261 branch (else RFC 2543 matching also compares tags). */
    final boolean rfc3261;
    // guarded by this
    TransactionState state;
    SipResponse last;
    Cancellable linger = NO_TIMER;

    ServerMachine(
            TransactionTable table,
            String key,
            SipRequest request,
            SipTransportChannel channel,
            TransactionState initial) {
        this.table = table;
        this.settings = table.settings();
        this.key = key;
        this.request = request;
        this.channel = channel;
        this.reliable = channel.reliable();
        this.rfc3261 = key.startsWith("3261|");
        this.state = initial;
    }

    /** Starts what runs before the transaction user answers (the INVITE's 100 Trying timer). */
    void start() {}

    /** RFC 2543 matching also compares the To tag: the request's, or for an ACK the response's. */
    final boolean toTagMatches(SipRequest other, boolean ack) {
        String expected;
        synchronized (this) {
            expected = ack
                    ? (last == null ? null : last.toTag().orElse(null))
                    : request.toTag().orElse(null);
        }
        return Objects.equals(expected, other.toTag().orElse(null));
    }

    /** The request came again: Proceeding and Completed send the last response again; others absorb it. */
    final void onRetransmission() {
        SipResponse resend = null;
        synchronized (this) {
            if (state == TransactionState.PROCEEDING || state == TransactionState.COMPLETED) {
                resend = last;
            }
        }
        if (resend != null) {
            table.send(channel, resend, this);
        }
    }

    /**
     * An ACK matched this transaction.
     *
     * @param ack the ACK
     * @return false when it is for the transaction user (RFC 6026: an ACK in Accepted)
     */
    boolean onAck(SipRequest ack) {
        return true;
    }

    @Override
    public final void respond(SipResponse response) {
        Arguments.notNull(response, "response");
        CSeq cseq = response.cseq()
                .orElseThrow(() -> new ValidationException(CoreError.ARGUMENT_INVALID, "the response has no CSeq"));
        CSeq mine = request.cseq().orElseThrow();
        if (cseq.number() != mine.number() || !cseq.method().equals(mine.method())) {
            throw new ValidationException(
                    CoreError.ARGUMENT_INVALID, "the response's CSeq does not match the request's");
        }
        boolean end;
        synchronized (this) {
            end = respondLocked(response, response.statusCode());
        }
        table.send(channel, response, this);
        if (end) {
            terminated();
        }
    }

    /**
     * The transition for a response the transaction user sends.
     *
     * @return whether the transaction terminated
     * @throws IllegalStateException when the state takes no such response
     */
    abstract boolean respondLocked(SipResponse response, int status);

    /** Timer I, J or L: the time to absorb retransmissions is over. */
    final void onLingerTimer() {
        synchronized (this) {
            if (state == TransactionState.TERMINATED) {
                return;
            }
            terminateLocked();
        }
        terminated();
    }

    @Override
    public final void transportError(Throwable cause) {
        synchronized (this) {
            if (state == TransactionState.TERMINATED) {
                return;
            }
            terminateLocked();
        }
        table.user().onTransportError(this, cause);
        terminated();
    }

    final void terminateLocked() {
        state = TransactionState.TERMINATED;
        cancelTimersLocked();
        linger.cancel();
        table.forget(this);
    }

    /** Cancels the timers of the machine besides the lingering one. */
    void cancelTimersLocked() {}

    final void terminated() {
        table.user().onTerminated(this);
    }

    @Override
    public final SipRequest request() {
        return request;
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
    public final synchronized Optional<SipResponse> lastResponse() {
        return Optional.ofNullable(last);
    }

    @Override
    public final String toString() {
        return "ServerTransaction[" + request + ", " + state() + "]";
    }
}
