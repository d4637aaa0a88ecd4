package io.remotebank.routing.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.remotebank.routing.AgentProfile;
import io.remotebank.routing.QueueConfig;
import io.remotebank.routing.QueueStatistics;
import io.remotebank.routing.workforce.ErlangA;
import io.remotebank.routing.workforce.ErlangC;
import io.remotebank.routing.workforce.Prediction;
import io.remotebank.routing.workforce.StaffingModel;
import io.remotebank.routing.workforce.Traffic;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real engine, driven by the simulator as a single-skill M/M/N(+M) queue, measures the service
 * level Erlang C (no patience) or Erlang A (exponential patience) predicts, within 2 percentage
 * points. Each run offers about 800,000 calls after a one-hour warm-up; {@code
 * SimulationAgreesWithErlangSoakIT} runs ten times longer with tighter bounds.
 */
class SimulationAgreesWithErlangTest {

    static final Duration THRESHOLD = Duration.ofSeconds(20);

    /** One queue, one stream of calls, identical agents for the whole run. */
    static Simulation mmn(int agents, double callsPerHalfHour, long aht, long patience, long hours, long seed) {
        ContactStream.Builder stream = ContactStream.builder("cards")
                .arrivals(ArrivalRate.constant(callsPerHalfHour, Duration.ofMinutes(30)))
                .handleTime(HandleTime.exponential(Duration.ofSeconds(aht)));
        if (patience > 0) {
            stream.patience(Patience.exponential(Duration.ofSeconds(patience)));
        }
        return Simulation.builder()
                .seed(seed)
                .duration(Duration.ofHours(hours))
                .warmUp(Duration.ofHours(1))
                .queue(QueueConfig.builder("cards")
                        .serviceLevelThreshold(THRESHOLD)
                        .build())
                .contacts(stream.build())
                .agents(
                        agents,
                        i -> AgentProfile.builder("agent-" + i).queue("cards").build())
                .build();
    }

    static Prediction predict(int agents, double callsPerHalfHour, long aht, long patience) {
        Traffic traffic = Traffic.of(callsPerHalfHour, Duration.ofMinutes(30), Duration.ofSeconds(aht));
        StaffingModel model = patience > 0 ? ErlangA.of(traffic, Duration.ofSeconds(patience)) : ErlangC.of(traffic);
        return model.predict(agents, THRESHOLD);
    }

    @ParameterizedTest(name = "{0} agents, {1} calls per 30 min, AHT {2} s, patience {3} s")
    @CsvSource({
        // agents, calls per half hour, AHT s, mean patience s (0: none), hours, seed
        "14,  100, 180,   0, 4000, 11", // Erlang C: 10 erlangs, 71% occupancy
        "55,  360, 240,   0, 1500, 12", // Erlang C: 48 erlangs, 87% occupancy
        "215, 2000, 180,  0,  250, 13", // Erlang C: 200 erlangs, 93% occupancy
        "12,  100, 180, 120, 4000, 14", // Erlang A
        "8,   100, 180,  60, 4000, 15", // Erlang A, overloaded: 10 erlangs on 8 agents
        "50,  360, 240,  90, 1500, 16" // Erlang A
    })
    void simulatedServiceLevel_isWithinTwoPointsOfErlang(
            int agents, double calls, long aht, long patience, long hours, long seed) {
        QueueStatistics simulated =
                mmn(agents, calls, aht, patience, hours, seed).run().statistics("cards");
        Prediction predicted = predict(agents, calls, aht, patience);

        assertThat(simulated.offered()).isGreaterThan(700_000);
        assertThat(simulated.serviceLevel()).isCloseTo(predicted.serviceLevel(), within(0.02));
        assertThat(simulated.abandonRate()).isCloseTo(predicted.probabilityOfAbandon(), within(0.01));
        assertThat(simulated.occupancy()).isCloseTo(predicted.occupancy(), within(0.01));
        assertThat(simulated.averageSpeedOfAnswer().toMillis() / 1000.0)
                .isCloseTo(
                        predicted.averageSpeedOfAnswerSeconds(),
                        within(0.1 * predicted.averageSpeedOfAnswerSeconds() + 0.5));
    }
}
