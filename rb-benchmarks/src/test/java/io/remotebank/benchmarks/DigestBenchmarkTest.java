package io.remotebank.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every implementation in the benchmark computes the same hash of the same input: the race is fair. */
class DigestBenchmarkTest {

    @ParameterizedTest
    @ValueSource(ints = {64, 1024, 16384, 65536})
    void allImplementations_agree(int size) throws Exception {
        DigestBenchmark benchmark = new DigestBenchmark();
        benchmark.size = size;
        benchmark.setUp();

        assertThat(benchmark.remotebankSha256())
                .isEqualTo(benchmark.jdkSha256())
                .isEqualTo(benchmark.bouncyCastleSha256());
        assertThat(benchmark.remotebankSm3()).isEqualTo(benchmark.bouncyCastleSm3());
        // Reused instances reset after each hash: a second round gives the same result.
        assertThat(benchmark.bouncyCastleSm3()).isEqualTo(benchmark.remotebankSm3());
    }
}
