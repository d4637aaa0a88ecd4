package io.remotebank.benchmarks;

import io.remotebank.segmentation.batch.BatchProgress;
import io.remotebank.segmentation.batch.BatchRunner;
import io.remotebank.segmentation.batch.CustomerBase;
import io.remotebank.segmentation.batch.ProfileScorer;
import io.remotebank.segmentation.model.BatchResult;
import io.remotebank.segmentation.model.Evaluator;
import io.remotebank.segmentation.pmml.PmmlReader;
import io.remotebank.segmentation.profile.ProfileBatch;
import io.remotebank.segmentation.profile.ProfileSchema;
import io.remotebank.segmentation.profile.ProfileType;
import io.remotebank.segmentation.rfm.RfmFitter;
import io.remotebank.segmentation.rfm.RfmScores;
import io.remotebank.segmentation.rfm.RfmSegments;
import io.remotebank.segmentation.rules.RuleSet;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The batch run of issue 28: RFM, a 20-segment rule set and a scorecard over a synthetic base of
 * customers generated in memory (10 million by default), on every core, through the library's
 * {@link BatchRunner}. Two passes, as a bank's nightly run: the first generates every customer and fits
 * the RFM quintiles; the second generates them again (customer {@code i} is the same in both) and
 * scores RFM, assigns the RFM segment and the 20 business segments, and scores the scorecard. Prints
 * each pass's wall time and the peak heap in use. Run with {@code java -Xmx4g -cp
 * rb-benchmarks/target/benchmarks.jar io.remotebank.benchmarks.SegmentationBatchRun [customers]
 * [threads]}.
 */
public final class SegmentationBatchRun {

    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static final Instant NOW = Instant.parse("2025-06-30T02:00:00Z");
    static final int CHUNK = 8192;
    static final ProfileSchema RFM_INPUTS = ProfileSchema.builder()
            .field("last_txn", ProfileType.DATE)
            .field("txn_count", ProfileType.INT)
            .field("txn_amount", ProfileType.DOUBLE)
            .build();

    private SegmentationBatchRun() {}

    /** One chunk's counts. */
    private record Tally(long[] segments, long[] rfmSegments, double scoreSum, long scored, int rows) {}

    /** What one run counted. */
    record Totals(long customers, long[] segments, long[] rfmSegments, double scoreSum, long scored) {}

    /**
     * Runs and prints.
     *
     * @param args the number of customers (default 10,000,000) and of threads (default: the cores)
     */
    public static void main(String[] args) {
        long customers = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int threads = args.length > 1
                ? Integer.parseInt(args[1])
                : Runtime.getRuntime().availableProcessors();
        Clock clock = Clock.systemUTC();
        Instant start = clock.instant();
        Totals t = run(customers, threads, clock, p -> {});
        Duration wall = Duration.between(start, clock.instant());
        System.out.printf(
                Locale.ROOT,
                "%,d customers on %d threads: %.1f s wall (%,.0f customers/s), peak heap used %,d MB (the sum of the heap pools' peaks, an upper bound; max %,d MB)%n",
                t.customers(),
                threads,
                wall.toMillis() / 1000.0,
                t.customers() / Math.max(0.001, wall.toMillis() / 1000.0),
                peakHeapBytes() >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "mean score %.2f over %,d scored%n", t.scoreSum() / t.scored(), t.scored());
        var rules = RuleSet.compile(RfmScores.extend(CustomerBase.SCHEMA), RulesBenchmark.SEGMENTS);
        for (int i = 0; i < t.segments().length - 1; i++) {
            System.out.printf(
                    Locale.ROOT, "  %-16s %,12d%n", rules.segments().get(i).name(), t.segments()[i + 1]);
        }
    }

    /** Progress, for tests and people. */
    interface Listener {
        void pass(String name);
    }

