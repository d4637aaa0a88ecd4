package io.remotebank.signaling.internal.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.EventExecutor;
import io.remotebank.core.time.Cancellable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Timers stay on the loop of the thread that sets them; from elsewhere they go to one of the loops. */
class EventLoopSchedulerTest {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final EventLoopScheduler scheduler = new EventLoopScheduler(group);

    @AfterEach
    void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private List<EventExecutor> loops() {
        List<EventExecutor> loops = new ArrayList<>();
        group.forEach(loops::add);
        return loops;
    }

    @Test
    void aTimerSetOnALoop_runsOnThatLoop() throws Exception {
        for (EventExecutor loop : loops()) {
            for (int i = 0; i < 4; i++) { // Scheduler.of(group) would alternate between the loops
                CompletableFuture<Boolean> ranOnIt = new CompletableFuture<>();
                loop.execute(
                        () -> scheduler.schedule(Duration.ofMillis(1), () -> ranOnIt.complete(loop.inEventLoop())));
                assertThat(ranOnIt.get(10, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    @Test
    void aTimerSetElsewhere_runsOnOneOfTheLoops() throws Exception {
        CompletableFuture<Boolean> ranOnALoop = new CompletableFuture<>();
        scheduler.schedule(
                Duration.ZERO, () -> ranOnALoop.complete(loops().stream().anyMatch(EventExecutor::inEventLoop)));

        assertThat(ranOnALoop.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aCancelledTimer_neverRuns_andATimerThatThrows_doesNotStopTheNext() throws Exception {
        AtomicInteger cancelledRuns = new AtomicInteger();
        EventExecutor loop = loops().get(0);
        CompletableFuture<String> after = new CompletableFuture<>();
        loop.submit(() -> {
                    Cancellable c = scheduler.schedule(Duration.ofMillis(5), cancelledRuns::incrementAndGet);
                    assertThat(c.cancel()).isTrue();
                    scheduler.schedule(Duration.ofMillis(1), () -> {
                        throw new IllegalStateException("a failing timer");
                    });
                    scheduler.schedule(Duration.ofMillis(10), () -> after.complete("ran"));
                })
                .sync();

        assertThat(after.get(10, TimeUnit.SECONDS)).isEqualTo("ran");
        assertThat(cancelledRuns).hasValue(0); // due 5 ms in, before the 10 ms one that ran
    }

    @Test
    void afterShutdown_aTimerIsRefusedQuietly_andItsHandleCancelsNothing() {
        group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();

        Cancellable c = scheduler.schedule(Duration.ofMillis(1), () -> {});
        assertThat(c.cancel()).isFalse();
    }
}
