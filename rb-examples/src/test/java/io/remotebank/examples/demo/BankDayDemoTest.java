package io.remotebank.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.remotebank.examples.RbCli;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.examples.cli.OutputOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the main demo in-process (no nested Maven build) and checks what the day produced. */
class BankDayDemoTest {

    @TempDir
    Path dir;

    @Test
    void theDayHappensAsScripted() throws Exception {
        StringWriter out = new StringWriter();

        BankDayDemo.Outcome outcome = new BankDayDemo(dir).play(new PrintWriter(out, true), new OutputOptions());

        assertThat(outcome.checks())
                .allSatisfy(c -> assertThat(c.passed())
                        .as("act %d: %s (observed %s)", c.act(), c.text(), c.observed())
                        .isTrue());
        assertThat(outcome.passed()).isTrue();
        String narrative = out.toString();
        assertThat(narrative)
                .contains("[1/5] Video account opening")
                .contains("[5/5] The audit trail")
                .contains("refused, FAIL check-character")
                .contains("does not answer")
                .contains("suppressed, NO_CONSENT")
                .contains("deferred until 2026-12-01T08:00")
                .contains("INTACT");
        // personal data stays masked on the console
        assertThat(narrative)
                .doesNotContain("110105199003150017")
                .doesNotContain("张伟")
                .doesNotContain("13812345678");

        String html = Files.readString(outcome.report(), StandardCharsets.UTF_8);
        assertThat(outcome.report()).isEqualTo(dir.resolve("report.html"));
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<svg", "<polyline", outcome.auditRoot())
                .doesNotContain("<script", "src=", "href=", "url(") // self-contained: nothing fetched
                .doesNotContain("张伟");
        assertThat(outcome.auditRoot()).matches("[0-9a-f]{64}");
        assertThat(outcome.figures().messageOutcomes())
                .containsEntry("delivered", 1)
                .containsEntry("suppressed", 1)
                .containsEntry("deferred", 1);
        assertThat(outcome.figures().queue()).hasSizeGreaterThan(100);
        assertThat(outcome.figures().queue())
                .anySatisfy(s -> assertThat(s.waiting()).isGreaterThan(2));
    }

    @Test
    void rbDemo_json_givesTheOutcomeAndEveryCheck() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        // as `./rb demo --json` runs it: the report goes to target/rb-demo under the working directory
        int code = RbCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--json");

        assertThat(code).isEqualTo(ExitCodes.OK);
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("passed").asBoolean()).isTrue();
        assertThat(root.get("checks")).hasSizeGreaterThan(8);
        assertThat(root.get("auditRoot").asText()).hasSize(64);
        assertThat(Path.of(root.get("report").asText())).exists().endsWith(Path.of("target", "rb-demo", "report.html"));
    }

    @Test
    void isTheMainDemo() {
        StringWriter out = new StringWriter();
        assertThat(RbCli.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "demo", "--list"))
                .isEqualTo(ExitCodes.OK);
        assertThat(out.toString().lines().skip(1).findFirst().orElse("")).contains("bank-day");
    }
}
