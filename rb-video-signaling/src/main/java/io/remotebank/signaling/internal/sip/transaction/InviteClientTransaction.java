package io.remotebank.signaling.internal.sip.transaction;

import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.transaction.ClientTransactionListener;
import io.remotebank.signaling.sip.transaction.SipTransportChannel;
import io.remotebank.signaling.sip.transaction.TransactionState;

/**
 * The INVITE client transaction, RFC 3261 17.1.1 (figure 5) with the Accepted state of RFC 6026:
 * Calling, Proceeding, Completed, Accepted, Terminated. Timer A retransmits the INVITE in Calling,
 * doubling each time; timer B gives up after 64*T1; a non-2xx final response is ACKed here and
 * timer D absorbs its retransmissions; after a 2xx, timer M passes 2xx retransmissions up.
 */
final class InviteClientTransaction extends ClientMachine {

    /** The ACK of a non-2xx final response, sent again for each retransmission of it. */
    private SipRequest ack;

    InviteClientTransaction(
            TransactionTable table,
            String key,
            String branch,
            SipRequest request,
            SipTransportChannel channel,
            ClientTransactionListener listener) {
        super(table, key, branch, request, channel, listener, TransactionState.CALLING);
    }

    /** Timer A: RFC 3261 17.1.1.2, the interval doubles each time, with no cap. */
    @Override
    void onRetransmitTimer() {
        synchronized (this) {
            if (state != TransactionState.CALLING) {
                return;
            }
            interval = interval.multipliedBy(2);
            scheduleRetransmitLocked();
        }
        table.send(channel, request, this);
    }

    @Override
    boolean awaitingFinalResponse() {
        return state == TransactionState.CALLING || state == TransactionState.PROCEEDING;
    }

    @Override
    void onResponse(SipResponse response) {
        int status = response.statusCode();
        boolean deliver = false;
        boolean end = false;
        SipRequest ackToSend = null;
        synchronized (this) {
            switch (state) {
                case CALLING, PROCEEDING -> {
                    deliver = true;
                    retransmit.cancel();
                    if (status < 200) {
                        state = TransactionState.PROCEEDING;
                    } else {
                        timeout.cancel();
                        if (status < 300) {
                            state = TransactionState.ACCEPTED; // RFC 6026 7.2: timer M
                            linger = table.schedule(settings.timeout(), this::onLingerTimer);
                        } else {
                            state = TransactionState.COMPLETED;
                            ack = buildAck(response);
                            ackToSend = ack;
                            if (reliable) {
                                terminateLocked(); // timer D is zero over a reliable transport
                                end = true;
                            } else {
                                linger = table.schedule(settings.timerD(), this::onLingerTimer); // timer D
                            }
                        }
                    }
                }
                case COMPLETED -> {
                    if (status >= 300) {
                        ackToSend = ack; // a retransmitted final response: ACK again (17.1.1.2)
                    }
                }
                case ACCEPTED -> deliver = status >= 200 && status < 300; // RFC 6026 7.2
                default -> {}
            }
        }
        if (ackToSend != null) {
            table.send(channel, ackToSend, this);
        }
        if (deliver) {
            listener.onResponse(this, response);
        }
        if (end) {
            terminated();
        }
    }

    /** RFC 3261 17.1.1.3: the ACK of a non-2xx final response. */
    private SipRequest buildAck(SipResponse response) {
        SipRequest.Builder b = SipRequest.builder("ACK", request.requestUri().toString());
        b.header("Via", request.topVia().orElseThrow().toString());
        request.header("Max-Forwards").ifPresent(v -> b.header("Max-Forwards", v));
        for (String route : request.headerValues("Route")) {
            b.header("Route", route);
        }
        b.header("From", request.header("From").orElseThrow());
        b.header("To", response.header("To").orElseThrow());
        b.header("Call-ID", request.callId().orElseThrow());
        b.header("CSeq", request.cseq().orElseThrow().number() + " ACK");
        return b.build();
    }
}
