package io.remotebank.segmentation.batch;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.time.Clocks;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.apiguardian.api.API;

/**
 * Runs work over a stream of chunks on several threads and hands the results to a sink in the order
 * the chunks came: the source and the sink run on the caller's thread, the work on a pool, with at
 * most two chunks per thread in flight, so memory stays bounded however long the input. A failure in
 * the source, the work or the sink stops the run and is rethrown as it was thrown (an {@link
 * UncheckedIOException} stays one). Progress is reported after each chunk. Immutable; {@link #run}
 * may be called from several threads, each run with its own pool.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class BatchRunner {

    /** Receives progress after each chunk, on the caller's thread. */
    @FunctionalInterface
    @API(status = EXPERIMENTAL, since = "0.1")
    public interface ProgressListener {
        /**
         * Called after each chunk reached the sink.
         *
         * @param progress the progress so far
         */
        void progress(BatchProgress progress);
    }

    private final int threads;
    private final Clock clock;
    private final ProgressListener listener;

    private BatchRunner(Builder b) {
        this.threads = b.threads;
        this.clock = b.clock;
        this.listener = b.listener;
    }

    /** A runner with one thread per core, the system clock and no progress reports. */
    public static BatchRunner ofDefaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The threads the work runs on. */
    public int threads() {
        return threads;
    }

    /**
     * Runs.
     *
     * @param source the next chunk, or null at the end
     * @param work turns a chunk into a result; called from several threads at once, so it must be
     *     thread-safe (keep per-thread scratch state in a {@code ThreadLocal})
     * @param rowsOf the rows of a result, for progress
     * @param sink receives the results in source order
     * @param <C> the chunk type
     * @param <R> the result type
     * @return the progress at the end
     */
    public <C, R> BatchProgress run(
            Supplier<? extends C> source,
            Function<? super C, ? extends R> work,
            ToIntFunction<? super R> rowsOf,
            Consumer<? super R> sink) {
        Arguments.notNull(source, "source");
        Arguments.notNull(work, "work");
        Arguments.notNull(rowsOf, "rowsOf");
        Arguments.notNull(sink, "sink");
        long start = clock.millis();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "rb-batch");
            t.setDaemon(true);
            return t;
        });
        long chunks = 0;
        long rows = 0;
        try {
            Deque<Future<? extends R>> inFlight = new ArrayDeque<>();
            boolean more = true;
            while (more || !inFlight.isEmpty()) {
                while (more && inFlight.size() < 2 * threads) {
                    C chunk = source.get();
                    if (chunk == null) {
                        more = false;
                    } else {
                        inFlight.add(pool.submit(() -> work.apply(chunk)));
                    }
                }
                if (!inFlight.isEmpty()) {
                    R result = await(inFlight.poll());
                    sink.accept(result);
                    chunks++;
                    rows += rowsOf.applyAsInt(result);
                    if (listener != null) {
                        listener.progress(new BatchProgress(chunks, rows, Duration.ofMillis(clock.millis() - start)));
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new BatchProgress(chunks, rows, Duration.ofMillis(clock.millis() - start));
    }

    private static <R> R await(Future<? extends R> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException("batch work failed", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a chunk");
        }
    }

    /** Builds a {@link BatchRunner}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private int threads = Runtime.getRuntime().availableProcessors();
        private Clock clock = Clocks.system();
        private ProgressListener listener;

        private Builder() {}

        /**
         * The threads the work runs on.
         *
         * @param threads 1 to 256
         * @return this builder
         */
        public Builder threads(int threads) {
            this.threads = (int) Arguments.inRange(threads, 1, 256, "threads");
            return this;
        }

        /**
         * The clock progress is timed with.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Arguments.notNull(clock, "clock");
            return this;
        }

        /**
         * Where progress goes.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder progress(ProgressListener listener) {
            this.listener = Arguments.notNull(listener, "listener");
            return this;
        }

        /** The runner. */
        public BatchRunner build() {
            return new BatchRunner(this);
        }
    }
}
