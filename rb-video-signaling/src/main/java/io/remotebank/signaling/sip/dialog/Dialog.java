package io.remotebank.signaling.sip.dialog;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import io.remotebank.signaling.sip.NameAddress;
import io.remotebank.signaling.sip.SipMessage;
import io.remotebank.signaling.sip.SipMessageBuilder;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.SipUri;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The state of a dialog (RFC 3261 12): its id, the local and remote sequence numbers, the local and
 * remote URIs, the remote target and the route set, and whether it is secure. It builds the
 * requests sent within it (12.2.1.1) with loose routing (RFC 3261 16.12; a strict router in the route
 * set is handled as 12.2.1.1 says) and checks the CSeq of those received (12.2.2).
 *
 * <p>Thread-safe. {@link #toString()} names the state only, never the URIs (they may hold a phone
 * number).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Dialog {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DialogId id;
    private final String localHeader;
    private final String remoteHeader;
    private final boolean secure;
    private final boolean uac;
    private DialogState state;
    private SipUri remoteTarget;
    private List<NameAddress> routeSet;
    private long localSeq;
    private long remoteSeq;

    private Dialog(
            DialogId id,
            String localHeader,
            String remoteHeader,
            boolean secure,
            boolean uac,
            DialogState state,
            SipUri remoteTarget,
            List<NameAddress> routeSet,
            long localSeq,
            long remoteSeq) {
        this.id = id;
        this.localHeader = localHeader;
        this.remoteHeader = remoteHeader;
        this.secure = secure;
        this.uac = uac;
        this.state = state;
        this.remoteTarget = remoteTarget;
        this.routeSet = List.copyOf(routeSet);
        this.localSeq = localSeq;
        this.remoteSeq = remoteSeq;
    }

    /**
     * The dialog a UAC creates from a response with a To tag to its request (RFC 3261 12.1.2): the
     * route set is the Record-Route of the response in reverse order, the remote target its
     * Contact, the local sequence number the request's CSeq.
     *
     * @param request the dialog-creating request as sent
     * @param response a 101-199 (early) or 2xx (confirmed) response with a To tag
     * @return the dialog
     * @throws ValidationException when the response has no To tag, or a 2xx has no Contact
     */
    public static Dialog forUac(SipRequest request, SipResponse response) {
        String remoteTag = response.toTag()
                .orElseThrow(() ->
                        new ValidationException(CoreError.ARGUMENT_INVALID, "the response has no To tag: no dialog"));
        String localTag = request.fromTag()
                .orElseThrow(() -> new ValidationException(CoreError.ARGUMENT_INVALID, "the request has no From tag"));
        List<NameAddress> routes = new ArrayList<>(response.recordRoutes());
        Collections.reverse(routes);
        SipUri target = remoteTarget(response, request.requestUri());
        boolean early = response.statusCode() < 200;
        return new Dialog(
                new DialogId(request.callId().orElseThrow(), localTag, remoteTag),
                request.header("From").orElseThrow(),
                response.header("To").orElseThrow(),
                request.requestUri().kind() == SipUri.Kind.SIPS,
                true,
                early ? DialogState.EARLY : DialogState.CONFIRMED,
                target,
                routes,
                request.cseq().orElseThrow().number(),
                -1);
    }

    /**
     * The dialog a UAS creates when it answers a request with a To tag of its choosing (RFC 3261
     * 12.1.1): the route set is the request's Record-Route in order, the remote target its Contact,
     * the remote sequence number its CSeq; the local sequence number starts at a random value.
     *
     * @param request the dialog-creating request
     * @param localTag the To tag of the responses
     * @param early whether the first response is provisional
     * @return the dialog
     */
    public static Dialog forUas(SipRequest request, String localTag, boolean early) {
        Arguments.notNull(localTag, "localTag");
        String to = request.header("To")
                .orElseThrow(() -> new ValidationException(CoreError.ARGUMENT_INVALID, "the request has no To"));
        return new Dialog(
                new DialogId(
                        request.callId().orElseThrow(),
                        localTag,
                        request.fromTag().orElse("")),
                request.toTag().isPresent() ? to : to + ";tag=" + localTag,
                request.header("From").orElseThrow(),
                request.requestUri().kind() == SipUri.Kind.SIPS,
                false,
                early ? DialogState.EARLY : DialogState.CONFIRMED,
                remoteTarget(request, request.requestUri()),
                request.recordRoutes(),
                RANDOM.nextInt(1 << 30) + 1L,
                request.cseq().orElseThrow().number());
    }

    private static SipUri remoteTarget(SipMessage m, SipUri fallback) {
        List<NameAddress> contacts = m.contacts();
        return contacts.isEmpty() ? fallback : contacts.get(0).uri();
    }

    /** The dialog id. */
    public DialogId id() {
        return id;
    }

    /** Whether this side created the dialog as a UAC. */
    public boolean isUac() {
        return uac;
    }

    /** Whether the dialog is secure (a sips Request-URI, RFC 3261 12.1). */
    public boolean secure() {
        return secure;
    }

    /** The state. */
    public synchronized DialogState state() {
        return state;
    }

    /** The remote target: where requests within the dialog go (before the route set applies). */
    public synchronized SipUri remoteTarget() {
        return remoteTarget;
    }

    /** The route set, first hop first. */
    public synchronized List<NameAddress> routeSet() {
        return routeSet;
    }

    /** The last CSeq number this side sent. */
    public synchronized long localSequence() {
        return localSeq;
    }

    /** The last CSeq number the peer sent, if any. */
    public synchronized Optional<Long> remoteSequence() {
        return remoteSeq < 0 ? Optional.empty() : Optional.of(remoteSeq);
    }

    /**
     * A UAC's early dialog confirmed by the 2xx (RFC 3261 12.1.2 / 13.2.2.4): the route set and the
     * remote target are taken again from the 2xx; a UAS's dialog simply becomes confirmed.
     *
     * @param ok the 2xx
     */
    public synchronized void confirm(SipResponse ok) {
        if (state == DialogState.TERMINATED) {
            return;
        }
        if (uac) {
            List<NameAddress> routes = new ArrayList<>(ok.recordRoutes());
            Collections.reverse(routes);
            routeSet = List.copyOf(routes);
            refreshTargetLocked(ok);
        }
        state = DialogState.CONFIRMED;
    }

    /**
     * A target refresh (RFC 3261 12.2: a re-INVITE or its 2xx, an UPDATE or its 2xx): the Contact
     * becomes the remote target.
     *
     * @param message the request or response
     */
    public synchronized void refreshTarget(SipMessage message) {
        refreshTargetLocked(message);
    }

    private void refreshTargetLocked(SipMessage message) {
        List<NameAddress> contacts = message.contacts();
        if (!contacts.isEmpty()) {
            remoteTarget = contacts.get(0).uri();
        }
    }

    /**
     * Checks the CSeq of a request received within the dialog (RFC 3261 12.2.2): lower than the
     * remote sequence number is out of order (the caller answers 500); otherwise it becomes the
     * remote sequence number.
     *
     * @param cseq the request's CSeq number
     * @return whether the request is in order
     */
    public synchronized boolean acceptRemoteSequence(long cseq) {
        if (remoteSeq >= 0 && cseq < remoteSeq) {
            return false;
        }
        remoteSeq = cseq;
        return true;
    }

    /**
     * Ends the dialog.
     *
     * @return whether it was not already terminated
     */
    public synchronized boolean terminate() {
        boolean was = state != DialogState.TERMINATED;
        state = DialogState.TERMINATED;
        return was;
    }

    /**
     * A request within the dialog (RFC 3261 12.2.1.1) with the next local sequence number: To, From,
     * Call-ID, CSeq, Max-Forwards, and the Request-URI and Route from the remote target and the
     * route set. The caller adds the Via (first), the Contact and a body.
     *
     * @param method the method, not ACK or CANCEL (see {@link #ack(long)})
     * @return the builder
     * @throws ValidationException for ACK or CANCEL
     */
    public synchronized SipMessageBuilder newRequest(String method) {
        if (method.equals("ACK") || method.equals("CANCEL")) {
            throw new ValidationException(
                    CoreError.ARGUMENT_INVALID, method + " takes the CSeq of the request it acknowledges or cancels");
        }
        localSeq++;
        return build(method, localSeq);
    }

    /**
     * The ACK for a 2xx to the INVITE with this CSeq number (RFC 3261 13.2.2.4); the caller adds a
     * Via with a new branch.
     *
     * @param inviteCSeq the INVITE's CSeq number
     * @return the builder
     */
    public synchronized SipMessageBuilder ack(long inviteCSeq) {
        return build("ACK", inviteCSeq);
    }

    private SipMessageBuilder build(String method, long cseq) {
        SipUri requestUri = remoteTarget;
        List<String> routes = new ArrayList<>();
        if (!routeSet.isEmpty()) {
            NameAddress first = routeSet.get(0);
            if (first.uri().parameters().has("lr")) {
                for (NameAddress r : routeSet) {
                    routes.add(r.toString());
                }
            } else {
                // RFC 3261 12.2.1.1: a strict router gets the Request-URI; the remote target goes last.
                requestUri = first.uri();
                for (int i = 1; i < routeSet.size(); i++) {
                    routes.add(routeSet.get(i).toString());
                }
                routes.add("<" + remoteTarget + ">");
            }
        }
        SipMessageBuilder b = SipRequest.builder(method, requestUri.toString());
        b.header("Max-Forwards", "70");
        for (String r : routes) {
            b.header("Route", r);
        }
        b.header("From", localHeader);
        b.header("To", remoteHeader);
        b.header("Call-ID", id.callId());
        b.header("CSeq", cseq + " " + method);
        return b;
    }

    /**
     * Where a request within the dialog goes first: the first route when the route set starts with a
     * loose router, else the Request-URI (the remote target, or a strict router).
     *
     * @return the next hop's URI
     */
    public synchronized SipUri nextHop() {
        return routeSet.isEmpty() ? remoteTarget : routeSet.get(0).uri();
    }

    @Override
    public String toString() {
        return "Dialog[" + (uac ? "UAC, " : "UAS, ") + state() + "]";
    }
}
