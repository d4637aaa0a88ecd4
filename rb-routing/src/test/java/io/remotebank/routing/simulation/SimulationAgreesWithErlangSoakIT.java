package io.remotebank.routing.simulation;

import static io.remotebank.routing.simulation.SimulationAgreesWithErlangTest.mmn;
import static io.remotebank.routing.simulation.SimulationAgreesWithErlangTest.predict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.remotebank.routing.QueueStatistics;
import io.remotebank.routing.workforce.Prediction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The long version of {@link SimulationAgreesWithErlangTest}: about 8 million calls per case, bounds
 * of half a percentage point. Runs with {@code ./mvnw -Psoak verify}.
 */
class SimulationAgreesWithErlangSoakIT {

    @ParameterizedTest(name = "{0} agents, {1} calls per 30 min, AHT {2} s, patience {3} s")
    @CsvSource({
        "14,  100, 180,   0, 40000, 21",
        "13,  100, 180,   0, 40000, 22",
        "55,  360, 240,   0, 15000, 23",
        "215, 2000, 180,  0,  2500, 24",
        "12,  100, 180, 120, 40000, 25",
        "8,   100, 180,  60, 40000, 26",
        "50,  360, 240,  90, 15000, 27",
        "180, 2000, 180, 300, 2500, 28"
    })
    void simulatedServiceLevel_isWithinHalfAPointOfErlang(
            int agents, double calls, long aht, long patience, long hours, long seed) {
        QueueStatistics simulated =
                mmn(agents, calls, aht, patience, hours, seed).run().statistics("cards");
        Prediction predicted = predict(agents, calls, aht, patience);

        System.out.printf(
                "%d agents, %.0f calls/30 min, AHT %d s, patience %s: offered %d, SL %.4f (predicted %.4f),"
                        + " abandon %.4f (%.4f), ASA %.2f s (%.2f), occupancy %.4f (%.4f)%n",
                agents,
                calls,
                aht,
                patience == 0 ? "none" : patience + " s",
                simulated.offered(),
                simulated.serviceLevel(),
                predicted.serviceLevel(),
                simulated.abandonRate(),
                predicted.probabilityOfAbandon(),
                simulated.averageSpeedOfAnswer().toMillis() / 1000.0,
                predicted.averageSpeedOfAnswerSeconds(),
                simulated.occupancy(),
                predicted.occupancy());
        assertThat(simulated.serviceLevel()).isCloseTo(predicted.serviceLevel(), within(0.005));
        assertThat(simulated.abandonRate()).isCloseTo(predicted.probabilityOfAbandon(), within(0.003));
        assertThat(simulated.occupancy()).isCloseTo(predicted.occupancy(), within(0.003));
    }
}
