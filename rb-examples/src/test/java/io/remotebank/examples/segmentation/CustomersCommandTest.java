package io.remotebank.examples.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.examples.RbCli;
import io.remotebank.examples.cli.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomersCommandTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int rb(String... args) {
        return RbCli.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
    }

    @Test
    void oneSeed_givesOneBase_andTheSchemaFileReadsIt() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Path schema = dir.resolve("schema.yaml");
        assertThat(rb(
                        "customers",
                        "--count",
                        "500",
                        "--seed",
                        "3",
                        "--output",
                        a.toString(),
                        "--schema",
                        schema.toString()))
                .isEqualTo(ExitCodes.OK);
        assertThat(rb("customers", "--count", "500", "--seed", "3", "--output", b.toString()))
                .isEqualTo(ExitCodes.OK);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readAllLines(a)).hasSize(501);
        assertThat(Files.readString(schema)).startsWith("fields:\n").contains("  opened: date\n");

        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, "segments: [{name: rich, priority: 1, when: \"aum >= 1e6\"}]\n");
        assertThat(rb(
                        "segment",
                        "--schema",
                        schema.toString(),
                        "--rules",
                        rules.toString(),
                        "--input",
                        a.toString(),
                        "--output",
                        dir.resolve("out.csv").toString()))
                .isEqualTo(ExitCodes.OK);
    }

    @Test
    void anotherSeed_givesAnotherBase() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        rb("customers", "--count", "50", "--seed", "1", "--output", a.toString());
        rb("customers", "--count", "50", "--seed", "2", "--output", b.toString());
        assertThat(Files.readString(a)).isNotEqualTo(Files.readString(b));
    }

    @Test
    void countOutOfRange_exits2() {
        assertThat(rb(
                        "customers",
                        "--count",
                        "0",
                        "--output",
                        dir.resolve("x.csv").toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--count must be 1 to 100000000");
    }
}
