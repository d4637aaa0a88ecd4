package io.remotebank.signaling.internal.sip.transaction;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import io.remotebank.core.time.Cancellable;
import io.remotebank.signaling.sip.CSeq;
import io.remotebank.signaling.sip.SipLimits;
import io.remotebank.signaling.sip.SipMessage;
import io.remotebank.signaling.sip.SipParser;
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
 *
 * <p>A machine that lingers only to absorb retransmissions (the non-INVITE one in Completed, for
 * timer J's 32 s over UDP) is {@linkplain #compactLocked() compacted}: it keeps its request and its
 * last response as the bytes they were sent or received as, not as parsed messages with everything
 * a transaction user read from them, because a busy registrar keeps tens of thousands of them and
 * the garbage collector copies every one of them again and again. What it needs from them in that
 * state (the key, the CSeq, the request's To tag for RFC 2543 matching) it keeps as such; a
 * retransmitted request, or a caller of {@link #request()} or {@link #lastResponse()}, gets the
 * message parsed again from its bytes, an equal message.
 */
abstract sealed class ServerMachine implements ServerTransaction, Transaction
        permits InviteServerTransaction, NonInviteServerTransaction {

    final TransactionTable table;
    final TransactionSettings settings;
    /** Parses a compacted message again: it parsed once, so no limit may refuse it now. */
    private static final SipParser REPARSE =
            SipParser.withLimits(new SipLimits(64 * 1024 * 1024, 10_000, 64 * 1024 * 1024));

    final String key;
    /** The request's CSeq, which every response must carry (kept apart from the request, see compaction). */
    private final CSeq cseq;

    final SipTransportChannel channel;
    final boolean reliable;
    /** Whether the request carried an RFC 3261 branch (else RFC 2543 matching also compares tags). */
    final boolean rfc3261;
    // guarded by this
    TransactionState state;
    /** The request, until the machine is compacted; then null and {@link #requestBytes} holds it. */
    private SipRequest request;

    private byte[] requestBytes;
    /** The request's To tag once compacted (RFC 2543 matching only), else null. */
    private String requestToTag;
    /** The last response, if any and until the machine is compacted; then {@link #lastBytes} holds it. */
    SipResponse last;

    private byte[] lastBytes;
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
        this.cseq = request.cseq().orElseThrow();
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
            if (ack) {
                SipResponse response = lastLocked();
                expected = response == null ? null : response.toTag().orElse(null);
            } else {
                expected = request != null ? request.toTag().orElse(null) : requestToTag;
            }
        }
        return Objects.equals(expected, other.toTag().orElse(null));
    }

    /** The request came again: Proceeding and Completed send the last response again; others absorb it. */
    final void onRetransmission() {
        SipResponse resend = null;
        synchronized (this) {
            if (state == TransactionState.PROCEEDING || state == TransactionState.COMPLETED) {
                resend = lastLocked();
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
        CSeq theirs = response.cseq()
                .orElseThrow(() -> new ValidationException(CoreError.ARGUMENT_INVALID, "the response has no CSeq"));
        if (theirs.number() != cseq.number() || !theirs.method().equals(cseq.method())) {
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

    /**
     * Keeps the request and the last response as bytes only, for a state that only absorbs or
     * answers retransmissions (see the class description). Called with the lock held, after the
     * response was recorded.
     */
    final void compactLocked() {
        if (request == null) {
            return;
        }
        if (!rfc3261) {
            requestToTag = request.toTag().orElse(null);
        }
        requestBytes = request.toBytes();
        request = null;
        if (last != null) {
            lastBytes = last.toBytes();
            last = null;
        }
    }

    /** The last response: as kept, or parsed again from its bytes once compacted; null when none. */
    final SipResponse lastLocked() {
        if (last != null) {
            return last;
        }
        return lastBytes == null ? null : (SipResponse) reparse(lastBytes);
    }

    private static SipMessage reparse(byte[] bytes) {
        // the array is shared by the messages parsed from it, which never write to it
        return REPARSE.parseOwned(bytes);
    }

    final void terminated() {
        table.user().onTerminated(this);
    }

    @Override
    public final SipRequest request() {
        byte[] bytes;
        synchronized (this) {
            if (request != null) {
                return request;
            }
            bytes = requestBytes;
        }
        return (SipRequest) reparse(bytes);
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
        return Optional.ofNullable(lastLocked());
    }

    @Override
    public final String toString() {
        return "ServerTransaction[" + request() + ", " + state() + "]";
    }
}
