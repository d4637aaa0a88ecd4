package io.remotebank.core.time;

import io.remotebank.core.internal.time.ExecutorScheduler;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Supplier;

/** The JVM's own time: the only place in the SDK that reads {@code System.nanoTime}. */
final class SystemTime {

    static final Ticker TICKER = System::nanoTime;

    /** One daemon thread for the whole JVM, started when first asked for. */
    static final Supplier<Scheduler> SCHEDULER = new Supplier<>() {
        private volatile Scheduler scheduler;

        @Override
        public Scheduler get() {
            Scheduler s = scheduler;
            if (s == null) {
                synchronized (this) {
                    s = scheduler;
                    if (s == null) {
                        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
                            Thread t = new Thread(task, "rb-scheduler");
                            t.setDaemon(true);
                            return t;
                        });
                        // Cancelled timers (most of them: timeouts that did not fire) leave the queue at once.
                        executor.setRemoveOnCancelPolicy(true);
                        s = new ExecutorScheduler(executor, TICKER);
                        scheduler = s;
                    }
                }
            }
            return s;
        }
    };

    private SystemTime() {}
}
