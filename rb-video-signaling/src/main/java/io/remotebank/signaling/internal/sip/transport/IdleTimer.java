package io.remotebank.signaling.internal.sip.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closes a connection on which nothing was read or written for the idle timeout. One per channel. */
final class IdleTimer extends IdleStateHandler {

    private static final Logger LOG = LoggerFactory.getLogger(IdleTimer.class);

    private final TransportCounters counters;

    IdleTimer(Duration timeout, TransportCounters counters) {
        super(0, 0, timeout.toNanos(), TimeUnit.NANOSECONDS);
        this.counters = counters;
    }

    @Override
    protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent evt) {
        counters.closedIdle.increment();
        LOG.debug("closing an idle connection");
        ctx.close();
    }
}
