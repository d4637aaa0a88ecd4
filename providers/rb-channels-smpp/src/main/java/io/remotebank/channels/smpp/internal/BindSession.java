package io.remotebank.channels.smpp.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.ssl.SslHandler;
import io.remotebank.channels.smpp.SmppClientConfig;
import io.remotebank.channels.smpp.SmppError;
import io.remotebank.channels.smpp.SmppException;
import io.remotebank.channels.smpp.pdu.CommandId;
import io.remotebank.channels.smpp.pdu.CommandStatus;
import io.remotebank.channels.smpp.pdu.Pdu;
import io.remotebank.core.time.Cancellable;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bind of an SMPP client (SMPP v3.4 2.2, 2.3): connect, bind, stay bound, unbind before binding
 * again (never ESME_RALYBND), reconnect with a jittered back-off, and stop for good on a refusal
 * that binding again cannot change ({@link BindRefusal}). Each request of the session (bind,
 * unbind) is answered within the response timeout or the connection is closed; the timer runs on
 * the client's {@link LoopTime}. While bound, the connection's {@link KeepAlive} probes a quiet
 * link and the {@link SubmitWindow} may write.
 *
 * <p>Event-loop confined, but for the volatile fields the callers read.
 */
@API(status = INTERNAL, since = "0.1")
final class BindSession {

    private static final Logger LOG = LoggerFactory.getLogger(SmppClientEngine.class);

    enum State {
        IDLE,
        CONNECTING,
        BINDING,
        BOUND,
        UNBINDING,
        /** The SMSC refused the bind for good ({@link BindRefusal}): nothing more is tried. */
        REFUSED,
        CLOSED
    }

    private final SmppClientConfig config;
    private final LoopTime time;
    private final Counters counters;
    private final Bootstrap bootstrap;
    private final SubmitWindow window;
    private final IntSupplier sequences;
    private final CompletableFuture<Void> firstBind;
    private final long responseTimeout;

    // Any thread.
    private volatile boolean closed;
    private volatile boolean bound;
    /** Why the client is not bound: the last failure to connect or bind, null once bound. */
    private volatile SmppException bindFailure;
    /** Set once the SMSC refused the bind for good; submissions fail with it from then on. */
    private volatile SmppException refusal;

    // Event loop only.
    private Channel channel;
    private State state = State.IDLE;
    private int bindSequence = -1;
    private int reconnectAttempt;
    private Cancellable stateTimer;
    /** Whether {@link #bindFailure} already says why the current connect-and-bind attempt failed. */
    private boolean attemptExplained;

    BindSession(
            SmppClientConfig config,
            LoopTime time,
            Counters counters,
            Bootstrap bootstrap,
            SubmitWindow window,
            IntSupplier sequences,
            CompletableFuture<Void> firstBind) {
        this.config = config;
        this.time = time;
        this.counters = counters;
        this.bootstrap = bootstrap;
        this.window = window;
        this.sequences = sequences;
        this.firstBind = firstBind;
        this.responseTimeout = config.responseTimeout().toNanos();
    }

    // ------------------------------------------------------------------ read by any thread

    boolean isBound() {
        return bound;
    }

    boolean isClosed() {
        return closed;
    }

    Optional<SmppException> lastBindFailure() {
        return Optional.ofNullable(bindFailure);
    }

    /** Why a segment could not be sent: the last bind failure, while not bound. */
    Optional<SmppException> whyNotBound() {
        SmppException why = bindFailure;
        return bound || why == null ? Optional.empty() : Optional.of(why);
    }

    /** The refusal that ended the session for good, if the SMSC gave one. */
    Optional<SmppException> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** No more connecting or binding from now on (any thread). */
    void markClosed() {
        closed = true;
    }

    // ------------------------------------------------------------------ event loop

    /** The channel while bound, else null. */
    Channel boundChannel() {
        return state == State.BOUND ? channel : null;
    }

    boolean inBoundState() {
        return state == State.BOUND;
    }

