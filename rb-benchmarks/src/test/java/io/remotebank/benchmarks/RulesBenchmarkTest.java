package io.remotebank.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Both sides of RulesBenchmark put every customer in the same segment: the race is fair. */
class RulesBenchmarkTest {

    @Test
    void oursAndCelJava_assignTheSameSegment_toEveryBenchmarkCustomer() {
        RulesBenchmark b = new RulesBenchmark();
        b.setUp();
        b.remotebankSegment20();
        int[] histogram = new int[RulesBenchmark.SEGMENTS.size() + 1];
        for (int r = 0; r < RulesBenchmark.RECORDS; r++) {
            int theirs = RulesBenchmark.celSegment(b.programs, b.activations.get(r));
            assertThat(b.assigned[r]).as("customer " + r).isEqualTo(theirs);
            histogram[theirs + 1]++;
        }
        // the rule set is a real race: customers spread over many segments, not all caught by the first
        long used = java.util.Arrays.stream(histogram).filter(n -> n > 0).count();
        assertThat(used).isGreaterThanOrEqualTo(10);
        assertThat(histogram[1]).isLessThan(RulesBenchmark.RECORDS / 4);
    }
}
