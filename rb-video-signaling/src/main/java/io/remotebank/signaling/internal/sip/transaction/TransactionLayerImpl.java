package io.remotebank.signaling.internal.sip.transaction;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import io.remotebank.core.time.Cancellable;
import io.remotebank.core.time.Scheduler;
import io.remotebank.signaling.sip.CSeq;
import io.remotebank.signaling.sip.SipMessage;
import io.remotebank.signaling.sip.SipMessageBuilder;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.Via;
import io.remotebank.signaling.sip.transaction.ClientTransaction;
import io.remotebank.signaling.sip.transaction.ClientTransactionListener;
import io.remotebank.signaling.sip.transaction.ServerTransaction;
import io.remotebank.signaling.sip.transaction.SipTransportChannel;
import io.remotebank.signaling.sip.transaction.TransactionLayer;
import io.remotebank.signaling.sip.transaction.TransactionSettings;
import io.remotebank.signaling.sip.transaction.TransactionState;
import io.remotebank.signaling.sip.transaction.TransactionUser;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/** The implementation of {@link TransactionLayer}. */
@API(status = INTERNAL, since = "0.1")
public final class TransactionLayerImpl implements TransactionLayer {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Cancellable NONE = () -> false;

    private final TransactionSettings settings;
    private final Scheduler scheduler;
    private final TransactionUser user;
    private final ConcurrentHashMap<String, ClientTx> clients = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ServerTx> servers = new ConcurrentHashMap<>();

    /**
     * Creates the layer.
     *
     * @param settings the timer values
     * @param scheduler runs the timers
     * @param user the transaction user
     */
    public TransactionLayerImpl(TransactionSettings settings, Scheduler scheduler, TransactionUser user) {
        this.settings = Arguments.notNull(settings, "settings");
        this.scheduler = Arguments.notNull(scheduler, "scheduler");
        this.user = Arguments.notNull(user, "user");
    }

