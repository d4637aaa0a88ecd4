package io.remotebank.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.remotebank.examples.cli.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shaded jar that ./rb runs, run as a separate process: what an evaluator gets. */
class RbJarIT {

    private static Path jar;

    record Run(int exitCode, String stdout, String stderr) {}

    @BeforeAll
    static void findJar() {
        jar = Path.of(System.getProperty("rb.root"), "rb-examples", "target", "rb.jar");
        assertThat(jar).as("the shaded jar (built in the package phase)").isRegularFile();
    }

    private static Run rb(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("rb exits").isTrue();
        return new Run(process.exitValue(), out.join(), err.join());
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void version_json_listsEveryBundledModule_onStdoutOnly() throws Exception {
        Run run = rb("version", "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(run.stdout());
        assertThat(json.get("modules").findValuesAsText("artifactId"))
                .containsExactly(
                        "rb-core",
                        "rb-testing", // the demo's virtual time
                        "rb-routing",
                        "rb-video-signaling",
                        "rb-identity-verify",
                        "rb-identity-tesseract",
                        "rb-channels",
                        "rb-channels-smpp",
                        "rb-channels-wechat", // rb wechat-callback
                        "rb-segmentation",
                        "rb-examples");
        assertThat(json.get("mixedVersions").asBoolean()).isFalse();
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void help_exitsZero() throws Exception {
        Run run = rb("--help");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.stdout()).contains("Usage: rb", "version", "demo");
    }

    @Test
    void unknownCommand_exitsTwo_withTheErrorOnStderr() throws Exception {
        Run run = rb("no-such-command");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("no-such-command");
    }

    @Test
    void jarIsSelfContained_noModuleDescriptorsOrSignatures() throws Exception {
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            assertThat(zip.getEntry("module-info.class")).isNull();
            assertThat(zip.stream().map(java.util.zip.ZipEntry::getName))
                    .noneMatch(name -> name.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)"))
                    .contains("META-INF/remotebank/rb-core/module.properties");
        }
        assertThat(Files.size(jar)).isPositive();
    }
}
