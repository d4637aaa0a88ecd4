package io.remotebank.signaling.internal.sip.transaction;

import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.transaction.ClientTransactionListener;
import io.remotebank.signaling.sip.transaction.SipTransportChannel;
import io.remotebank.signaling.sip.transaction.TransactionState;
import java.time.Duration;

/**
 * The non-INVITE client transaction, RFC 3261 17.1.2 (figure 6): Trying, Proceeding, Completed,
 * Terminated. Timer E retransmits the request, doubling up to T2 in Trying and every T2 in
 * Proceeding; timer F gives up after 64*T1; timer K absorbs retransmitted final responses.
 */
final class NonInviteClientTransaction extends ClientMachine {

    NonInviteClientTransaction(
            TransactionTable table,
            String key,
            String branch,
            SipRequest request,
            SipTransportChannel channel,
            ClientTransactionListener listener) {
        super(table, key, branch, request, channel, listener, TransactionState.TRYING);
    }

    /** Timer E: RFC 3261 17.1.2.2, doubles up to T2 in Trying; T2 once Proceeding. */
    @Override
    void onRetransmitTimer() {
        synchronized (this) {
            if (state == TransactionState.TRYING) {
                interval = min(interval.multipliedBy(2), settings.t2());
            } else if (state == TransactionState.PROCEEDING) {
                interval = settings.t2();
            } else {
                return;
            }
            scheduleRetransmitLocked();
        }
        table.send(channel, request, this);
    }

    @Override
    boolean awaitingFinalResponse() {
        return state == TransactionState.TRYING || state == TransactionState.PROCEEDING;
    }

    @Override
    void onResponse(SipResponse response) {
        boolean deliver = false;
        boolean end = false;
        synchronized (this) {
            if (state == TransactionState.TRYING || state == TransactionState.PROCEEDING) {
                deliver = true;
                if (response.statusCode() < 200) {
                    state = TransactionState.PROCEEDING; // timer E keeps running, at T2
                } else {
                    retransmit.cancel();
                    timeout.cancel();
                    state = TransactionState.COMPLETED;
                    if (reliable) {
                        terminateLocked(); // timer K is zero over a reliable transport
                        end = true;
                    } else {
                        linger = table.schedule(settings.t4(), this::onLingerTimer); // timer K
                    }
                }
            } // Completed: a retransmitted final response is absorbed
        }
        if (deliver) {
            listener.onResponse(this, response);
        }
        if (end) {
            terminated();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
