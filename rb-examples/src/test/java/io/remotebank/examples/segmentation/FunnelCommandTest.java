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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunnelCommandTest {

    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

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

    /** Four customers counted by hand: 4 opened, 3 bound, 2 deposited, 1 invested, 1 retained. */
    private Path handCounted() throws IOException {
        return write("funnel.csv", """
                id,opened,bound,deposited,invested,retained,segment
                a,2025-01-05,2025-01-06,2025-01-16,2025-02-15,2025-05-16,young
                b,2025-01-20,2025-01-22,2025-01-30,,,young
                c,2025-02-01,2025-02-03,,,,senior
                d,2025-02-10,,,,,senior
                """);
    }

    @Test
    void json_countsEachStage_theKeyMomentAndTheCohorts() throws IOException {
        int exit = rb("funnel", "--input", handCounted().toString(), "--now", "2025-06-30T00:00:00Z", "--json");
        assertThat(exit).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("customers").asLong()).isEqualTo(4);
        assertThat(json.path("overall").findValuesAsText("reached")).containsExactly("4", "3", "2", "1", "1");
        // 绑定 -> 入金 and 入金 -> 投资 both lose one; 入金 -> 投资 keeps 50% against 67%: the larger loss by share
        assertThat(json.path("keyMoment").path("from").asText()).isEqualTo("入金");
        assertThat(json.path("keyMoment").path("to").asText()).isEqualTo("投资");
        assertThat(json.path("cohorts").path("2025-01").toString()).isEqualTo("[2,2,2,1,1]");
        assertThat(json.path("cohorts").path("2025-02").toString()).isEqualTo("[2,1,0,0,0]");
        assertThat(json.path("segments")
                        .path("senior")
                        .path("keyMoment")
                        .path("to")
                        .asText())
                .isEqualTo("入金");
        assertThat(err.toString()).contains("rb funnel: 4 rows");
    }

    @Test
    void html_isOnePageWithSvgCharts_andFetchesNothing() throws IOException {
        Path customers = dir.resolve("customers.csv");
        assertThat(rb("customers", "--count", "3000", "--seed", "7", "--output", customers.toString()))
                .isEqualTo(ExitCodes.OK);
        Path html = dir.resolve("funnel.html");
        // tag::funnel[]
        int exit = rb(
                "funnel", "--input", customers.toString(), "--html", html.toString(), "--now", "2025-06-30T00:00:00Z");
        // end::funnel[]
        assertThat(exit).isEqualTo(ExitCodes.OK);
        String page = Files.readString(html);
        assertThat(page)
                .contains("aria-label=\"conversion funnel\"")
                .contains("aria-label=\"cohort heat map\"")
                .contains("aria-label=\"tier flows\"")
                .contains("开卡");
        // self-contained: no script, style sheet, image, frame or font is loaded from anywhere
        assertThat(page.toLowerCase(java.util.Locale.ROOT))
                .doesNotContain("<script")
                .doesNotContain("<link")
                .doesNotContain("<img")
                .doesNotContain("<iframe")
                .doesNotContain("src=")
                .doesNotContain("href=")
                .doesNotContain("url(")
                .doesNotContain("@import")
                .contains("default-src 'none'");
        assertThat(err.toString()).contains("report written to");
    }

    @Test
    void segmentNamesAreEscapedInTheReport() throws IOException {
        Path in = write(
                "funnel.csv",
                "id,opened,bound,deposited,invested,retained,segment\n"
                        + "a,2025-01-05,2025-01-06,,,,<script>alert(1)</script>\n");
        Path html = dir.resolve("x.html");
        assertThat(rb("funnel", "--input", in.toString(), "--html", html.toString()))
                .isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(html)).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void segmentsFromRules_needTheSchema() throws IOException {
        Path rules = write("rules.yaml", "segments: [{name: a, priority: 1, when: \"true\"}]\n");
        assertThat(rb("funnel", "--input", handCounted().toString(), "--rules", rules.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--rules needs --schema");
    }

    @Test
    void aDateThatDoesNotParse_failsItsRowOnly() throws IOException {
        Path in = write("funnel.csv", """
                id,opened,bound,deposited,invested,retained
                a,2025-01-05,2025-01-06,,,
                b,2025-13-45,,,,
                """);
        assertThat(rb("funnel", "--input", in.toString(), "--json")).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(new ObjectMapper().readTree(out.toString()).path("customers").asLong())
                .isEqualTo(1);
        assertThat(err.toString()).contains("line 3: ");
    }
}
