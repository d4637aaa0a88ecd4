package io.remotebank.channels.smpp.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.netty.channel.EventLoop;
import io.remotebank.core.time.Cancellable;
import io.remotebank.core.time.Scheduler;
import io.remotebank.core.time.Ticker;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import org.apiguardian.api.API;

/**
 * The client's time: the injected {@link Scheduler} decides when a timer fires (virtual time in
 * tests), the connection's event loop runs it, so that everything the timers touch stays confined
 * to that loop.
 */
@API(status = INTERNAL, since = "0.1")
public final class LoopTime {

    private final Scheduler scheduler;
    private final Ticker ticker;
    private final EventLoop loop;

    /**
     * Time for one event loop.
     *
     * @param scheduler when timers fire
     * @param loop where they run
     */
    public LoopTime(Scheduler scheduler, EventLoop loop) {
        this.scheduler = scheduler;
        this.ticker = scheduler.ticker();
        this.loop = loop;
    }

    /**
     * Reads the scheduler's ticker.
     *
     * @return nanoseconds
     */
    public long now() {
        return ticker.read();
    }

    /**
     * Runs a task on the event loop after a delay of the scheduler's time.
     *
     * @param nanos the delay; zero or less runs it as soon as the loop can
     * @param task what to run
     * @return the handle that calls it off
     */
    public Cancellable after(long nanos, Runnable task) {
        return scheduler.schedule(Duration.ofNanos(Math.max(0, nanos)), () -> run(task));
    }

    /**
     * Runs a task on the event loop: now when called there, else as soon as the loop can.
     *
     * @param task what to run
     */
    public void run(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            try {
                loop.execute(task);
            } catch (RejectedExecutionException e) {
                // The loop is shutting down (the provider is closing): nothing of it runs any more.
            }
        }
    }

    /**
     * The loop.
     *
     * @return the event loop the timers run on
     */
    public EventLoop loop() {
        return loop;
    }
}