    void connect() {
        if (closed || state == State.REFUSED || state != State.IDLE) {
            return;
        }
        state = State.CONNECTING;
        attemptExplained = false;
        bootstrap.connect(config.host(), config.port()).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                notBound("cannot connect to " + smsc() + " (" + f.cause() + ")");
                LOG.warn(
                        "SMPP provider {}: cannot connect to {} ({})",
                        config.name(),
                        smsc(),
                        f.cause().toString());
                if (state == State.CONNECTING) {
                    state = State.IDLE;
                }
                scheduleReconnect();
            }
        });
    }

    /** The TCP connection is up: bind, after the TLS handshake if there is one. */
    void connected(Channel ch) {
        channel = ch;
        SslHandler ssl = ch.pipeline().get(SslHandler.class);
        if (ssl == null) {
            sendBind(ch);
            return;
        }
        ssl.handshakeFuture().addListener(f -> {
            if (f.isSuccess() && ch == channel) {
                sendBind(ch);
            } else if (!f.isSuccess()) {
                notBound("the TLS handshake with " + smsc() + " failed (" + f.cause() + ")");
                LOG.warn(
                        "SMPP provider {}: TLS handshake failed ({})",
                        config.name(),
                        f.cause().toString());
                ch.close();
            }
        });
    }

    private void sendBind(Channel ch) {
        if (closed) {
            ch.close();
            return;
        }
        bindSequence = sequences.getAsInt();
        char[] pw = config.password();
        Pdu.Bind bind = new Pdu.Bind(
                config.bindType().command(),
                bindSequence,
                config.systemId(),
                new String(pw),
                config.systemType(),
                0x34,
                config.addressRange());
        Arrays.fill(pw, '\0');
        enter(State.BINDING, ch);
        ch.writeAndFlush(bind);
    }

    /** A bind_resp: bound, or refused. */
    void bindAnswered(Channel ch, Pdu.BindResp r) {
        if (r.sequence() != bindSequence || state != State.BINDING) {
            return;
        }
        if (r.status() != 0) {
            bindRefused(ch, "", r.status());
            return;
        }
        enter(State.BOUND, ch);
        bound = true;
        bindFailure = null;
        reconnectAttempt = 0;
        counters.binds.increment();
        LOG.info("SMPP provider {}: bound as {} to {}", config.name(), config.bindType(), r.systemId());
        KeepAlive keepAlive = ch.pipeline().get(KeepAlive.class);
        if (keepAlive != null) {
            keepAlive.start();
        }
        window.drain(ch);
        // Last: whoever waits for the bind finds the session complete, its keep-alive running.
        firstBind.complete(null);
    }

    /** A generic_nack: true when it answers the bind. */
    boolean genericNack(Channel ch, Pdu.HeaderOnly h) {
        if (h.sequence() == bindSequence && state == State.BINDING) {
            bindRefused(ch, "generic_nack ", h.status());
            return true;
        }
        return false;
    }

    /**
     * The SMSC refused the bind with {@code status} (in a bind_resp or a generic_nack): stop, retry
     * after unbind, or retry after the back-off, as {@link BindRefusal} decides.
     */
    private void bindRefused(Channel ch, String how, int status) {
        String refused = "the SMSC at " + smsc() + " refused " + bindCommand() + " as '" + config.systemId() + "' with "
                + how + CommandStatus.describe(status);
        switch (BindRefusal.actionFor(status)) {
            case STOP -> {
                attemptExplained = true;
                SmppException e = new SmppException(
                        SmppError.BIND_REFUSED, refused + ", a refusal that binding again cannot change: not retried");
                LOG.error("SMPP provider {}: {}", config.name(), e.getMessage());
                bindFailure = e;
                refusal = e;
                enter(State.REFUSED, ch);
                window.failAll(seg -> e.getMessage());
                firstBind.completeExceptionally(e);
                ch.close();
            }
            case UNBIND_THEN_RETRY -> {
                notBound(refused + "; unbinding, then binding again");
                LOG.warn("SMPP provider {}: {}", config.name(), bindFailure.getMessage());
                // The SMSC still holds a bind on this connection: end it before binding again.
                enter(State.UNBINDING, ch);
                ch.writeAndFlush(new Pdu.HeaderOnly(CommandId.UNBIND, 0, sequences.getAsInt()));
            }
            case RETRY -> {
                notBound(refused + "; binding again after the reconnect back-off");
                LOG.warn("SMPP provider {}: {}", config.name(), bindFailure.getMessage());
                ch.close();
            }
        }
    }

    /** Unbind before rebind (never ESME_RALYBND): the session ends cleanly, then reconnects. */
    void rebind(String reason) {
        if (state != State.BOUND) {
            return;
        }
        LOG.warn("SMPP provider {}: rebinding ({})", config.name(), reason);
        Channel ch = channel;
        leaveBound(ch);
        enter(State.UNBINDING, ch);
        ch.writeAndFlush(new Pdu.HeaderOnly(CommandId.UNBIND, 0, sequences.getAsInt()));
    }

    /** The SMSC unbinds (4.2): answer and close; the client binds again after the back-off. */
    void smscUnbinds(Channel ch, Pdu.HeaderOnly h) {
        LOG.info("SMPP provider {}: the SMSC unbinds", config.name());
        leaveBound(ch);
        enter(State.UNBINDING, ch);
        ch.writeAndFlush(new Pdu.HeaderOnly(CommandId.UNBIND_RESP, 0, h.sequence()))
                .addListener(ChannelFutureListener.CLOSE);
    }

    /** The connection closed, whoever closed it. */
    void disconnected(Channel ch) {
        if (ch != channel) {
            return;
        }
        channel = null;
        bound = false;
        cancelStateTimer();
        boolean wasClosing = state == State.CLOSED || state == State.REFUSED;
        if ((state == State.CONNECTING || state == State.BINDING) && !attemptExplained) {
            notBound("the SMSC at " + smsc() + " closed the connection before answering " + bindCommand());
        }
        if (!wasClosing) {
            counters.connectionsLost.increment();
            state = State.IDLE;
        }
        int toResend = window.connectionLost();
        bindSequence = -1;
        if (!wasClosing) {
            LOG.warn("SMPP provider {}: connection lost, {} segments to resend", config.name(), toResend);
            scheduleReconnect();
        }
    }

    /**
     * Ends the session for good: fails what was not answered, unbinds when bound (closing the
     * connection after {@code unbindWait} without an unbind_resp) and completes {@code done} once
     * the connection is closed.
     */
    void shutdown(CompletableFuture<Void> done, long unbindWait) {
        Channel ch = channel;
        State was = state;
        closed = true;
        leaveBound(ch);
        enter(State.CLOSED, ch);
        window.failAll(window::closedFirst);
        if (ch != null && ch.isActive() && was == State.BOUND) {
            ch.writeAndFlush(new Pdu.HeaderOnly(CommandId.UNBIND, 0, sequences.getAsInt()));
            Cancellable force = time.after(unbindWait, ch::close);
            ch.closeFuture().addListener(f -> {
                force.cancel();
                done.complete(null);
            });
        } else if (ch != null) {
            ch.close().addListener(f -> done.complete(null));
        } else {
            done.complete(null);
        }
    }

    private void leaveBound(Channel ch) {
        bound = false;
        KeepAlive keepAlive = ch == null ? null : ch.pipeline().get(KeepAlive.class);
        if (keepAlive != null) {
            keepAlive.stop();
        }
    }

    /** Moves to a state; a request the state awaits the answer to must come within the response timeout. */
    private void enter(State next, Channel ch) {
        state = next;
        cancelStateTimer();
        if (next == State.BINDING || next == State.UNBINDING) {
            stateTimer = time.after(responseTimeout, () -> {
                if (state == next && channel == ch && ch != null) {
                    stateTimedOut(next, ch);
                }
            });
        }
    }

    private void stateTimedOut(State awaiting, Channel ch) {
        if (awaiting == State.BINDING) {
            notBound("no answer to " + bindCommand() + " from " + smsc() + " within " + config.responseTimeout());
        }
        LOG.warn("SMPP provider {}: no answer to {} in time, closing", config.name(), awaiting);
        ch.close();
    }

    private void cancelStateTimer() {
        if (stateTimer != null) {
            stateTimer.cancel();
            stateTimer = null;
        }
    }

    private void scheduleReconnect() {
        if (closed || state == State.REFUSED) {
            return;
        }
        long base = config.reconnectDelay().toNanos();
        long max = config.maxReconnectDelay().toNanos();
        long delay = base << Math.min(reconnectAttempt, 20);
        if (delay <= 0 || delay > max) {
            delay = max;
        }
        // Jitter keeps many clients from reconnecting in lock step.
        delay = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
        reconnectAttempt++;
        time.after(delay, this::connect);
    }

    /** Records why the client is not bound, for {@link #lastBindFailure()}. */
    private void notBound(String why) {
        attemptExplained = true;
        bindFailure = new SmppException(SmppError.NOT_BOUND, why);
    }

    /** The SMSC's address as the configuration gives it, for messages. */
    private String smsc() {
        return config.host() + ":" + config.port();
    }

    private String bindCommand() {
        return config.bindType().command().name().toLowerCase(Locale.ROOT);
    }
}
