package io.remotebank.signaling.internal.sip.transaction;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import io.remotebank.core.time.Cancellable;
import io.remotebank.core.time.Scheduler;
import io.remotebank.signaling.sip.CSeq;
import io.remotebank.signaling.sip.SipMessage;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.Via;
import io.remotebank.signaling.sip.transaction.ClientTransaction;
import io.remotebank.signaling.sip.transaction.ClientTransactionListener;
import io.remotebank.signaling.sip.transaction.ServerTransaction;
import io.remotebank.signaling.sip.transaction.SipTransportChannel;
import io.remotebank.signaling.sip.transaction.TransactionSettings;
import io.remotebank.signaling.sip.transaction.TransactionUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * The live transactions of one transaction layer and how a message finds its own (RFC 3261 17.1.3
 * for responses, 17.2.3 for requests, with the RFC 2543 fields for requests without a {@code
 * z9hG4bK} branch). Each transaction is one of the four state machines of RFC 3261 17: {@link
 * InviteClientTransaction}, {@link NonInviteClientTransaction}, {@link InviteServerTransaction},
 * {@link NonInviteServerTransaction}; the table creates them, hands them their messages and forgets
 * them when they terminate.
 *
 * <p>It offers the operations of {@code TransactionLayer} but does not implement that interface:
 * the API's {@code TransactionLayer.create} names this class, and this class names only the API's
 * transaction and listener types, so the API does not depend on its implementation in a circle.
 */
@API(status = INTERNAL, since = "0.1")
public final class TransactionTable {

    private final TransactionSettings settings;
    private final Scheduler scheduler;
    private final TransactionUser user;
    private final ConcurrentHashMap<String, ClientMachine> clients = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ServerMachine> servers = new ConcurrentHashMap<>();

    /**
     * Creates the table.
     *
     * @param settings the timer values
     * @param scheduler runs the timers
     * @param user the transaction user
     */
    public TransactionTable(TransactionSettings settings, Scheduler scheduler, TransactionUser user) {
        this.settings = Arguments.notNull(settings, "settings");
        this.scheduler = Arguments.notNull(scheduler, "scheduler");
        this.user = Arguments.notNull(user, "user");
    }

    /**
     * Starts a client transaction (see {@code TransactionLayer.sendRequest}).
     *
     * @param request the request
     * @param channel where to send it
     * @param listener what receives the responses
     * @return the transaction
     */
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
        ClientMachine tx = request.method().equals("INVITE")
                ? new InviteClientTransaction(this, key, branch, request, channel, listener)
                : new NonInviteClientTransaction(this, key, branch, request, channel, listener);
        if (clients.putIfAbsent(key, tx) != null) {
            throw new ValidationException(
                    CoreError.ARGUMENT_INVALID, "branch already in use by a live client transaction");
        }
        tx.start();
        return tx;
    }

    /**
     * Hands over a received message (see {@code TransactionLayer.receive}).
     *
     * @param message the message
     * @param channel the flow it came on
     */
    public void receive(SipMessage message, SipTransportChannel channel) {
        Arguments.notNull(channel, "channel");
        if (message.topVia().isEmpty()
                || message.cseq().isEmpty()
                || message.callId().isEmpty()) {
            return;
        }
        if (message instanceof SipResponse response) {
            receiveResponse(response, channel);
        } else if (message instanceof SipRequest request) {
            receiveRequest(request, channel);
        }
    }

    private void receiveResponse(SipResponse response, SipTransportChannel channel) {
        Optional<String> branch = response.topVia().flatMap(Via::branch);
        ClientMachine tx = branch.map(b ->
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
        ServerMachine tx = servers.get(key);
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
        ServerMachine created = request.method().equals("INVITE")
                ? new InviteServerTransaction(this, key, request, channel)
                : new NonInviteServerTransaction(this, key, request, channel);
        ServerMachine raced = servers.putIfAbsent(key, created);
        if (raced != null) {
            raced.onRetransmission();
            return;
        }
        created.start();
        user.onRequest(created);
    }

    /**
     * The server INVITE transaction a CANCEL cancels (RFC 3261 9.2).
     *
     * @param cancel the CANCEL
     * @return the transaction, if it is still known
     */
    public Optional<ServerTransaction> findInvite(SipRequest cancel) {
        if (cancel.topVia().isEmpty()
                || cancel.cseq().isEmpty()
                || cancel.callId().isEmpty()) {
            return Optional.empty();
        }
        ServerMachine tx = servers.get(serverKey(cancel, "INVITE"));
        if (tx == null || (!tx.rfc3261 && !tx.toTagMatches(cancel, false))) {
            return Optional.empty();
        }
        return Optional.of(tx);
    }

    /**
     * Ends every transaction on a failed flow with a transport error.
     *
     * @param channel the flow
     * @param cause what happened
     */
    public void transportFailed(SipTransportChannel channel, Throwable cause) {
        for (ClientMachine tx : new ArrayList<>(clients.values())) {
            if (tx.channel == channel) {
                tx.transportError(cause);
            }
        }
        for (ServerMachine tx : new ArrayList<>(servers.values())) {
            if (tx.channel == channel) {
                tx.transportError(cause);
            }
        }
    }

    /** The timer values. */
    public TransactionSettings settings() {
        return settings;
    }

    /** The scheduler the timers run on. */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** The transactions that have not terminated. */
    public int liveTransactions() {
        return clients.size() + servers.size();
    }

    TransactionUser user() {
        return user;
    }

    void forget(ClientMachine tx) {
        clients.remove(tx.key, tx);
    }

    void forget(ServerMachine tx) {
        servers.remove(tx.key, tx);
    }

    Cancellable schedule(Duration delay, Runnable task) {
        return scheduler.schedule(delay, task);
    }

    /** Sends; a failure, at once or later, ends the owner with a transport error. */
    void send(SipTransportChannel channel, SipMessage message, Transaction owner) {
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
}
