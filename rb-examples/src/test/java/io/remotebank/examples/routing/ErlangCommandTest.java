package io.remotebank.examples.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.remotebank.examples.CliTest;
import io.remotebank.examples.cli.ExitCodes;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ErlangCommandTest extends CliTest {

    @Test
    void erlangC_callCentreHelperExample_14Agents() {
        // tag::erlang[]
        int exit = rb(
                "erlang",
                "--calls",
                "100",
                "--interval-seconds",
                "1800",
                "--aht",
                "180",
                "--target-sl",
                "0.8",
                "--target-seconds",
                "20");
        // end::erlang[]

        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains("10.000 erlangs", "Erlang C", "Agents needed:  14")
                .containsPattern("14 +17\\.41% +88\\.84% +7\\.8 s +71\\.43%")
                .containsPattern("13 +28\\.53% +79\\.56% +17\\.1 s +76\\.92%");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void erlangA_json_hasAbandonProbabilities() throws IOException {
        assertThat(rb(
                        "erlang",
                        "--calls",
                        "100",
                        "--interval-seconds",
                        "1800",
                        "--aht",
                        "180",
                        "--patience",
                        "120",
                        "--json"))
                .isEqualTo(ExitCodes.OK);

        JsonNode json = json();
        assertThat(json.get("model").asText()).isEqualTo("erlang-a");
        assertThat(json.get("agentsNeeded").asInt()).isEqualTo(12);
        assertThat(json.at("/traffic/erlangs").asDouble()).isEqualTo(10.0);
        assertThat(json.at("/predictions/0/agents").asInt()).isEqualTo(12);
        assertThat(json.at("/predictions/1/agents").asInt()).isEqualTo(11);
        assertThat(json.at("/predictions/0/serviceLevel").asDouble()).isCloseTo(0.8256, within(1e-4));
        assertThat(json.at("/predictions/1/serviceLevel").asDouble()).isLessThan(0.8);
        assertThat(json.at("/predictions/0/probabilityOfAbandon").asDouble()).isCloseTo(0.0616, within(1e-4));
    }

    @Test
    void zeroCalls_needsNoAgents_andOneFewerIsNotListed() throws IOException {
        assertThat(rb("erlang", "--calls", "0", "--interval-seconds", "1800", "--aht", "180", "--json"))
                .isEqualTo(ExitCodes.OK);

        assertThat(json().get("agentsNeeded").asInt()).isZero();
        assertThat(json().get("predictions")).hasSize(1);
    }

    @Test
    void maxOccupancy_raisesTheAgents() throws IOException {
        assertThat(rb(
                        "erlang",
                        "--calls",
                        "100",
                        "--interval-seconds",
                        "1800",
                        "--aht",
                        "180",
                        "--max-occupancy",
                        "0.7",
                        "--json"))
                .isEqualTo(ExitCodes.OK);

        assertThat(json().get("agentsNeeded").asInt()).isEqualTo(15);
    }

    @Test
    void badNumbers_areBadUsage() {
        int code = rb("erlang", "--calls", "-5", "--interval-seconds", "1800", "--aht", "180");
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("calls must be");
        assertThat(rb("erlang", "--calls", "100", "--interval-seconds", "1800", "--aht", "0"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--aht");
        assertThat(rb("erlang", "--calls", "100", "--interval-seconds", "1800", "--aht", "180", "--target-sl", "1"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("service level");
        assertThat(rb("erlang", "--calls", "100", "--aht", "180")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--interval-seconds");
        assertThat(rb("erlang", "--calls", "many", "--interval-seconds", "1800", "--aht", "180"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(out.toString()).isEmpty();
    }
}
