package io.remotebank.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's implementations score the same records to the same results: the race is fair. */
class ScoringBenchmarkTest {

    @Test
    void allImplementations_agreeOnTheBenchmarkRecords() {
        ScoringBenchmark benchmark = new ScoringBenchmark();
        benchmark.setUp();
        for (ScoringBenchmark.Case c :
                new ScoringBenchmark.Case[] {benchmark.scorecard, benchmark.logistic, benchmark.gbm}) {
            c.ours.score(c.batch, c.batchResult);
            for (int r = 0; r < ScoringBenchmark.RECORDS; r++) {
                Map<String, Object> record = c.records.get(r);
                Map<String, ?> theirs = c.jpmml.score(record);
                c.ours.score(record, c.result);
                String first = c.ours.outputs().get(0).name();
                Object ours = c.result.value(0);
                assertThat(ScoringCrossCheckTest.same(ours, theirs.get(first)))
                        .as(first + " of record " + r)
                        .isTrue();
                assertThat(c.batchResult.failed(r)).isFalse();
                assertThat(c.batchResult.numbers(0)[r]).isEqualTo(c.result.number(0));
            }
        }
        assertThat(benchmark.remotebankGbm100()).isFinite();
    }
}
