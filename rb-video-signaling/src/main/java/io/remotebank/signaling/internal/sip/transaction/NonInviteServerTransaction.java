package io.remotebank.signaling.internal.sip.transaction;

import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.transaction.SipTransportChannel;
import io.remotebank.signaling.sip.transaction.TransactionState;

/**
 * The non-INVITE server transaction, RFC 3261 17.2.2 (figure 8): Trying, Proceeding, Completed,
 * Terminated. A retransmitted request is absorbed in Trying and answered with the last response in
 * Proceeding and Completed; timer J keeps the transaction for 64*T1 after the final response over an
 * unreliable transport.
 */
final class NonInviteServerTransaction extends ServerMachine {

    NonInviteServerTransaction(TransactionTable table, String key, SipRequest request, SipTransportChannel channel) {
        super(table, key, request, channel, TransactionState.TRYING);
    }

    @Override
    boolean respondLocked(SipResponse response, int status) {
        if (state != TransactionState.TRYING && state != TransactionState.PROCEEDING) {
            throw new IllegalStateException("a final response was already sent (" + state + ")");
        }
        last = response;
        if (status < 200) {
            state = TransactionState.PROCEEDING;
            return false;
        }
        state = TransactionState.COMPLETED;
        if (reliable) {
            terminateLocked(); // timer J is zero over a reliable transport
            return true;
        }
        linger = table.schedule(settings.timeout(), this::onLingerTimer); // timer J
        compactLocked(); // from here on it only answers retransmissions with the same bytes
        return false;
    }
}
