package io.remotebank.examples.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.remotebank.examples.CliTest;
import io.remotebank.examples.cli.ExitCodes;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class SimulateCommandTest extends CliTest {

    @Test
    void simulate_printsSimulatedBesideErlangC() {
        // tag::simulate[]
        int exit = rb(
                "simulate",
                "--agents",
                "14",
                "--calls",
                "100",
                "--interval-seconds",
                "1800",
                "--aht",
                "180",
                "--duration-hours",
                "200",
                "--seed",
                "42");
        // end::simulate[]

        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains("simulated", "Erlang C", "service level (20 s)", "ASA", "abandon rate", "occupancy")
                .containsPattern("service level \\(20 s\\) +\\d\\d\\.\\d\\d% +88\\.84%");
    }

    @Test
    void simulateWithPatience_json_isCloseToErlangA_andRepeatable() throws IOException {
        String[] args = {
            "simulate",
            "--agents",
            "12",
            "--calls",
            "100",
            "--interval-seconds",
            "1800",
            "--aht",
            "180",
            "--patience",
            "120",
            "--duration-hours",
            "1000",
            "--seed",
            "7",
            "--json"
        };
        assertThat(rb(args)).isEqualTo(ExitCodes.OK);
        JsonNode first = json();

        assertThat(first.at("/predicted/model").asText()).isEqualTo("erlang-a");
        assertThat(first.at("/simulated/offered").asLong()).isGreaterThan(190_000);
        assertThat(first.at("/simulated/serviceLevel").asDouble())
                .isCloseTo(first.at("/predicted/serviceLevel").asDouble(), within(0.02));
        assertThat(first.at("/simulated/abandonRate").asDouble())
                .isCloseTo(first.at("/predicted/abandonRate").asDouble(), within(0.01));
        assertThat(rb(args)).isEqualTo(ExitCodes.OK);
        assertThat(json()).isEqualTo(first);
    }

    @Test
    void overload_withoutPatience_erlangCIsUnstable_jsonNulls() throws IOException {
        assertThat(rb(
                        "simulate",
                        "--agents",
                        "5",
                        "--calls",
                        "100",
                        "--interval-seconds",
                        "1800",
                        "--aht",
                        "180",
                        "--duration-hours",
                        "3",
                        "--json"))
                .isEqualTo(ExitCodes.OK);

        JsonNode json = json();
        assertThat(json.at("/predicted/stable").asBoolean()).isFalse();
        assertThat(json.at("/predicted/averageSpeedOfAnswerSeconds").isNull()).isTrue();
        assertThat(json.at("/simulated/waitingAtEnd").asLong()).isPositive();
    }

    @Test
    void logNormalHandleTimes_run() {
        assertThat(rb(
                        "simulate",
                        "--agents",
                        "14",
                        "--calls",
                        "100",
                        "--interval-seconds",
                        "1800",
                        "--aht",
                        "180",
                        "--handle-time",
                        "lognormal",
                        "--aht-stddev",
                        "120",
                        "--duration-hours",
                        "10"))
                .isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Erlang C");
    }

    @Test
    void badUsage_exitsTwo() {
        assertThat(rb("simulate", "--agents", "-1", "--calls", "100", "--interval-seconds", "1800", "--aht", "180"))
                .as("%s", err)
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--agents");
        assertThat(rb(
                        "simulate",
                        "--agents",
                        "3",
                        "--calls",
                        "100",
                        "--interval-seconds",
                        "1800",
                        "--aht",
                        "180",
                        "--duration-hours",
                        "1",
                        "--warm-up-hours",
                        "1"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("warm-up");
        assertThat(rb(
                        "simulate",
                        "--agents",
                        "3",
                        "--calls",
                        "100",
                        "--interval-seconds",
                        "1800",
                        "--aht",
                        "180",
                        "--aht-stddev",
                        "10"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(rb(
                        "simulate",
                        "--agents",
                        "3",
                        "--calls",
                        "100",
                        "--interval-seconds",
                        "1800",
                        "--aht",
                        "180",
                        "--handle-time",
                        "gamma"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(out.toString()).isEmpty();
    }
}
