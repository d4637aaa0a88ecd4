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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentCommandTest {

    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();
    private Path schema;
    private Path rules;
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
        // tag::files[]
        schema = write("schema.yaml", """
                fields: {aum: double, age: int, vip: bool, opened: date, products: list<string>}
                """);
        rules = write("rules.yaml", """
                segments:
                  - {name: private, priority: 30, when: "aum >= 6e6"}
                  - {name: investor, priority: 20, when: "'fund' in products || 'wealth' in products"}
                  - {name: new, priority: 10, when: "now - opened < duration('720h')"}
                  - {name: senior-vip, priority: 5, when: "vip && age >= 60"}
                """);
        customers = write("customers.csv", """
                customer_id,aum,age,vip,opened,products
                c1,8000000,45,false,2020-01-01,deposit|fund
                c2,20000,30,false,2025-06-20,deposit|fund
                c3,500,25,false,2025-06-20,
                c4,100,70,true,2010-05-05,deposit
                c5,100,40,false,2010-05-05,deposit
                """);
        // end::files[]
    }

    @Test
    void highestPriorityThatMatches_wins_andNoMatchIsEmpty() throws IOException {
        Path output = dir.resolve("out.csv");
        // tag::segment[]
        int exit = rb(
                "segment",
                "--schema",
                schema.toString(),
                "--rules",
                rules.toString(),
                "--input",
                customers.toString(),
                "--output",
                output.toString(),
                "--now",
                "2025-06-30T09:00:00+08:00");
        // end::segment[]
        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(Files.readAllLines(output))
                .containsExactly("customer_id,segment", "c1,private", "c2,investor", "c3,new", "c4,senior-vip", "c5,");
        assertThat(err.toString()).contains("5 rows assigned, 0 failed");
    }

    @Test
    void json_printsRowsAndTheCountOfEachSegment() throws IOException {
        int exit = rb(
                "segment",
                "--schema",
                schema.toString(),
                "--rules",
                rules.toString(),
                "--input",
                customers.toString(),
                "--now",
                "2025-06-30T09:00:00+08:00",
                "--json");
        assertThat(exit).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("rows").asLong()).isEqualTo(5);
        assertThat(json.path("segments").toString())
                .isEqualTo("{\"private\":1,\"investor\":1,\"new\":1,\"senior-vip\":1}");
        assertThat(json.path("unassigned").asLong()).isEqualTo(1);
    }

    @Test
    void ruleThatDoesNotTypeCheck_exits2_namingTheRuleAndColumn() throws IOException {
        Path bad = write("bad.yaml", """
                segments:
                  - {name: ok, priority: 2, when: "vip"}
                  - {name: rich, priority: 1, when: "aum * 2 > 3"}
                """);
        int exit = rb(
                "segment", "--schema", schema.toString(), "--rules", bad.toString(), "--input", customers.toString());
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .contains("--rules: ")
                .contains("rule 'rich' at column 5")
                .contains("int and double do not mix");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void refusedCelFeature_exits2_withTheFeatureNamed() throws IOException {
        Path bad = write("bad.yaml", "segments: [{name: m, priority: 1, when: \"has(vip)\"}]\n");
        assertThat(rb(
                        "segment",
                        "--schema",
                        schema.toString(),
                        "--rules",
                        bad.toString(),
                        "--input",
                        customers.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("rule 'm'").contains("has() is not supported");
    }

    @Test
    void unknownTypeInTheSchema_exits2() throws IOException {
        Path bad = write("bad-schema.yaml", "fields: {aum: money}\n");
        assertThat(rb(
                        "segment",
                        "--schema",
                        bad.toString(),
                        "--rules",
                        rules.toString(),
                        "--input",
                        customers.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--schema: ").contains("money");
    }

    @Test
    void rowThatDoesNotFitItsType_isReportedWithItsLine_andTheRestAssigned() throws IOException {
        Path in = write("in.csv", """
                customer_id,aum,age,vip,opened,products
                c1,8000000,45,false,2020-01-01,fund
                c2,lots,30,false,2025-06-20,
                c3,100,70,true,2010-05-05,deposit
                """);
        int exit = rb(
                "segment",
                "--schema",
                schema.toString(),
                "--rules",
                rules.toString(),
                "--input",
                in.toString(),
                "--now",
                "2025-06-30T09:00:00+08:00");
        assertThat(exit).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(out.toString().lines().toList())
                .containsExactly("customer_id,segment", "c1,private", "c3,senior-vip");
        assertThat(err.toString()).contains("line 3: ").contains("aum").contains("2 rows assigned, 1 failed");
    }

    @Test
    void customerIdsThatArePersonalData_areMasked_unlessUnmasked() throws IOException {
        Path in = write("in.csv", "phone,aum,age,vip,opened,products\n13812345678,8000000,45,false,2020-01-01,\n");
        rb("segment", "--schema", schema.toString(), "--rules", rules.toString(), "--input", in.toString());
        assertThat(out.toString()).doesNotContain("13812345678").contains(",private");
        rb(
                "segment",
                "--schema",
                schema.toString(),
                "--rules",
                rules.toString(),
                "--input",
                in.toString(),
                "--unmasked");
        assertThat(out.toString()).contains("13812345678,private");
    }

    @Test
    void manyRowsOnSeveralThreads_keepTheirOrder() throws IOException {
        StringBuilder s = new StringBuilder("customer_id,aum,age,vip,opened,products\n");
        for (int i = 0; i < 20_000; i++) {
            s.append('c')
                    .append(i)
                    .append(',')
                    .append(i % 3 == 0 ? "7000000" : "10")
                    .append(",40,false,2010-01-01,\n");
        }
        Path in = write("many.csv", s.toString());
        Path output = dir.resolve("many-out.csv");
        assertThat(rb(
                        "segment",
                        "--schema",
                        schema.toString(),
                        "--rules",
                        rules.toString(),
                        "--input",
                        in.toString(),
                        "--output",
                        output.toString(),
                        "--threads",
                        "2"))
                .isEqualTo(ExitCodes.OK);
        var lines = Files.readAllLines(output);
        assertThat(lines).hasSize(20_001);
        for (int i = 0; i < 20_000; i++) {
            assertThat(lines.get(i + 1)).isEqualTo("c" + i + "," + (i % 3 == 0 ? "private" : ""));
        }
        assertThat(err.toString()).contains("rb segment: 20,000 rows");
    }
}
