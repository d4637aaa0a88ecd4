package io.remotebank.signaling.internal.sip.transport;

import io.netty.channel.ChannelHandlerContext;
import io.remotebank.core.time.Cancellable;
import io.remotebank.core.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;

/**
 * A timer of one channel's handler: it waits on the endpoint's {@link Scheduler} (virtual time in
 * tests) and runs its task on the channel's event loop, where the handler's state lives.
 */
final class ChannelTimer {

    private ChannelTimer() {}

    /**
     * Schedules a task for a handler.
     *
     * @param scheduler the endpoint's scheduler
     * @param ctx the handler's context, whose event loop runs the task
     * @param delay how long from now
     * @param task what to run on the event loop
     * @return cancels it
     */
    static Cancellable schedule(Scheduler scheduler, ChannelHandlerContext ctx, Duration delay, Runnable task) {
        return scheduler.schedule(delay, () -> onEventLoop(ctx, task));
    }

    /**
     * Runs a task on the handler's event loop, now when already there.
     *
     * @param ctx the handler's context
     * @param task the task
     */
    static void onEventLoop(ChannelHandlerContext ctx, Runnable task) {
        if (ctx.executor().inEventLoop()) {
            task.run();
            return;
        }
        try {
            ctx.executor().execute(task);
        } catch (RejectedExecutionException e) {
            // the event loop is shutting down, and closes the channel itself
        }
    }
}
