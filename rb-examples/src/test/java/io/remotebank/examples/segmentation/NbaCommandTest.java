package io.remotebank.examples.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.remotebank.examples.RbCli;
import io.remotebank.examples.cli.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NbaCommandTest {

    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();
    private Path schema;
    private Path actions;
    private Path customers;

    private int rb(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return RbCli.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @BeforeEach
    void files() throws IOException {
        schema = write(
                "schema.yaml",
                "fields: {aum: double, age: int, consent_call: bool, consent_sms: bool, contacts_7d: int}\n");
        // tag::actions[]
        actions = write("actions.yaml", """
                actions:
                  - {name: wealth-call, campaign: wealth, channel: voice, when: "aum >= 1e5",
                     propensity: 0.2, value: "aum * 0.01"}
                  - {name: card-sms, campaign: card, channel: sms, when: "age < 60",
                     propensity: 0.05, value: "300.0"}
                capacity: {wealth: 1}
                policy: {from: '08:00', until: '20:00', zone: Asia/Shanghai, max_per_week: 2}
                """);
        // end::actions[]
        customers = write("customers.csv", """
                id,aum,age,consent_call,consent_sms,contacts_7d
                c1,1000000,40,true,true,0
                c2,2000000,40,true,true,0
                c3,2000000,40,false,true,0
                c4,2000000,40,true,true,2
                c5,500,70,true,true,0
                """);
    }

    private List<String> decisions() {
        return out.toString().lines().toList();
    }

    @Test
    void inTheDay_capacityGoesToTheRichest_consentAndCapsAreKept_andEachChoiceIsExplained() {
        // tag::nba[]
        int exit = rb(
                "nba",
                "--schema",
                schema.toString(),
                "--actions",
                actions.toString(),
                "--input",
                customers.toString(),
                "--now",
                "2025-06-30T10:00:00+08:00");
        // end::nba[]
        assertThat(exit).isEqualTo(ExitCodes.OK);
        List<String> lines = decisions();
        assertThat(lines.get(0)).isEqualTo("id,action,expected_value,explanation");
        // c2 is worth 4,000 by call, c1 2,000: the one call goes to c2, c1 falls back to the SMS
        assertThat(lines.get(1)).startsWith("c1,card-sms,15.00,").contains("campaign 'wealth' had no capacity left");
        assertThat(lines.get(2)).startsWith("c2,wealth-call,4000.00,");
        assertThat(lines.get(3)).startsWith("c3,card-sms,15.00,").contains("no consent");
        assertThat(lines.get(4)).startsWith("c4,,,").contains("frequency cap");
        assertThat(lines.get(5)).startsWith("c5,,,").contains("not eligible");
    }

    @Test
    void inQuietHours_nothingIsSent() throws IOException {
        int exit = rb(
                "nba",
                "--schema",
                schema.toString(),
                "--actions",
                actions.toString(),
                "--input",
                customers.toString(),
                "--now",
                "2025-06-30T22:00:00+08:00",
                "--json");
        assertThat(exit).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("rows").asInt()).isEqualTo(5);
        assertThat(json.path("none").asInt()).isEqualTo(5);
        assertThat(json.path("actions").path("wealth-call").asInt()).isZero();
    }

    @Test
    void json_countsTheChosenActions() throws IOException {
        rb(
                "nba",
                "--schema",
                schema.toString(),
                "--actions",
                actions.toString(),
                "--input",
                customers.toString(),
                "--now",
                "2025-06-30T10:00:00+08:00",
                "--json");
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("actions").toString()).isEqualTo("{\"wealth-call\":1,\"card-sms\":2}");
        assertThat(json.path("none").asInt()).isEqualTo(2);
    }

    @Test
    void aRuleThatDoesNotTypeCheck_exits2_namingTheAction() throws IOException {
        Path bad = write(
                "bad.yaml",
                "actions: [{name: x, channel: sms, when: \"aum * 2 > 3\", propensity: 0.1, value: \"1.0\"}]\n");
        assertThat(rb(
                        "nba",
                        "--schema",
                        schema.toString(),
                        "--actions",
                        bad.toString(),
                        "--input",
                        customers.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--actions: ").contains("rule 'x'");
    }

    @Test
    void aBadPolicyOrCapacity_exits2() throws IOException {
        Path badTime = write(
                "t.yaml",
                "actions: [{name: x, channel: sms, propensity: 0.1, value: \"1.0\"}]\npolicy: {from: '25:00'}\n");
        assertThat(rb(
                        "nba",
                        "--schema",
                        schema.toString(),
                        "--actions",
                        badTime.toString(),
                        "--input",
                        customers.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--actions: policy: ");
        Path badCapacity = write(
                "c.yaml", "actions: [{name: x, channel: sms, propensity: 0.1, value: \"1.0\"}]\ncapacity: {x: 2.5}\n");
        assertThat(rb(
                        "nba",
                        "--schema",
                        schema.toString(),
                        "--actions",
                        badCapacity.toString(),
                        "--input",
                        customers.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("capacity of 'x' must be a whole number");
    }
}
