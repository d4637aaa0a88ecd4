package io.remotebank.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 10-million-customer run's code, on a small base: every customer counted once, on any threads. */
class SegmentationBatchRunTest {

    @Test
    void everyCustomerIsSegmentedAndScoredOnce_andThreadsChangeNothing() {
        List<String> passes = new ArrayList<>();
        SegmentationBatchRun.Totals one = SegmentationBatchRun.run(50_000, 1, Clock.systemUTC(), passes::add);
        SegmentationBatchRun.Totals two = SegmentationBatchRun.run(50_000, 2, Clock.systemUTC(), p -> {});
        assertThat(passes).containsExactly("fit", "score");
        assertThat(one.customers()).isEqualTo(50_000);
        assertThat(Arrays.stream(one.segments()).sum()).isEqualTo(50_000);
        assertThat(Arrays.stream(one.rfmSegments()).sum()).isEqualTo(50_000);
        assertThat(one.rfmSegments()[0]).as("customers without an RFM segment").isZero();
        assertThat(one.scored()).isEqualTo(50_000);
        assertThat(two.segments()).isEqualTo(one.segments());
        assertThat(two.rfmSegments()).isEqualTo(one.rfmSegments());
        assertThat(two.scoreSum()).isEqualTo(one.scoreSum());
    }
}
