package io.remotebank.signaling.sip.ua;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import io.remotebank.signaling.sip.SipMessageBuilder;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.SipUri;
import io.remotebank.signaling.sip.dialog.Dialog;
import io.remotebank.signaling.sip.dialog.DialogId;
import io.remotebank.signaling.sip.transaction.ClientTransaction;
import io.remotebank.signaling.sip.transaction.ClientTransactionListener;
import io.remotebank.signaling.sip.transaction.ServerTransaction;
import io.remotebank.signaling.sip.transaction.SipTransportChannel;
import io.remotebank.signaling.sip.transaction.TransactionLayer;
import io.remotebank.signaling.sip.transaction.TransactionUser;
import io.remotebank.signaling.sip.transport.SipEndpoint;
import io.remotebank.signaling.sip.transport.SipTransport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * A SIP user agent (RFC 3261 8, 12-15) over a {@link TransactionLayer}: the UAC places calls
 * ({@link #call}) and sends requests outside a dialog ({@link #request}); the UAS checks what
 * arrives (RFC 3261 8.2) and hands new calls and requests to a {@link UasHandler}; a {@link Call}
 * carries BYE, re-INVITE, UPDATE, INFO and MESSAGE within its dialog.
 *
 * <p>Checks before anything is created (answered through the server transaction, which then ends
 * by itself; no dialog or call is made): 400 for a request that fails {@link SipRequest#validate()},
 * 416 for a Request-URI scheme other than sip, sips and tel, 482 for a merged request (RFC 3261
 * 8.2.2.2: the same From tag, Call-ID and CSeq with another branch, as a request looping back
 * through a forking proxy), 483 for Max-Forwards 0, 420 with Unsupported for an option tag in
 * Require it does not support, 415 with Accept (or Accept-Encoding) for a body it cannot take, 481
 * for a request within an unknown dialog or a CANCEL that matches nothing, 500 for a CSeq out of
 * order within a dialog (12.2.2), 491 for a re-INVITE while another is in progress (14.2).
 *
 * <p>Every dialog and call is released when it ends (BYE, failure, CANCEL, timeout, transport
 * error); {@link #liveDialogs()} and {@link #liveCalls()} count those that have not. Thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class UserAgent implements TransactionUser, AutoCloseable {

    /** The methods this user agent handles, for Allow. */
    public static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE, MESSAGE";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> NEED_DIALOG = Set.of("BYE", "INFO", "UPDATE");
    private static final String SDP = "application/sdp";

    private final TransactionLayer layer;
    private final Settings settings;
    private final UasHandler handler;
    private volatile Network network;
    private volatile SipEndpoint owned;
    private final ConcurrentHashMap<DialogId, Call> dialogs = new ConcurrentHashMap<>();
    private final Set<Call> calls = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<ServerTransaction, Call> pendingInvites = new ConcurrentHashMap<>();
    private final RequestChecks checks;
    private final ConcurrentHashMap<String, Ack> acks = new ConcurrentHashMap<>();

    private record Ack(SipRequest ack, SipTransportChannel channel) {}

    /**
     * How the user agent names itself.
     *
     * @param user the user part of its Contact and From, e.g. {@code rb}
     * @param product the User-Agent / Server header value
     * @param sendTrying whether an INVITE gets 100 (Trying) at once rather than after 200 ms
     * @param supported the option tags it supports (RFC 3261 8.2.2.3); a Require naming another
     *     gets 420
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public record Settings(String user, String product, boolean sendTrying, Set<String> supported) {

        /** Checks and copies. */
        public Settings {
            Arguments.notNull(user, "user");
            Arguments.notNull(product, "product");
            if (user.isEmpty()
                    || !user.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_.!~*'()".indexOf(c) >= 0)) {
                throw new ValidationException(
                        CoreError.ARGUMENT_INVALID, "the user must be a non-empty SIP user token");
            }
            supported = Set.copyOf(supported);
        }

        /** User {@code rb}, product {@code RemoteBank-SDK}, 100 (Trying) at once, no extensions. */
        public static Settings ofDefaults() {
            return new Settings("rb", "RemoteBank-SDK", true, Set.of());
        }

        /**
         * These settings with another user.
         *
         * @param user the user part
         * @return the new settings
         */
        public Settings withUser(String user) {
            return new Settings(user, product, sendTrying, supported);
        }
    }

    /**
     * Creates a user agent over a transaction layer; {@link #attach(Network)} it before it sends.
     *
     * @param layer the transaction layer (this user agent must be its transaction user)
     * @param settings how it names itself
     * @param handler what it does with new calls and requests
     */
    public UserAgent(TransactionLayer layer, Settings settings, UasHandler handler) {
        this.layer = Arguments.notNull(layer, "layer");
        this.settings = Arguments.notNull(settings, "settings");
        this.checks = new RequestChecks(this.settings.supported());
        this.handler = Arguments.notNull(handler, "handler");
    }

    /**
     * Starts an endpoint with a user agent as its transaction user.
     *
     * @param endpoint the configured endpoint
     * @param advertised the address put in Via and Contact
     * @param settings how it names itself
     * @param handler what it does with new calls and requests
     * @return the running user agent; {@link #close()} closes the endpoint
     */
    public static UserAgent start(
            SipEndpoint.Builder endpoint, InetAddress advertised, Settings settings, UasHandler handler) {
        UserAgent[] ua = new UserAgent[1];
        SipEndpoint e = endpoint.start(layer -> ua[0] = new UserAgent(layer, settings, handler));
        ua[0].attach(Network.of(e, advertised));
        ua[0].owned = e;
        return ua[0];
    }

    /**
     * A factory for {@code SipEndpoint.Builder#start}.
     *
     * @param settings how it names itself
     * @param handler what it does with new calls
     * @return the factory
     */
    public static Function<TransactionLayer, UserAgent> factory(Settings settings, UasHandler handler) {
        return layer -> new UserAgent(layer, settings, handler);
    }

    /**
     * Sets how the user agent reaches next hops.
     *
     * @param network the network
     * @return this
     */
    public UserAgent attach(Network network) {
        this.network = Arguments.notNull(network, "network");
        return this;
    }

    /** The transaction layer. */
    public TransactionLayer layer() {
        return layer;
    }

    /** Dialogs (early or confirmed) not yet released. */
    public int liveDialogs() {
        return dialogs.size();
    }

    /** Calls not yet ended. */
    public int liveCalls() {
        return calls.size();
    }

    /** The endpoint {@link #start} made, if it made one. */
    public Optional<SipEndpoint> endpoint() {
        return Optional.ofNullable(owned);
    }

    /** Closes the endpoint when {@link #start} made it. */
    @Override
    public void close() {
        SipEndpoint c = owned;
        if (c != null) {
            c.close();
        }
    }

    // ================================================================ UAC

    /**
     * Places a call (RFC 3261 13.2): an INVITE with an SDP offer to the target.
     *
     * @param target a sip or sips URI, e.g. {@code sip:service@192.0.2.1:5060}; {@code
     *     ;transport=tcp} picks TCP
     * @param sdpOffer the SDP offer
     * @param listener what receives the call's events
     * @return the call; {@link Call#answered()} completes with the 2xx
     */
    public Call call(String target, String sdpOffer, CallListener listener) {
        SipUri uri = targetUri(target);
        Call call = new Call(this, true, listener);
        calls.add(call);
        SipMessageBuilder b = outOfDialog("INVITE", uri);
        b.body(SDP, Arguments.notNull(sdpOffer, "sdpOffer"));
        call.beginInvite();
        send(b, uri, true, call.inviteListener)
                .thenAccept(tx -> call.invited(tx.request(), tx))
                .exceptionally(e -> {
                    call.fail(new SipRequestFailedException("INVITE", 503, null, unwrap(e)), EndReason.TRANSPORT_ERROR);
                    return null;
                });
        call.answered().whenComplete((r, e) -> call.inviteDone());
        return call;
    }

    /**
     * Sends a request outside a dialog: OPTIONS, MESSAGE (RFC 3428) or another method that needs
     * no dialog.
     *
     * @param method the method (not INVITE, ACK, CANCEL, BYE, UPDATE or INFO)
     * @param target the target URI
     * @param contentType the body's type, or null for no body
     * @param body the body, or null
     * @return the final response; fails with a {@link SipRequestFailedException} (408 or 503) when
     *     none came
     */
    public CompletionStage<SipResponse> request(String method, String target, String contentType, String body) {
        if (Set.of("INVITE", "ACK", "CANCEL").contains(method) || NEED_DIALOG.contains(method)) {
            throw new ValidationException(
                    CoreError.ARGUMENT_INVALID, method + " is not sent outside a dialog this way");
        }
        SipUri uri = targetUri(target);
        SipMessageBuilder b = outOfDialog(method, uri);
        if (body != null) {
            b.body(Arguments.notNull(contentType, "contentType"), body);
        }
        FinalResponse r = new FinalResponse(method, null, null);
        send(b, uri, method.equals("OPTIONS"), r).exceptionally(e -> {
            r.future.completeExceptionally(new SipRequestFailedException(method, 503, null, unwrap(e)));
            return null;
        });
        return r.future;
    }

    private static SipUri targetUri(String target) {
        SipUri uri = SipUri.parse(Arguments.notNull(target, "target"));
        if (!uri.isSip() || uri.host().isEmpty()) {
            throw new ValidationException(
                    CoreError.ARGUMENT_INVALID, "the target must be a sip or sips URI with a host");
        }
        return uri;
    }

    private SipMessageBuilder outOfDialog(String method, SipUri uri) {
        SipMessageBuilder b = SipRequest.builder(method, uri.toString());
        b.header("Max-Forwards", "70");
        b.header("From", "<sip:" + settings.user() + "@" + hostOf(sentBy(transportOf(uri))) + ">;tag=" + newTag());
        b.header("To", "<" + uri + ">");
        b.header("Call-ID", newTag() + newTag());
        b.header("CSeq", "1 " + method);
        return b;
    }

    private static String hostOf(String sentBy) {
        int colon = sentBy.lastIndexOf(':');
        return colon > 0 && !sentBy.endsWith("]") ? sentBy.substring(0, colon) : sentBy;
    }

    private String sentBy(SipTransport t) {
        Network n = network;
        if (n == null) {
            throw new IllegalStateException("the user agent has no network: attach one first");
        }
        return n.sentBy(t);
    }

    static SipTransport transportOf(SipUri uri) {
        boolean sips = uri.kind() == SipUri.Kind.SIPS;
        Optional<String> param = uri.parameters().get("transport");
        if (param.isEmpty()) {
            return sips ? SipTransport.TLS : SipTransport.UDP; // RFC 3261 19.1.2 / 26.2
        }
        SipTransport t = SipTransport.fromViaName(param.get())
                .orElseThrow(() -> new ValidationException(
                        CoreError.ARGUMENT_INVALID, "transport " + param.get() + " is not offered"));
        if (sips && !t.secure()) {
            // RFC 5630: a sips URI is reached over TLS (or WSS) only
            return t == SipTransport.WS ? SipTransport.WSS : SipTransport.TLS;
        }
        return t;
    }

    private static InetSocketAddress addressOf(SipUri uri) {
        String host = uri.parameters().get("maddr").orElse(uri.host().orElseThrow());
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.port().orElse(transportOf(uri).defaultPort());
        return new InetSocketAddress(host, port);
    }

    private String contact(SipTransport t) {
        String scheme = t.secure() ? "sips:" : "sip:";
        String param = t == SipTransport.UDP || t == SipTransport.TLS
                ? ""
                : ";transport=" + t.viaName().toLowerCase(Locale.ROOT);
        return "<" + scheme + settings.user() + "@" + sentBy(t) + param + ">";
    }
    /** Adds Via (and Contact), builds, and starts a client transaction towards the next hop. */
    private CompletionStage<ClientTransaction> send(
            SipMessageBuilder b, SipUri nextHop, boolean withContact, ClientTransactionListener listener) {
        SipTransport t;
        InetSocketAddress to;
        try {
            t = transportOf(nextHop);
            to = addressOf(nextHop);
            b.headerFirst("Via", via(t));
            if (withContact) {
                b.set("Contact", contact(t));
            }
            b.header("User-Agent", settings.product());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        SipRequest request = (SipRequest) b.build();
        return network.channel(t, to).thenApply(ch -> layer.sendRequest(request, ch, listener));
    }

    private String via(SipTransport t) {
        return "SIP/2.0/" + t.viaName() + " " + sentBy(t) + ";branch=" + TransactionLayer.newBranch() + ";rport";
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    /** Completes with the final response of a non-INVITE (or re-INVITE) request. */
    private final class FinalResponse implements ClientTransactionListener {
        final CompletableFuture<SipResponse> future = new CompletableFuture<>();
        final String method;
        final Call call;
        final Dialog dialog;

        FinalResponse(String method, Call call, Dialog dialog) {
            this.method = method;
            this.call = call;
            this.dialog = dialog;
        }

        @Override
        public void onResponse(ClientTransaction tx, SipResponse response) {
            int status = response.statusCode();
            if (status < 200) {
                return;
            }
            if (dialog != null && status < 300 && (method.equals("INVITE") || method.equals("UPDATE"))) {
                dialog.refreshTarget(response);
                if (Call.isSdp(response) && response.bodyLength() > 0) {
                    call.remoteSdp(response.bodyText());
                }
                if (method.equals("INVITE")) {
                    sendAck(dialog, tx.request().cseq().orElseThrow().number(), response);
                }
            }
            if (call != null && (status == 481 || status == 408) && !method.equals("BYE")) {
                call.end(EndReason.TIMEOUT); // RFC 3261 12.2.1.2: the dialog is gone
            }
            future.complete(response);
        }

        @Override
        public void onTimeout(ClientTransaction tx) {
            if (call != null && !method.equals("BYE")) {
                call.end(EndReason.TIMEOUT);
            }
            future.completeExceptionally(new SipRequestFailedException(method, 408, null, null));
        }

        @Override
        public void onTransportError(ClientTransaction tx, Throwable cause) {
            if (call != null && !method.equals("BYE")) {
                call.end(EndReason.TRANSPORT_ERROR);
            }
            future.completeExceptionally(new SipRequestFailedException(method, 503, null, cause));
        }
    }

    CompletionStage<SipResponse> sendInDialog(
            Call call, Dialog dialog, String method, SipMessageBuilder b, boolean withContact) {
        FinalResponse r = new FinalResponse(method, call, dialog);
        send(b, dialog.nextHop(), withContact, r).exceptionally(e -> {
            r.onTransportError(null, unwrap(e));
            return null;
        });
        return r.future;
    }

    /** RFC 3261 13.2.2.4: the ACK for a 2xx, sent straight to the next hop, kept for 2xx retransmissions. */
    void sendAck(Dialog dialog, long cseq, SipResponse ok) {
        SipMessageBuilder b = dialog.ack(cseq);
        SipUri hop = dialog.nextHop();
        SipTransport t = transportOf(hop);
        b.headerFirst("Via", via(t));
        SipRequest ack = (SipRequest) b.build();
        String key = ackKey(ok);
        network.channel(t, addressOf(hop)).thenAccept(ch -> {
            acks.put(key, new Ack(ack, ch));
            layer.scheduler().schedule(layer.settings().timeout(), () -> acks.remove(key));
            ch.send(ack);
        });
    }

    private static String ackKey(SipResponse ok) {
        return ok.callId().orElse("")
                + '|'
                + ok.cseq().map(c -> c.number()).orElse(0L)
                + '|'
                + ok.toTag().orElse("");
    }

    /** RFC 3261 9.1: CANCEL with the INVITE's Request-URI, Call-ID, From, To, CSeq number and Via. */
    void sendCancel(SipRequest invite, ClientTransaction tx) {
        SipMessageBuilder b = SipRequest.builder("CANCEL", invite.requestUri().toString());
        b.header("Via", invite.topVia().orElseThrow().toString());
        b.header("Max-Forwards", "70");
        for (String route : invite.headerValues("Route")) {
            b.header("Route", route);
        }
        b.header("From", invite.header("From").orElseThrow());
        b.header("To", invite.header("To").orElseThrow());
        b.header("Call-ID", invite.callId().orElseThrow());
        b.header("CSeq", invite.cseq().orElseThrow().number() + " CANCEL");
        layer.sendRequest((SipRequest) b.build(), tx.channel(), new ClientTransactionListener() {
            @Override
            public void onResponse(ClientTransaction transaction, SipResponse response) {
                // the INVITE's 487 ends the call
            }
        });
    }

    // ================================================================ UAS

    @Override
    public void onRequest(ServerTransaction tx) {
        SipRequest request = tx.request();
        String method = request.method();
        if (!checked(tx)) {
            return;
        }
        Optional<String> toTag = request.toTag();
        if (method.equals("CANCEL")) {
            cancel(tx);
            return;
        }
        if (toTag.isPresent()) {
            inDialog(tx, toTag.get());
            return;
        }
        if (NEED_DIALOG.contains(method)) {
            reply(tx, 481, "Call/Transaction Does Not Exist");
            return;
        }
        switch (method) {
            case "OPTIONS" ->
                tx.respond((SipResponse) response(tx, 200, "OK", newTag(), false)
                        .header("Allow", ALLOW)
                        .header("Accept", SDP)
                        .header("Supported", String.join(", ", settings.supported()))
                        .header("Contact", contact(tx))
                        .build());
            case "INVITE" -> newCall(tx);
            default -> handler.onRequest(new Incoming(tx));
        }
    }

    /** The checks of RFC 3261 8.2 ({@link RequestChecks}); false when a refusal was sent. */
    private boolean checked(ServerTransaction tx) {
        Optional<RequestChecks.Refusal> refusal = checks.check(tx);
        if (refusal.isEmpty()) {
            return true;
        }
        RequestChecks.Refusal r = refusal.get();
        SipMessageBuilder b = response(tx, r.status(), r.reason(), newTag(), false);
        if (r.headerName() != null) {
            b.header(r.headerName(), r.headerValue());
        }
        tx.respond((SipResponse) b.build());
        return false;
    }

    private void inDialog(ServerTransaction tx, String toTag) {
        SipRequest request = tx.request();
        Call call = dialogs.get(new DialogId(
                request.callId().orElseThrow(), toTag, request.fromTag().orElse("")));
        if (call == null) {
            reply(tx, 481, "Call/Transaction Does Not Exist");
            return;
        }
        Dialog d = call.dialog().orElseThrow();
        if (!d.acceptRemoteSequence(request.cseq().orElseThrow().number())) {
            reply(tx, 500, "Server Internal Error");
            return;
        }
        switch (request.method()) {
            case "BYE" -> {
                call.end(EndReason.REMOTE_BYE); // released before the 200 goes out
                reply(tx, 200, "OK");
            }
            case "INVITE" -> call.onReInvite(tx);
            case "UPDATE" -> call.onUpdate(tx);
            case "OPTIONS" ->
                tx.respond((SipResponse) response(tx, 200, "OK", null, false)
                        .header("Allow", ALLOW)
                        .build());
            case "INFO", "MESSAGE" -> call.listener().onRequest(call, new Incoming(tx));
            default ->
                tx.respond((SipResponse) response(tx, 405, "Method Not Allowed", null, false)
                        .header("Allow", ALLOW)
                        .build());
        }
    }

    private void newCall(ServerTransaction tx) {
        if (settings.sendTrying()) {
            tx.respond((SipResponse) response(tx, 100, "Trying", null, false).build());
        }
        Call call = new Call(this, false, CallListener.NONE);
        call.received(tx.request(), tx);
        calls.add(call);
        pendingInvites.put(tx, call);
        handler.onInvite(new IncomingInvite(call));
    }

    private void cancel(ServerTransaction tx) {
        Optional<ServerTransaction> invite = layer.findInvite(tx.request());
        Call call = invite.map(pendingInvites::get).orElse(null);
        if (call == null) {
            reply(tx, 481, "Call/Transaction Does Not Exist");
            return;
        }
        String tag = call.dialog().map(d -> d.id().localTag()).orElse(null);
        tx.respond((SipResponse)
                response(tx, 200, "OK", tag == null ? newTag() : tag, false).build());
        call.onCancelled();
    }

    @Override
    public void onAck(SipRequest ack, SipTransportChannel channel) {
        Optional<String> toTag = ack.toTag();
        if (toTag.isEmpty() || ack.callId().isEmpty()) {
            return;
        }
        Call call = dialogs.get(
                new DialogId(ack.callId().get(), toTag.get(), ack.fromTag().orElse("")));
        if (call != null) {
            call.onAck(ack);
        }
    }

    @Override
    public void onStrayResponse(SipResponse response, SipTransportChannel channel) {
        // RFC 3261 13.2.2.4: a retransmitted 2xx to an INVITE gets the same ACK again
        int status = response.statusCode();
        if (status >= 200
                && status < 300
                && response.cseq().map(c -> c.method().equals("INVITE")).orElse(false)) {
            Ack ack = acks.get(ackKey(response));
            if (ack != null) {
                ack.channel().send(ack.ack());
            }
        }
    }

    @Override
    public void onTransportError(ServerTransaction transaction, Throwable cause) {
        Call call = pendingInvites.get(transaction);
        if (call != null) {
            call.end(EndReason.TRANSPORT_ERROR);
        }
        for (Call c : calls) {
            if (c.serverTransaction() == transaction) {
                c.end(EndReason.TRANSPORT_ERROR);
            }
        }
    }

    @Override
    public void onTerminated(ServerTransaction transaction) {
        pendingInvites.remove(transaction);
        checks.forget(transaction);
    }

    private void reply(ServerTransaction tx, int status, String reason) {
        String tag = tx.request().toTag().isPresent() ? null : newTag();
        tx.respond((SipResponse) response(tx, status, reason, tag, false).build());
    }

    /** A response to the transaction's request; with the fields a dialog-creating response carries. */
    SipMessageBuilder response(ServerTransaction tx, int status, String reason, String toTag, boolean dialogFields) {
        SipRequest request = tx.request();
        SipMessageBuilder b = SipResponse.to(request, status, reason, toTag);
        if (dialogFields) {
            for (String rr : request.headerValues("Record-Route")) {
                b.header("Record-Route", rr); // RFC 3261 12.1.1
            }
            b.header("Contact", contact(tx));
            b.header("Allow", ALLOW);
        }
        if (status >= 200) {
            b.header("Server", settings.product());
        }
        return b;
    }

    /** The Contact for the transport the request came over (its top Via names it). */
    private String contact(ServerTransaction tx) {
        SipTransport t = tx.request()
                .topVia()
                .flatMap(v -> SipTransport.fromViaName(v.transport()))
                .orElse(tx.channel().reliable() ? SipTransport.TCP : SipTransport.UDP);
        try {
            return contact(t);
        } catch (RuntimeException e) {
            return contact(tx.channel().reliable() ? SipTransport.TCP : SipTransport.UDP);
        }
    }

    void register(DialogId id, Call call) {
        dialogs.put(id, call);
    }

    void unregister(DialogId id, Call call) {
        dialogs.remove(id, call);
    }

    void callEnded(Call call) {
        calls.remove(call);
        ServerTransaction tx = call.serverTransaction();
        if (tx != null) {
            pendingInvites.remove(tx, call);
        }
    }

    static String newTag() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** A request handed to the application. */
    private final class Incoming implements IncomingRequest {
        private final ServerTransaction tx;
        private final String tag;

        Incoming(ServerTransaction tx) {
            this.tx = tx;
            this.tag = tx.request().toTag().isPresent() ? null : newTag();
        }

        @Override
        public SipRequest request() {
            return tx.request();
        }

        @Override
        public SipMessageBuilder response(int status, String reason) {
            return UserAgent.this.response(tx, status, reason, tag, false);
        }

        @Override
        public void respond(SipMessageBuilder response) {
            tx.respond((SipResponse) response.build());
        }
    }

    /** An INVITE handed to the application. */
    private final class IncomingInvite implements IncomingCall {
        private final Call call;

        IncomingInvite(Call call) {
            this.call = call;
        }

        @Override
        public SipRequest request() {
            return call.invite().orElseThrow();
        }

        @Override
        public Optional<String> offer() {
            SipRequest r = request();
            return r.bodyLength() > 0 && Call.isSdp(r) ? Optional.of(r.bodyText()) : Optional.empty();
        }

        @Override
        public Call call() {
            return call;
        }

        @Override
        public IncomingCall listener(CallListener listener) {
            call.listener(listener);
            return this;
        }

        @Override
        public void ring() {
            call.respondInvite(180, "Ringing", null);
        }

        @Override
        public void progress(String sdp) {
            call.respondInvite(183, "Session Progress", Arguments.notNull(sdp, "sdp"));
        }

        @Override
        public CompletionStage<Call> accept(String sdp) {
            offer().ifPresent(call::remoteSdp);
            call.respondInvite(200, "OK", Arguments.notNull(sdp, "sdp"));
            return call.confirmedStage();
        }

        @Override
        public void reject(int status, String reason) {
            if (status < 300 || status > 699) {
                throw new ValidationException(CoreError.ARGUMENT_INVALID, "a rejection is 300-699, not " + status);
            }
            call.respondInvite(status, reason, null);
        }
    }
}
