package io.remotebank.examples.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.remotebank.examples.RbCli;
import io.remotebank.examples.cli.ExitCodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path model;

    private int rb(String... args) {
        return RbCli.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    @BeforeEach
    void writeModel() throws IOException {
        model = dir.resolve("scorecard.pmml");
        try (InputStream in = ScoreCommandTest.class.getResourceAsStream("sample-scorecard.pmml")) {
            Files.write(model, in.readAllBytes());
        }
    }

    private Path csv(String text) throws IOException {
        Path p = dir.resolve("in.csv");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void scoresEveryRow_inInputOrder_withTheModelsOutputNames() throws IOException {
        // tag::score[]
        Path in = csv("customer,department,age,income\n"
                + "c-001,engineering,25,500\n"
                + "c-002,business,45,3000\n"
                + "c-003,,,\n");
        int exit = rb("score", "--pmml", model.toString(), "--input", in.toString());
        // end::score[]
        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(out.toString().lines().toList())
                .containsExactly(
                        "customer,Final Score,Reason Code 1,Reason Code 2,Reason Code 3",
                        "c-001,29,RC2,RC1,",
                        "c-002,21,RC1,RC3,RC2",
                        "c-003,-7,RC1,RC2,RC3");
        assertThat(err.toString()).contains("3 rows scored, 0 failed");
    }

    @Test
    void manyRows_onSeveralThreads_keepTheirOrder() throws IOException {
        StringBuilder s = new StringBuilder("id,age,income,department\n");
        for (int i = 0; i < 20_000; i++) {
            s.append(i)
                    .append(',')
                    .append(i % 60 + 10)
                    .append(',')
                    .append(i % 4000)
                    .append(",marketing\n");
        }
        Path output = dir.resolve("out.csv");
        int exit = rb(
                "score",
                "--pmml",
                model.toString(),
                "--input",
                csv(s.toString()).toString(),
                "--output",
                output.toString(),
                "--threads",
                "4");
        assertThat(exit).isEqualTo(ExitCodes.OK);
        List<String> lines = Files.readAllLines(output);
        assertThat(lines).hasSize(20_001);
        for (int i = 0; i < 20_000; i += 997) {
            assertThat(lines.get(i + 1)).startsWith(i + ",");
        }
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void badRows_areReportedWithTheirLine_andTheRestIsScored() throws IOException {
        Path in = csv("id,department,age,income\r\n"
                + "a,engineering,25,500\r\n"
                + "b,sales,30,100\r\n" // no attribute of departmentScore matches
                + "c,engineering,25\r\n" // a column short
                + "\"d, quoted\",\"marketing\",40,\"2,000\"\r\n" // 2,000 is not a number: invalid, so missing
                + "e,\"bad\"x,1,1\r\n");
        int exit = rb("score", "--pmml", model.toString(), "--input", in.toString());
        assertThat(exit).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(out.toString().lines().toList())
                .containsExactly(
                        "id,Final Score,Reason Code 1,Reason Code 2,Reason Code 3",
                        "a,29,RC2,RC1,",
                        "\"d, quoted\",40,RC3,RC1,RC2");
        assertThat(err.toString())
                .contains("line 3: ", "departmentScore")
                .contains("line 4: expected 4 columns, found 3")
                .contains("line 6: text after a closing quote")
                .contains("2 rows scored, 3 failed");
    }

    @Test
    void json_givesOneDocument() throws IOException {
        Path in = csv("id,department,age,income\n13800138000,engineering,25,500\nx,sales,1,1\n");
        int exit = rb("score", "--pmml", model.toString(), "--input", in.toString(), "--json");
        assertThat(exit).isEqualTo(ExitCodes.CHECK_FAILED);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("model").asText()).isEqualTo("SampleScorecard");
        assertThat(json.path("scored").asInt()).isEqualTo(1);
        assertThat(json.path("failed").asInt()).isEqualTo(1);
        assertThat(json.path("errors").get(0).path("line").asInt()).isEqualTo(3);
        JsonNode row = json.path("rows").get(0);
        assertThat(row.path("Final Score").asText()).isEqualTo("29");
        // The id looks like a mobile number: masked unless --unmasked.
        assertThat(row.path("id").asText()).isNotEqualTo("13800138000").contains("*");
    }

    @Test
    void json_withOutputFile_countsTheRows() throws IOException {
        Path in = csv("id,department,age,income\na,engineering,25,500\nb,business,45,3000\n");
        Path output = dir.resolve("scores.csv");
        int exit = rb(
                "score", "--pmml", model.toString(), "--input", in.toString(), "--output", output.toString(), "--json");
        assertThat(exit).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("rows").asInt()).isEqualTo(2);
        assertThat(json.path("output").asText()).isEqualTo(output.toString());
        assertThat(Files.readAllLines(output)).hasSize(3);
    }

    @Test
    void unmasked_showsIds() throws IOException {
        Path in = csv("id,department,age,income\n13800138000,engineering,25,500\n");
        assertThat(rb("score", "--pmml", model.toString(), "--input", in.toString(), "--unmasked"))
                .isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("13800138000,29,RC2,RC1,");
    }

    @Test
    void badModelOrInput_isBadUsage() throws IOException {
        Path bad = dir.resolve("bad.pmml");
        Files.writeString(bad, "<PMML version=\"4.4\"><NeuralNetwork/></PMML>");
        Path in = csv("id,age\n1,2\n");
        assertThat(rb("score", "--pmml", bad.toString(), "--input", in.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("NeuralNetwork", "line 1");
        assertThat(rb("score", "--pmml", dir.resolve("none.pmml").toString(), "--input", in.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(rb(
                        "score",
                        "--pmml",
                        model.toString(),
                        "--input",
                        dir.resolve("none.csv").toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(rb("score", "--pmml", model.toString(), "--input", in.toString(), "--threads", "0"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(rb("score", "--pmml", model.toString(), "--input", csv("").toString()))
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void missingColumns_areWarnedAbout() throws IOException {
        Path in = csv("id,age\n1,25\n");
        assertThat(rb("score", "--pmml", model.toString(), "--input", in.toString()))
                .isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).contains("no column 'department'", "no column 'income'");
        // department missing -9, age 25: 0, income missing 3
        assertThat(out.toString()).contains("1,-6,");
    }
}
