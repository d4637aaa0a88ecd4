package io.remotebank.signaling.sip.ua;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.time.Cancellable;
import io.remotebank.signaling.sip.SipMessage;
import io.remotebank.signaling.sip.SipMessageBuilder;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.dialog.Dialog;
import io.remotebank.signaling.sip.transaction.ClientTransaction;
import io.remotebank.signaling.sip.transaction.ClientTransactionListener;
import io.remotebank.signaling.sip.transaction.ServerTransaction;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apiguardian.api.API;

/**
 * A call: the INVITE usage of a dialog (RFC 3261 13-15), made by {@link UserAgent#call} (UAC) or
 * received through {@link IncomingCall} (UAS). Within it: BYE, re-INVITE, UPDATE (RFC 3311), INFO
 * (RFC 6086, DTMF as {@link Dtmf}) and MESSAGE (RFC 3428). Thread-safe; every operation is
 * asynchronous.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Call {

    private final UserAgent ua;
    private final boolean uac;
    private volatile CallListener listener;
    private final CompletableFuture<SipResponse> answered = new CompletableFuture<>();
    private final CompletableFuture<EndReason> ended = new CompletableFuture<>();
    private final CompletableFuture<Call> confirmed = new CompletableFuture<>();
    private Dialog dialog;
    private SipRequest invite;
    private ClientTransaction inviteTx;
    private ServerTransaction serverTx;
    private volatile String remoteSdp;
    private boolean provisionalSeen;
    private boolean cancelRequested;
    private boolean finalSent;
    private boolean inviteInProgress;
    // UAS: the 2xx awaiting its ACK (RFC 3261 13.3.1.4)
    private SipResponse ok;
    private ServerTransaction okTx;
    private Duration okInterval;
    private Cancellable okTimer = () -> false;
    private Cancellable okTimeout = () -> false;

    Call(UserAgent ua, boolean uac, CallListener listener) {
        this.ua = ua;
        this.uac = uac;
        this.listener = Arguments.notNull(listener, "listener");
    }

    /** Whether this side placed the call. */
    public boolean isOutgoing() {
        return uac;
    }

    /** The dialog, once a provisional response with a tag or a 2xx made one. */
    public synchronized Optional<Dialog> dialog() {
        return Optional.ofNullable(dialog);
    }

    /** The INVITE (as sent by this UAC or received by this UAS), once there is one. */
    public synchronized Optional<SipRequest> invite() {
        return Optional.ofNullable(invite);
    }

    /** The last SDP the peer sent: early media from a 183, the answer of the 2xx, or a new offer. */
    public Optional<String> remoteSdp() {
        return Optional.ofNullable(remoteSdp);
    }

    /**
     * For a UAC: completes with the 2xx (after the ACK went out), or fails with a {@link
     * SipRequestFailedException} (a failure response, 487 after {@link #cancel()}, 408 on timeout,
     * 503 on a transport error).
     */
    public CompletionStage<SipResponse> answered() {
        return answered;
    }

    /** Completes when the call has ended and its dialog is released. */
    public CompletionStage<EndReason> ended() {
        return ended;
    }

    /** Whether the call has ended. */
    public boolean isEnded() {
        return ended.isDone();
    }

    void listener(CallListener l) {
        this.listener = Arguments.notNull(l, "listener");
    }

    CallListener listener() {
        return listener;
    }

    // ---------------------------------------------------------------- UAC: the INVITE

    synchronized void invited(SipRequest request, ClientTransaction tx) {
        this.invite = request;
        this.inviteTx = tx;
    }

    final ClientTransactionListener inviteListener = new ClientTransactionListener() {
        @Override
        public void onResponse(ClientTransaction tx, SipResponse response) {
            onInviteResponse(tx, response);
        }

        @Override
        public void onTimeout(ClientTransaction tx) {
            fail(new SipRequestFailedException("INVITE", 408, null, null), EndReason.TIMEOUT);
        }

        @Override
        public void onTransportError(ClientTransaction tx, Throwable cause) {
            fail(new SipRequestFailedException("INVITE", 503, null, cause), EndReason.TRANSPORT_ERROR);
        }
    };

    void fail(SipRequestFailedException e, EndReason reason) {
        answered.completeExceptionally(e);
        end(reason);
    }

    private void onInviteResponse(ClientTransaction tx, SipResponse response) {
        int status = response.statusCode();
        SipRequest request = tx.request();
        if (status < 200) {
            boolean sendCancel;
            synchronized (this) {
                sendCancel = !provisionalSeen && cancelRequested;
                provisionalSeen = true;
                if (status > 100 && response.toTag().isPresent() && dialog == null && !isEnded()) {
                    dialog = Dialog.forUac(request, response);
                    ua.register(dialog.id(), this);
                }
            }
            if (response.bodyLength() > 0 && isSdp(response)) {
                remoteSdp = response.bodyText();
            }
            if (sendCancel) {
                ua.sendCancel(request, tx);
            }
            if (status > 100) {
                listener.onProvisional(this, response);
            }
            return;
        }
        if (status >= 300) {
            fail(
                    new SipRequestFailedException("INVITE", status, response, null),
                    status == 487 ? EndReason.CANCELLED : EndReason.REJECTED);
            return;
        }
        // 2xx: confirm the dialog (a fork answering with another tag replaces the early one) and ACK
        boolean byeAfterAck;
        Dialog d;
        synchronized (this) {
            if (dialog != null
                    && !dialog.id().remoteTag().equals(response.toTag().orElse(""))) {
                ua.unregister(dialog.id(), this);
                dialog = null;
            }
            if (dialog == null) {
                dialog = Dialog.forUac(request, response);
                ua.register(dialog.id(), this);
            } else {
                dialog.confirm(response);
            }
            d = dialog;
            byeAfterAck = cancelRequested;
        }
        if (response.bodyLength() > 0 && isSdp(response)) {
            remoteSdp = response.bodyText();
        }
        ua.sendAck(d, request.cseq().orElseThrow().number(), response);
        answered.complete(response);
        if (byeAfterAck) {
            bye(); // RFC 3261 15: the CANCEL crossed the 2xx
        }
    }

    /**
     * Cancels the outgoing INVITE (RFC 3261 9.1): sent once a provisional response has come (at
     * once if one has); the call then fails with 487. Does nothing once a final response came.
     */
    public void cancel() {
        if (!uac) {
            throw new IllegalStateException("only the caller cancels an INVITE");
        }
        SipRequest request;
        ClientTransaction tx;
        synchronized (this) {
            if (cancelRequested || answered.isDone()) {
                return;
            }
            cancelRequested = true;
            if (!provisionalSeen || inviteTx == null) {
                return;
            }
            request = invite;
            tx = inviteTx;
        }
        ua.sendCancel(request, tx);
    }

    // ---------------------------------------------------------------- UAS: answering

    synchronized void received(SipRequest request, ServerTransaction tx) {
        this.invite = request;
        this.serverTx = tx;
        this.inviteInProgress = true;
    }

    synchronized ServerTransaction serverTransaction() {
        return serverTx;
    }

    /** Sends a provisional or final response to the initial INVITE (UAS), making the dialog. */
    void respondInvite(int status, String reason, String sdp) {
        SipResponse response;
        ServerTransaction tx;
        synchronized (this) {
            if (isEnded()) {
                return;
            }
            if (finalSent) {
                throw new IllegalStateException("the INVITE already has a final response");
            }
            tx = serverTx;
            if (status <= 100 || status >= 300) {
                String tag = dialog == null
                        ? (status == 100 ? null : UserAgent.newTag())
                        : dialog.id().localTag();
                response = (SipResponse)
                        ua.response(tx, status, reason, tag, false).build();
                finalSent = status >= 300;
            } else {
                if (dialog == null) {
                    dialog = Dialog.forUas(invite, UserAgent.newTag(), status < 200);
                    ua.register(dialog.id(), this);
                }
                SipMessageBuilder b =
                        ua.response(tx, status, reason, dialog.id().localTag(), true);
                if (sdp != null) {
                    b.body("application/sdp", sdp);
                }
                response = (SipResponse) b.build();
                if (status >= 200) {
                    finalSent = true;
                    dialog.confirm(response);
                    startAckWait(tx, response);
                }
            }
        }
        try {
            tx.respond(response);
        } catch (IllegalStateException e) {
            end(EndReason.TRANSPORT_ERROR); // the transaction ended meanwhile
            return;
        }
        if (status >= 300) {
            inviteDone();
            end(EndReason.REJECTED);
        }
    }

    private void startAckWait(ServerTransaction tx, SipResponse response) {
        ok = response;
        okTx = tx;
        okInterval = ua.layer().settings().t1();
        okTimer = ua.layer().scheduler().schedule(okInterval, this::retransmitOk);
        okTimeout = ua.layer().scheduler().schedule(ua.layer().settings().timeout(), this::ackTimedOut);
    }

    /** RFC 3261 13.3.1.4: the 2xx again over UDP, T1 doubling up to T2, until the ACK. */
    private void retransmitOk() {
        SipResponse again;
        ServerTransaction tx;
        synchronized (this) {
            if (ok == null) {
                return;
            }
            tx = okTx;
            again = tx.channel().reliable() ? null : ok;
            Duration doubled = okInterval.multipliedBy(2);
            Duration t2 = ua.layer().settings().t2();
            okInterval = doubled.compareTo(t2) <= 0 ? doubled : t2;
            okTimer = ua.layer().scheduler().schedule(okInterval, this::retransmitOk);
        }
        if (again != null) {
            try {
                tx.respond(again);
            } catch (IllegalStateException e) {
                end(EndReason.TRANSPORT_ERROR);
            }
        }
    }

    /** 64*T1 without an ACK: the dialog ends with a BYE (RFC 3261 13.3.1.4). */
    private void ackTimedOut() {
        synchronized (this) {
            if (ok == null) {
                return;
            }
            ok = null;
            okTimer.cancel();
        }
        inviteDone();
        confirmed.completeExceptionally(new SipRequestFailedException("ACK", 408, null, null));
        sendBye(EndReason.TIMEOUT);
    }

    /** The ACK for this UAS's 2xx arrived. */
    void onAck(SipRequest ack) {
        synchronized (this) {
            if (ok == null
                    || ack.cseq().orElseThrow().number()
                            != ok.cseq().orElseThrow().number()) {
                return;
            }
            ok = null;
            okTimer.cancel();
            okTimeout.cancel();
        }
        if (ack.bodyLength() > 0 && isSdp(ack)) {
            remoteSdp = ack.bodyText();
        }
        inviteDone();
        confirmed.complete(this);
    }

    CompletionStage<Call> confirmedStage() {
        return confirmed;
    }

    synchronized void inviteDone() {
        inviteInProgress = false;
    }

    /** Whether an INVITE (initial or re-INVITE) is still open in either direction (RFC 3261 14.2: 491). */
    synchronized boolean inviteInProgress() {
        return inviteInProgress;
    }

    synchronized boolean beginInvite() {
        if (inviteInProgress) {
            return false;
        }
        inviteInProgress = true;
        return true;
    }

    /** The peer's CANCEL arrived (RFC 3261 9.2): 487 to the INVITE unless it has a final response. */
    void onCancelled() {
        ServerTransaction tx;
        String tag;
        synchronized (this) {
            if (finalSent || isEnded()) {
                return;
            }
            finalSent = true;
            tx = serverTx;
            tag = dialog == null ? UserAgent.newTag() : dialog.id().localTag();
        }
        try {
            tx.respond((SipResponse)
                    ua.response(tx, 487, "Request Terminated", tag, false).build());
        } catch (IllegalStateException e) {
            // the transaction ended meanwhile: nothing to answer
        }
        inviteDone();
        end(EndReason.CANCELLED);
    }

    /** A re-INVITE received within the dialog: answer its offer or refuse it. */
    void onReInvite(ServerTransaction tx) {
        SipRequest request = tx.request();
        if (!beginInvite()) {
            tx.respond((SipResponse)
                    ua.response(tx, 491, "Request Pending", null, false).build());
            return;
        }
        Optional<String> answer =
                request.bodyLength() > 0 ? listener.onOffer(this, request.bodyText()) : Optional.empty();
        if (request.bodyLength() > 0 && answer.isEmpty()) {
            inviteDone();
            tx.respond((SipResponse)
                    ua.response(tx, 488, "Not Acceptable Here", null, false).build());
            return;
        }
        if (request.bodyLength() > 0) {
            remoteSdp = request.bodyText();
        }
        SipResponse response;
        synchronized (this) {
            dialog.refreshTarget(request);
            SipMessageBuilder b = ua.response(tx, 200, "OK", dialog.id().localTag(), true);
            answer.ifPresent(sdp -> b.body("application/sdp", sdp));
            response = (SipResponse) b.build();
            startAckWait(tx, response);
        }
        tx.respond(response);
    }

    /** An UPDATE received within the dialog (RFC 3311). */
    void onUpdate(ServerTransaction tx) {
        SipRequest request = tx.request();
        Optional<String> answer = Optional.empty();
        if (request.bodyLength() > 0) {
            answer = listener.onOffer(this, request.bodyText());
            if (answer.isEmpty()) {
                tx.respond((SipResponse)
                        ua.response(tx, 488, "Not Acceptable Here", null, false).build());
                return;
            }
            remoteSdp = request.bodyText();
        }
        SipResponse response;
        synchronized (this) {
            dialog.refreshTarget(request);
            SipMessageBuilder b = ua.response(tx, 200, "OK", dialog.id().localTag(), true);
            answer.ifPresent(sdp -> b.body("application/sdp", sdp));
            response = (SipResponse) b.build();
        }
        tx.respond(response);
    }

    // ---------------------------------------------------------------- within the dialog

    private Dialog confirmedDialog(String method) {
        synchronized (this) {
            if (dialog == null || isEnded()) {
                throw new IllegalStateException("no dialog to send " + method + " in");
            }
            return dialog;
        }
    }

    /**
     * Ends the call with a BYE (RFC 3261 15.1.1); the dialog is released at once.
     *
     * @return the final response to the BYE
     */
    public CompletionStage<SipResponse> bye() {
        return sendBye(EndReason.LOCAL_BYE);
    }

    private CompletionStage<SipResponse> sendBye(EndReason reason) {
        Dialog d;
        synchronized (this) {
            d = dialog;
        }
        if (d == null || isEnded()) {
            end(reason);
            return CompletableFuture.failedFuture(new IllegalStateException("the call has ended"));
        }
        CompletionStage<SipResponse> r = ua.sendInDialog(this, d, "BYE", d.newRequest("BYE"), false);
        end(reason);
        return r;
    }

    /**
     * Sends a re-INVITE with a new offer (RFC 3261 14.1); a 2xx is acknowledged and refreshes the
     * remote target.
     *
     * @param sdp the new offer
     * @return the final response (a failure response leaves the session as it was)
     * @throws IllegalStateException when another INVITE is in progress
     */
    public CompletionStage<SipResponse> reInvite(String sdp) {
        Dialog d = confirmedDialog("INVITE");
        if (!beginInvite()) {
            throw new IllegalStateException("an INVITE is already in progress in this dialog (RFC 3261 14.1)");
        }
        SipMessageBuilder b = d.newRequest("INVITE").body("application/sdp", sdp);
        return ua.sendInDialog(this, d, "INVITE", b, true).whenComplete((r, e) -> inviteDone());
    }

    /**
     * Sends an UPDATE (RFC 3311), with a new offer or without a body (a target refresh only).
     *
     * @param sdp the offer, or null
     * @return the final response
     */
    public CompletionStage<SipResponse> update(String sdp) {
        Dialog d = confirmedDialog("UPDATE");
        SipMessageBuilder b = d.newRequest("UPDATE");
        if (sdp != null) {
            b.body("application/sdp", sdp);
        }
        return ua.sendInDialog(this, d, "UPDATE", b, true);
    }

    /**
     * Sends an INFO (RFC 6086) with a body.
     *
     * @param contentType its type
     * @param body the body
     * @return the final response
     */
    public CompletionStage<SipResponse> info(String contentType, String body) {
        Dialog d = confirmedDialog("INFO");
        return ua.sendInDialog(this, d, "INFO", d.newRequest("INFO").body(contentType, body), false);
    }

    /**
     * Sends a DTMF event as an {@code application/dtmf-relay} INFO.
     *
     * @param dtmf the event
     * @return the final response
     */
    public CompletionStage<SipResponse> dtmf(Dtmf dtmf) {
        return info(Dtmf.CONTENT_TYPE, dtmf.toBody());
    }

    /**
     * Sends a MESSAGE (RFC 3428) within the dialog.
     *
     * @param contentType e.g. {@code text/plain}
     * @param text the message
     * @return the final response
     */
    public CompletionStage<SipResponse> message(String contentType, String text) {
        Dialog d = confirmedDialog("MESSAGE");
        return ua.sendInDialog(this, d, "MESSAGE", d.newRequest("MESSAGE").body(contentType, text), false);
    }

    void remoteSdp(String sdp) {
        remoteSdp = sdp;
    }

    /** Ends the call: releases the dialog and every timer, tells the listener once. */
    void end(EndReason reason) {
        Dialog d;
        synchronized (this) {
            if (ended.isDone()) {
                return;
            }
            ok = null;
            okTimer.cancel();
            okTimeout.cancel();
            d = dialog;
            inviteInProgress = false;
        }
        if (d != null) {
            d.terminate();
            ua.unregister(d.id(), this);
        }
        ua.callEnded(this);
        if (!answered.isDone() && uac) {
            answered.completeExceptionally(new SipRequestFailedException("INVITE", 487, null, null));
        }
        confirmed.completeExceptionally(new SipRequestFailedException("INVITE", 487, null, null));
        if (ended.complete(reason)) {
            listener.onEnded(this, reason);
        }
    }

    static boolean isSdp(SipMessage m) {
        return m.contentType().map(c -> c.is("application", "sdp")).orElse(false);
    }

    @Override
    public String toString() {
        return "Call[" + (uac ? "outgoing" : "incoming") + (isEnded() ? ", ended" : "") + "]";
    }
}
