package io.remotebank.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The generated models kept as resources are exactly what ScoringModels generates (deterministic). */
class ScoringModelsTest {

    static java.util.List<String> generated() {
        return ScoringModels.GENERATED;
    }

    @ParameterizedTest
    @MethodSource("generated")
    void resource_isTheGeneratorsOutput(String name) {
        assertThat(ScoringModels.resource(name)).isEqualTo(ScoringModels.generate(name));
    }
}