    /**
     * A new RFC 3261 branch.
     *
     * @return the branch
     */
    public static String newBranch() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Via.MAGIC_COOKIE + HexFormat.of().formatHex(b);
    }

    @Override
    public ClientTransaction sendRequest(
            SipRequest request, SipTransportChannel channel, ClientTransactionListener listener) {
        Arguments.notNull(request, "request");
        Arguments.notNull(channel, "channel");
        Arguments.notNull(listener, "listener");
        if (request.method().equals("ACK")) {
            throw new ValidationException(
                    CoreError.ARGUMENT_INVALID, "an ACK is not sent in a client transaction (RFC 3261 17.1)");
        }
        Via via = request.topVia()
                .orElseThrow(() -> new ValidationException(CoreError.ARGUMENT_INVALID, "the request has no Via"));
        String branch = via.branch()
                .filter(b -> b.startsWith(Via.MAGIC_COOKIE))
                .orElseThrow(() ->
                        new ValidationException(CoreError.ARGUMENT_INVALID, "the top Via has no RFC 3261 branch"));
        CSeq cseq = request.cseq()
                .orElseThrow(() -> new ValidationException(CoreError.ARGUMENT_INVALID, "the request has no CSeq"));
        if (request.callId().isEmpty()) {
            throw new ValidationException(CoreError.ARGUMENT_INVALID, "the request has no Call-ID");
        }
        String key = clientKey(branch, cseq.method());
        ClientTx tx = new ClientTx(key, branch, request, channel, listener);
        if (clients.putIfAbsent(key, tx) != null) {
            throw new ValidationException(
                    CoreError.ARGUMENT_INVALID, "branch already in use by a live client transaction");
        }
        tx.start();
        return tx;
    }

    @Override
    public void receive(SipMessage message, SipTransportChannel channel) {
        Arguments.notNull(channel, "channel");
        if (message.topVia().isEmpty()
                || message.cseq().isEmpty()
                || message.callId().isEmpty()) {
            return;
        }
        if (message instanceof SipResponse response) {
            receiveResponse(response, channel);
        } else {
            receiveRequest((SipRequest) message, channel);
        }
    }

    private void receiveResponse(SipResponse response, SipTransportChannel channel) {
        Optional<String> branch = response.topVia().flatMap(Via::branch);
        ClientTx tx = branch.map(b ->
                        clients.get(clientKey(b, response.cseq().orElseThrow().method())))
                .orElse(null);
        if (tx == null) {
            user.onStrayResponse(response, channel);
        } else {
            tx.onResponse(response);
        }
    }

    private void receiveRequest(SipRequest request, SipTransportChannel channel) {
        String key = serverKey(request);
        boolean ack = request.method().equals("ACK");
        ServerTx tx = servers.get(key);
        if (tx != null && !tx.rfc3261 && !tx.toTagMatches(request, ack)) {
            tx = null;
        }
        if (ack) {
            if (tx == null || !tx.onAck(request)) {
                user.onAck(request, channel);
            }
            return;
        }
        if (tx != null) {
            tx.onRetransmission();
            return;
        }
        ServerTx created = new ServerTx(key, request, channel);
        ServerTx raced = servers.putIfAbsent(key, created);
        if (raced != null) {
            raced.onRetransmission();
            return;
        }
        created.start();
        user.onRequest(created);
    }

    @Override
    public Optional<ServerTransaction> findInvite(SipRequest cancel) {
        if (cancel.topVia().isEmpty()
                || cancel.cseq().isEmpty()
                || cancel.callId().isEmpty()) {
            return Optional.empty();
        }
        ServerTx tx = servers.get(serverKey(cancel, "INVITE"));
        if (tx == null || (!tx.rfc3261 && !tx.toTagMatches(cancel, false))) {
            return Optional.empty();
        }
        return Optional.of(tx);
    }

    @Override
    public void transportFailed(SipTransportChannel channel, Throwable cause) {
        for (ClientTx tx : new ArrayList<>(clients.values())) {
            if (tx.channel == channel) {
                tx.transportError(cause);
            }
        }
        for (ServerTx tx : new ArrayList<>(servers.values())) {
            if (tx.channel == channel) {
                tx.transportError(cause);
            }
        }
    }

    @Override
    public TransactionSettings settings() {
        return settings;
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public int liveTransactions() {
        return clients.size() + servers.size();
    }

    private static String clientKey(String branch, String method) {
        return branch + '|' + method;
    }

    private static String serverKey(SipRequest request) {
        String method = request.method();
        return serverKey(request, method.equals("ACK") ? "INVITE" : method);
    }

    /** RFC 3261 17.2.3: branch, sent-by and method; else the RFC 2543 fields. */
    private static String serverKey(SipRequest request, String method) {
        Via via = request.topVia().orElseThrow();
        Optional<String> branch = via.branch().filter(b -> b.startsWith(Via.MAGIC_COOKIE));
        if (branch.isPresent()) {
            return "3261|" + branch.get() + '|' + via.host().toLowerCase(Locale.ROOT) + ':' + via.port() + '|' + method;
        }
        return "2543|" + request.requestUri() + '|' + request.fromTag().orElse("") + '|'
                + request.callId().orElseThrow() + '|'
                + request.cseq().orElseThrow().number() + '|' + via + '|'
                + method;
    }

    private Cancellable schedule(Duration delay, Runnable task) {
        return scheduler.schedule(delay, task);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void send(SipTransportChannel channel, SipMessage message, Transaction owner) {
        try {
            channel.send(message).whenComplete((v, e) -> {
                if (e != null) {
                    owner.transportError(e);
                }
            });
        } catch (RuntimeException e) {
            owner.transportError(e);
        }
    }

    private interface Transaction {
        void transportError(Throwable cause);
    }

    /** A client transaction: figures 5 and 6 of RFC 3261, with the Accepted state of RFC 6026. */
    private final class ClientTx implements ClientTransaction, Transaction {
        private final String key;
        private final String branch;
        private final SipRequest request;
        private final SipTransportChannel channel;
        private final ClientTransactionListener listener;
        private final boolean invite;
        private final boolean reliable;
        private TransactionState state;
        private Duration interval;
        private Cancellable retransmit = NONE;
        private Cancellable timeout = NONE;
        private Cancellable linger = NONE;
        private SipRequest ack;

        ClientTx(
                String key,
                String branch,
                SipRequest request,
                SipTransportChannel channel,
                ClientTransactionListener listener) {
            this.key = key;
            this.branch = branch;
            this.request = request;
            this.channel = channel;
            this.listener = listener;
            this.invite = request.method().equals("INVITE");
            this.reliable = channel.reliable();
            this.state = invite ? TransactionState.CALLING : TransactionState.TRYING;
            this.interval = settings.t1();
        }

        void start() {
            synchronized (this) {
                if (!reliable) {
                    retransmit = schedule(interval, this::onRetransmitTimer); // timer A or E
                }
                timeout = schedule(settings.timeout(), this::onTimeoutTimer); // timer B or F
            }
            send(channel, request, this);
        }

        /** Timer A (INVITE: doubles each time) or E (non-INVITE: doubles up to T2, T2 once proceeding). */
        private void onRetransmitTimer() {
            synchronized (this) {
                boolean active = invite
                        ? state == TransactionState.CALLING
                        : state == TransactionState.TRYING || state == TransactionState.PROCEEDING;
                if (!active) {
                    return;
                }
                if (invite) {
                    interval = interval.multipliedBy(2);
                } else if (state == TransactionState.TRYING) {
                    interval = min(interval.multipliedBy(2), settings.t2());
                } else {
                    interval = settings.t2();
                }
                retransmit = schedule(interval, this::onRetransmitTimer);
            }
            send(channel, request, this);
        }

        /** Timer B or F. */
        private void onTimeoutTimer() {
            synchronized (this) {
                if (state != TransactionState.CALLING
                        && state != TransactionState.TRYING
                        && state != TransactionState.PROCEEDING) {
                    return;
                }
                terminateLocked();
            }
            listener.onTimeout(this);
            terminated();
        }

        void onResponse(SipResponse response) {
            int status = response.statusCode();
            boolean deliver = false;
            boolean end = false;
            SipRequest ackToSend = null;
            synchronized (this) {
                switch (state) {
                    case CALLING, TRYING, PROCEEDING -> {
                        deliver = true;
                        if (status < 200) {
                            if (invite) {
                                retransmit.cancel();
                            }
                            state = TransactionState.PROCEEDING;
                        } else {
                            retransmit.cancel();
                            timeout.cancel();
                            if (invite && status < 300) {
                                state = TransactionState.ACCEPTED; // RFC 6026 timer M
                                linger = schedule(settings.timeout(), this::onLingerTimer);
                            } else if (invite) {
                                state = TransactionState.COMPLETED;
                                ack = buildAck(response);
                                ackToSend = ack;
                                if (reliable) {
                                    terminateLocked();
                                    end = true;
                                } else {
                                    linger = schedule(settings.timerD(), this::onLingerTimer); // timer D
                                }
                            } else {
                                state = TransactionState.COMPLETED;
                                if (reliable) {
                                    terminateLocked();
                                    end = true;
                                } else {
                                    linger = schedule(settings.t4(), this::onLingerTimer); // timer K
                                }
                            }
                        }
                    }
                    case COMPLETED -> {
                        if (invite && status >= 300) {
                            ackToSend = ack; // a retransmitted final response: ACK again
                        }
                    }
                    case ACCEPTED -> deliver = status >= 200 && status < 300;
                    default -> {}
                }
            }
            if (ackToSend != null) {
                send(channel, ackToSend, this);
            }
            if (deliver) {
                listener.onResponse(this, response);
            }
            if (end) {
                terminated();
            }
        }

        /** Timer D, K or M. */
        private void onLingerTimer() {
            synchronized (this) {
                if (state == TransactionState.TERMINATED) {
                    return;
                }
                terminateLocked();
            }
            terminated();
        }

        /** RFC 3261 17.1.1.3. */
        private SipRequest buildAck(SipResponse response) {
            String uri = request.requestUri().toString();
            SipMessageBuilder b = SipRequest.builder("ACK", uri);
            b.header("Via", request.topVia().orElseThrow().toString());
            request.header("Max-Forwards").ifPresent(v -> b.header("Max-Forwards", v));
            for (String route : request.headerValues("Route")) {
                b.header("Route", route);
            }
            b.header("From", request.header("From").orElseThrow());
            b.header("To", response.header("To").orElseThrow());
            b.header("Call-ID", request.callId().orElseThrow());
            b.header("CSeq", request.cseq().orElseThrow().number() + " ACK");
            return (SipRequest) b.build();
        }

        @Override
        public void transportError(Throwable cause) {
            synchronized (this) {
                if (state == TransactionState.TERMINATED) {
                    return;
                }
                terminateLocked();
            }
            listener.onTransportError(this, cause);
            terminated();
        }

        private void terminateLocked() {
            state = TransactionState.TERMINATED;
            retransmit.cancel();
            timeout.cancel();
            linger.cancel();
            clients.remove(key, this);
        }

        private void terminated() {
            listener.onTerminated(this);
        }

        @Override
        public SipRequest request() {
            return request;
        }

        @Override
        public String branch() {
            return branch;
        }

        @Override
        public synchronized TransactionState state() {
            return state;
        }

        @Override
        public SipTransportChannel channel() {
            return channel;
        }

        @Override
        public String toString() {
            return "ClientTransaction[" + request + ", " + state() + "]";
        }
    }

    /** A server transaction: figures 7 and 8 of RFC 3261, with the Accepted state of RFC 6026. */
    private final class ServerTx implements ServerTransaction, Transaction {
        private final String key;
        private final SipRequest request;
        private final SipTransportChannel channel;
        private final boolean invite;
        private final boolean reliable;
        private final boolean rfc3261;
        private TransactionState state;
        private SipResponse last;
        private Duration interval;
        private Cancellable trying = NONE;
        private Cancellable retransmit = NONE;
        private Cancellable timeout = NONE;
        private Cancellable linger = NONE;

        ServerTx(String key, SipRequest request, SipTransportChannel channel) {
            this.key = key;
            this.request = request;
            this.channel = channel;
            this.invite = request.method().equals("INVITE");
            this.reliable = channel.reliable();
            this.rfc3261 = key.startsWith("3261|");
            this.state = invite ? TransactionState.PROCEEDING : TransactionState.TRYING;
            this.interval = settings.t1();
        }

        void start() {
            if (invite) {
                synchronized (this) {
                    trying = schedule(settings.trying100(), this::onTryingTimer);
                }
            }
        }

        /** RFC 2543 matching also compares the To tag: the request's, or for an ACK the response's. */
        boolean toTagMatches(SipRequest other, boolean ack) {
            String expected;
            synchronized (this) {
                expected = ack
                        ? (last == null ? null : last.toTag().orElse(null))
                        : request.toTag().orElse(null);
            }
            return Objects.equals(expected, other.toTag().orElse(null));
        }

        private void onTryingTimer() {
            SipResponse trying100;
            synchronized (this) {
                if (state != TransactionState.PROCEEDING || last != null) {
                    return;
                }
                trying100 = (SipResponse)
                        SipResponse.to(request, 100, "Trying", null).build();
                last = trying100;
            }
            send(channel, trying100, this);
        }

        void onRetransmission() {
            SipResponse resend = null;
            synchronized (this) {
                switch (state) {
                    case PROCEEDING, COMPLETED -> resend = last;
                    default -> {} // TRYING, ACCEPTED, CONFIRMED: absorbed
                }
            }
            if (resend != null) {
                send(channel, resend, this);
            }
        }

        /**
         * An ACK matched this transaction.
         *
         * @return false when it is for the transaction user (RFC 6026: an ACK in Accepted)
         */
        boolean onAck(SipRequest ackRequest) {
            synchronized (this) {
                if (!invite) {
                    return true;
                }
                if (state == TransactionState.COMPLETED) {
                    state = TransactionState.CONFIRMED;
                    retransmit.cancel();
                    timeout.cancel();
                    if (reliable) {
                        terminateLocked();
                    } else {
                        linger = schedule(settings.t4(), this::onLingerTimer); // timer I
                        return true;
                    }
                } else {
                    return state != TransactionState.ACCEPTED;
                }
            }
            terminated();
            return true;
        }

        @Override
        public void respond(SipResponse response) {
            Arguments.notNull(response, "response");
            CSeq cseq = response.cseq()
                    .orElseThrow(() -> new ValidationException(CoreError.ARGUMENT_INVALID, "the response has no CSeq"));
            CSeq mine = request.cseq().orElseThrow();
            if (cseq.number() != mine.number() || !cseq.method().equals(mine.method())) {
                throw new ValidationException(
                        CoreError.ARGUMENT_INVALID, "the response's CSeq does not match the request's");
            }
            int status = response.statusCode();
            boolean end = false;
            synchronized (this) {
                switch (state) {
                    case TRYING, PROCEEDING -> {
                        trying.cancel();
                        last = response;
                        if (status < 200) {
                            state = TransactionState.PROCEEDING;
                        } else if (invite && status < 300) {
                            state = TransactionState.ACCEPTED;
                            linger = schedule(settings.timeout(), this::onLingerTimer); // RFC 6026 timer L
                        } else {
                            state = TransactionState.COMPLETED;
                            if (invite) {
                                if (!reliable) {
                                    retransmit = schedule(interval, this::onRetransmitTimer); // timer G
                                }
                                timeout = schedule(settings.timeout(), this::onTimeoutTimer); // timer H
                            } else if (reliable) {
                                terminateLocked();
                                end = true;
                            } else {
                                linger = schedule(settings.timeout(), this::onLingerTimer); // timer J
                            }
                        }
                    }
                    case ACCEPTED -> {
                        if (status < 200 || status >= 300) {
                            throw new IllegalStateException("only 2xx retransmissions follow a 2xx");
                        }
                        last = response;
                    }
                    default -> throw new IllegalStateException("a final response was already sent (" + state + ")");
                }
            }
            send(channel, response, this);
            if (end) {
                terminated();
            }
        }

        /** Timer G: doubles up to T2. */
        private void onRetransmitTimer() {
            SipResponse resend;
            synchronized (this) {
                if (state != TransactionState.COMPLETED) {
                    return;
                }
                interval = min(interval.multipliedBy(2), settings.t2());
                retransmit = schedule(interval, this::onRetransmitTimer);
                resend = last;
            }
            send(channel, resend, this);
        }

        /** Timer H: no ACK came. */
        private void onTimeoutTimer() {
            synchronized (this) {
                if (state != TransactionState.COMPLETED) {
                    return;
                }
                terminateLocked();
            }
            user.onTimeout(this);
            terminated();
        }

        /** Timer I, J or L. */
        private void onLingerTimer() {
            synchronized (this) {
                if (state == TransactionState.TERMINATED) {
                    return;
                }
                terminateLocked();
            }
            terminated();
        }

        @Override
        public void transportError(Throwable cause) {
            synchronized (this) {
                if (state == TransactionState.TERMINATED) {
                    return;
                }
                terminateLocked();
            }
            user.onTransportError(this, cause);
            terminated();
        }

        private void terminateLocked() {
            state = TransactionState.TERMINATED;
            trying.cancel();
            retransmit.cancel();
            timeout.cancel();
            linger.cancel();
            servers.remove(key, this);
        }

        private void terminated() {
            user.onTerminated(this);
        }

        @Override
        public SipRequest request() {
            return request;
        }

        @Override
        public synchronized TransactionState state() {
            return state;
        }

        @Override
        public SipTransportChannel channel() {
            return channel;
        }

        @Override
        public synchronized Optional<SipResponse> lastResponse() {
            return Optional.ofNullable(last);
        }

        @Override
        public String toString() {
            return "ServerTransaction[" + request + ", " + state() + "]";
        }
    }
}
