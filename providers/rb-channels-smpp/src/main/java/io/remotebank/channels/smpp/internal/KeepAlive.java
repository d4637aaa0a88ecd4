package io.remotebank.channels.smpp.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.remotebank.channels.smpp.pdu.CommandId;
import io.remotebank.channels.smpp.pdu.Pdu;
import io.remotebank.core.time.Cancellable;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import org.apiguardian.api.API;

/**
 * Keeps a bound SMPP session alive, as Netty's {@code IdleStateHandler} keeps a connection: once
 * nothing has been read for the enquire_link interval it sends enquire_link, and when no
 * enquire_link_resp (or generic_nack) comes within the response timeout it tells its owner that
 * the link is dead (SMPP v3.4 4.11: either side may probe a bound session with enquire_link). It
 * answers the SMSC's own enquire_link at any time. The probe runs only between {@link #start()} and
 * {@link #stop()} (while bound); its timer runs on the client's {@link LoopTime}.
 *
 * <p>One instance per connection; event-loop confined. Sits before the session handler, which sees
 * neither the probes' answers nor the SMSC's enquire_link.
 */
@API(status = INTERNAL, since = "0.1")
final class KeepAlive extends ChannelDuplexHandler {

    /** What the keep-alive tells its owner, on the event loop. */
    interface Listener {
        /**
         * The SMSC did not answer enquire_link in time.
         *
         * @param reason what went unanswered, for the log and the rebind
         */
        void linkDead(String reason);
    }

    private final LoopTime time;
    private final long interval;
    private final long responseTimeout;
    private final Duration responseTimeoutShown;
    private final IntSupplier sequences;
    private final LongAdder answered;
    private final Listener listener;

    private ChannelHandlerContext ctx;
    private boolean running;
    private long lastRead;
    /** A read batch is under way; its time was taken at its first PDU. */
    private boolean reading;

    private int probe = -1;
    private long probeSentAt;
    private Cancellable timer;
    /** Counts starts and stops, so that a timer of an earlier run that fires late does nothing. */
    private int run;

    KeepAlive(
            LoopTime time,
            Duration interval,
            Duration responseTimeout,
            IntSupplier sequences,
            LongAdder answered,
            Listener listener) {
        this.time = time;
        this.interval = interval.toNanos();
        this.responseTimeout = responseTimeout.toNanos();
        this.responseTimeoutShown = responseTimeout;
        this.sequences = sequences;
        this.answered = answered;
        this.listener = listener;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.lastRead = time.now();
    }

    /** Starts probing a quiet link: the session is bound. */
    void start() {
        if (running || ctx == null) {
            return;
        }
        running = true;
        run++;
        lastRead = time.now();
        arm(interval);
    }

    /** Stops probing: the session is no longer bound. */
    void stop() {
        running = false;
        run++;
        probe = -1;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /** Whether an enquire_link awaits its answer (for tests). */
    boolean probing() {
        return probe >= 0;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // One clock read per read batch, not one per PDU (a batch holds dozens of submit_sm_resp
        // under load), taken at the batch's first PDU: before the session handler sees it, so a
        // bind_resp's time is the time the link was last heard (tests on virtual time rely on it).
        if (!reading) {
            reading = true;
            lastRead = time.now();
        }
        if (msg instanceof Pdu.HeaderOnly h) {
            switch (h.commandId()) {
                case ENQUIRE_LINK -> {
                    ctx.write(new Pdu.HeaderOnly(CommandId.ENQUIRE_LINK_RESP, 0, h.sequence()), ctx.voidPromise());
                    return;
                }
                case ENQUIRE_LINK_RESP -> {
                    if (h.sequence() == probe && probe >= 0) {
                        probe = -1;
                        answered.increment();
                    }
                    return; // an answer to a probe of an earlier bind is of no use to anyone either
                }
                case GENERIC_NACK -> {
                    if (h.sequence() == probe && probe >= 0) {
                        probe = -1; // an answer all the same: the SMSC is there
                        answered.increment();
                        return;
                    }
                }
                default -> {}
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        reading = false;
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stop();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        stop();
    }

    private void arm(long delay) {
        int armedIn = run;
        timer = time.after(delay, () -> check(armedIn));
    }

    private void check(int armedIn) {
        if (!running || armedIn != run) {
            return;
        }
        long now = time.now();
        if (probe >= 0) {
            long waited = now - probeSentAt;
            if (waited >= responseTimeout) {
                stop();
                listener.linkDead("no enquire_link_resp within " + responseTimeoutShown);
            } else {
                arm(responseTimeout - waited);
            }
            return;
        }
        long quiet = now - lastRead;
        if (quiet < interval) {
            arm(interval - quiet);
            return;
        }
        probe = sequences.getAsInt();
        probeSentAt = now;
        arm(responseTimeout); // before the write: the answer's deadline is set before anyone can answer
        ctx.writeAndFlush(new Pdu.HeaderOnly(CommandId.ENQUIRE_LINK, 0, probe), ctx.voidPromise());
    }
}