    /**
     * The two passes.
     *
     * @param customers how many
     * @param threads on how many threads
     * @param clock the runners' clock
     * @param listener told when each pass ends
     * @return the counts
     */
    static Totals run(long customers, int threads, Clock clock, Listener listener) {
        CustomerBase base = CustomerBase.of(42, AS_OF);
        ProfileSchema schema = RfmScores.extend(CustomerBase.SCHEMA);
        BatchRunner runner = BatchRunner.builder().threads(threads).clock(clock).build();
        ThreadLocal<ProfileBatch> scratch = ThreadLocal.withInitial(() -> schema.newBatch(CHUNK));

        // Pass 1: the RFM quintiles of the whole base. The fitter runs in the sink (one thread), on a
        // copy of the three columns it reads, since the worker's batch is reused by its next chunk.
        RfmFitter fitter = new RfmFitter("last_txn", "txn_count", "txn_amount", AS_OF);
        runner.run(
                ranges(customers),
                range -> {
                    ProfileBatch b = scratch.get();
                    base.fill(b, range[0], (int) range[1]);
                    ProfileBatch inputs = RFM_INPUTS.newBatch(b.rows());
                    for (int f = 0; f < RFM_INPUTS.size(); f++) {
                        System.arraycopy(
                                b.numbers(schema.indexOf(
                                        RFM_INPUTS.fields().get(f).name())),
                                0,
                                inputs.numbers(f),
                                0,
                                b.rows());
                    }
                    inputs.rows(b.rows());
                    return inputs;
                },
                ProfileBatch::rows,
                fitter::add);
        RfmScores rfm = fitter.fit();
        listener.pass("fit");

        // Pass 2: score.
        RuleSet segments = RuleSet.compile(schema, RulesBenchmark.SEGMENTS);
        RuleSet rfmSegments = RuleSet.compile(schema, RfmSegments.DEFAULT);
        Evaluator scorecard = PmmlReader.ofDefaults().parse(ScoringModels.resource("customer-scorecard.pmml"));
        ProfileScorer scorer = ProfileScorer.of(scorecard, schema);
        ThreadLocal<ProfileScorer.Scratch> scorerScratch = ThreadLocal.withInitial(() -> scorer.newScratch(CHUNK));
        long[] segmentCounts = new long[segments.segments().size() + 1];
        long[] rfmCounts = new long[rfmSegments.segments().size() + 1];
        double[] scoreSum = new double[1];
        AtomicLong scored = new AtomicLong();
        BatchProgress done = runner.run(
                ranges(customers),
                range -> {
                    ProfileBatch b = scratch.get();
                    base.fill(b, range[0], (int) range[1]);
                    rfm.score(b, AS_OF);
                    int[] seg = new int[b.rows()];
                    segments.assign(b, NOW, seg);
                    int[] rfmSeg = new int[b.rows()];
                    rfmSegments.assign(b, NOW, rfmSeg);
                    BatchResult result = scorer.score(b, scorerScratch.get());
                    long[] s = new long[segmentCounts.length];
                    long[] r = new long[rfmCounts.length];
                    double sum = 0;
                    long n = 0;
                    double[] score = result.numbers(0);
                    for (int i = 0; i < b.rows(); i++) {
                        s[seg[i] + 1]++;
                        r[rfmSeg[i] + 1]++;
                        if (!result.failed(i)) {
                            sum += score[i];
                            n++;
                        }
                    }
                    return new Tally(s, r, sum, n, b.rows());
                },
                Tally::rows,
                tally -> {
                    long[] s = tally.segments();
                    long[] r = tally.rfmSegments();
                    for (int i = 0; i < s.length; i++) {
                        segmentCounts[i] += s[i];
                    }
                    for (int i = 0; i < r.length; i++) {
                        rfmCounts[i] += r[i];
                    }
                    scoreSum[0] += tally.scoreSum();
                    scored.addAndGet(tally.scored());
                });
        listener.pass("score");
        return new Totals(done.rows(), segmentCounts, rfmCounts, scoreSum[0], scored.get());
    }

    private static Supplier<long[]> ranges(long customers) {
        AtomicLong next = new AtomicLong();
        return () -> {
            long first = next.getAndAdd(CHUNK);
            return first >= customers ? null : new long[] {first, Math.min(CHUNK, customers - first)};
        };
    }

    /** The sum of the heap pools' peak usage since the JVM started. */
    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
