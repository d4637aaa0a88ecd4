package io.remotebank.signaling.internal.sip.transport;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.remotebank.core.Arguments;
import io.remotebank.core.time.Cancellable;
import io.remotebank.core.time.Scheduler;
import io.remotebank.core.time.Ticker;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Scheduler} over the event loops of an endpoint that keeps a timer on the loop of the
 * thread that sets it, when that thread is one of them: a transaction's timers then run where its
 * messages are handled, and setting or cancelling one is a queue operation of that loop. Set from
 * another thread, a timer goes to the group's next loop. ({@code Scheduler.of(group)} would hand
 * every other timer to the other loop, which costs a task hand-over and often a wake-up.)
 */
@API(status = INTERNAL, since = "0.1")
public final class EventLoopScheduler implements Scheduler {

    private static final Logger LOG = LoggerFactory.getLogger(EventLoopScheduler.class);

    private final EventLoopGroup group;
    private final Ticker ticker = Ticker.system();

    /**
     * Schedules on a group's loops.
     *
     * @param group the loops; the caller owns them
     */
    public EventLoopScheduler(EventLoopGroup group) {
        this.group = Arguments.notNull(group, "group");
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Arguments.notNegative(delay, "delay");
        Arguments.notNull(task, "task");
        ScheduledFuture<?> future;
        try {
            future = loop().schedule(() -> runLogged(task), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // the loops are shutting down: nothing scheduled now would run
            LOG.debug("task not scheduled, the event loops are shut down: {}", task);
            return () -> false;
        }
        return () -> future.cancel(false);
    }

    /** The loop of the calling thread, else the group's next one. */
    private EventExecutor loop() {
        for (EventExecutor e : group) {
            if (e.inEventLoop()) {
                return e;
            }
        }
        return group.next();
    }

    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError) {
                throw e;
            }
            LOG.error("scheduled task failed: {}", task, e); // one bad timer does not end the loop
        }
    }

    @Override
    public Ticker ticker() {
        return ticker;
    }

    @Override
    public String toString() {
        return "EventLoopScheduler[" + group + "]";
    }
}
