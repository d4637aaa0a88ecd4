package io.remotebank.signaling.internal.sip.transport;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.remotebank.core.time.Cancellable;
import io.remotebank.core.time.Scheduler;
import io.remotebank.core.time.Ticker;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection on which nothing was read or written for the idle timeout, as Netty's {@code
 * IdleStateHandler} does, but on the endpoint's scheduler and its ticker, so that a test moves it on
 * virtual time. The check waits for the rest of the timeout after the last activity, so a busy
 * connection costs one timer per timeout, not one per message. One per channel; its state is the
 * event loop's.
 */
final class IdleTimer extends ChannelDuplexHandler {

    private static final Logger LOG = LoggerFactory.getLogger(IdleTimer.class);

    private final Scheduler scheduler;
    private final Ticker ticker;
    private final long timeoutNanos;
    private final TransportCounters counters;

    private ChannelHandlerContext ctx;
    private long lastActivity;
    private Cancellable timer;
    private boolean stopped;

    IdleTimer(Scheduler scheduler, Duration timeout, TransportCounters counters) {
        this.scheduler = scheduler;
        this.ticker = scheduler.ticker();
        this.timeoutNanos = timeout.toNanos();
        this.counters = counters;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        if (ctx.channel().isActive()) {
            start();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        start();
        ctx.fireChannelActive();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        lastActivity = ticker.read(); // once per batch of reads
        ctx.fireChannelReadComplete();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        lastActivity = ticker.read();
        ctx.write(msg, promise);
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

    private void start() {
        if (timer != null || stopped) {
            return;
        }
        lastActivity = ticker.read();
        arm(timeoutNanos);
    }

    private void arm(long nanos) {
        timer = ChannelTimer.schedule(scheduler, ctx, Duration.ofNanos(nanos), this::check);
    }

    private void check() {
        if (stopped || !ctx.channel().isActive()) {
            return;
        }
        long idle = ticker.read() - lastActivity;
        if (idle < timeoutNanos) {
            arm(timeoutNanos - idle);
            return;
        }
        stop();
        counters.closedIdle.increment();
        LOG.debug("closing an idle connection");
        ctx.close();
    }

    private void stop() {
        stopped = true;
        if (timer != null) {
            timer.cancel();
        }
    }
}
