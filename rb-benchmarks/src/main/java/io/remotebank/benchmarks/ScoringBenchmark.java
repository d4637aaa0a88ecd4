package io.remotebank.benchmarks;

import io.remotebank.segmentation.model.BatchResult;
import io.remotebank.segmentation.model.ColumnarBatch;
import io.remotebank.segmentation.model.Evaluator;
import io.remotebank.segmentation.model.FieldType;
import io.remotebank.segmentation.model.InputField;
import io.remotebank.segmentation.model.Result;
import io.remotebank.segmentation.pmml.PmmlReader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Records scored per second by our compiled evaluators ({@code remotebank...}) and by jpmml-evaluator
 * ({@code jpmml...}) on the same in-memory input: 1,024 random records per model, one {@code
 * Map<String, Object>} each, scored round-robin. {@code remotebank...Batch} scores the same records
 * as one columnar batch (the score counts records, not batches). Models: the PMML specification's
 * sample scorecard, a 20-feature logistic regression, a 100-tree gradient-boosted ensemble.
 *
 * <p>9 methods x 1 fork x (3 + 5) s: about 90 seconds.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class ScoringBenchmark {

    static final int RECORDS = 1024;

    /** One model on both evaluators, with its records. */
    static final class Case {
        final Evaluator ours;
        final Jpmml jpmml;
        final List<Map<String, Object>> records;
        final Result result;
        final ColumnarBatch batch;
        final BatchResult batchResult;
        int next;

        Case(String model) {
            String xml = ScoringModels.resource(model);
            ours = PmmlReader.ofDefaults().parse(xml);
            jpmml = new Jpmml(xml);
            records = ScoringModels.records(model, RECORDS, 42);
            result = ours.newResult();
            batch = ours.newBatch(RECORDS);
            batchResult = ours.newBatchResult(RECORDS);
            for (InputField f : ours.inputs()) {
                for (int r = 0; r < RECORDS; r++) {
                    Object v = records.get(r).get(f.name());
                    if (f.type() == FieldType.STRING) {
                        batch.texts(f.index())[r] = v == null ? null : v.toString();
                    } else {
                        batch.numbers(f.index())[r] = v == null ? Double.NaN : ((Number) v).doubleValue();
                    }
                }
            }
            batch.rows(RECORDS);
        }

        Map<String, Object> nextRecord() {
            Map<String, Object> r = records.get(next);
            next = (next + 1) & (RECORDS - 1);
            return r;
        }
    }

    Case scorecard;
    Case logistic;
    Case gbm;

    /** Loads the models and builds the records. */
    @Setup
    public void setUp() {
        scorecard = new Case("sample-scorecard.pmml");
        logistic = new Case("logistic-regression-20.pmml");
        gbm = new Case("gradient-boosting-100.pmml");
    }

    private static double ours(Case c) {
        c.ours.score(c.nextRecord(), c.result);
        return c.result.number(0) + c.result.number(c.result.size() - 1);
    }

    private static double batch(Case c) {
        c.ours.score(c.batch, c.batchResult);
        return c.batchResult.numbers(0)[RECORDS - 1];
    }

    @Benchmark
    public double remotebankScorecard() {
        return ours(scorecard);
    }

    @Benchmark
    public Object jpmmlScorecard() {
        return scorecard.jpmml.score(scorecard.nextRecord());
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public double remotebankScorecardBatch() {
        return batch(scorecard);
    }

    @Benchmark
    public double remotebankLogistic20() {
        return ours(logistic);
    }

    @Benchmark
    public Object jpmmlLogistic20() {
        return logistic.jpmml.score(logistic.nextRecord());
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public double remotebankLogistic20Batch() {
        return batch(logistic);
    }

    @Benchmark
    public double remotebankGbm100() {
        return ours(gbm);
    }

    @Benchmark
    public Object jpmmlGbm100() {
        return gbm.jpmml.score(gbm.nextRecord());
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public double remotebankGbm100Batch() {
        return batch(gbm);
    }
}
