package io.remotebank.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.remotebank.core.SdkModule;
import io.remotebank.core.SdkModules;
import io.remotebank.examples.cli.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RbCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int rb(String... args) {
        return RbCli.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void help_listsCommandsAndExitCodes_onStdout() {
        assertThat(rb("--help")).isEqualTo(ExitCodes.OK);

        assertThat(out.toString()).contains("version", "demo", "Exit codes:", "3  runtime error");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void noCommand_isBadUsage() {
        assertThat(rb()).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("missing command", "rb --help");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void unknownOption_isBadUsage() {
        assertThat(rb("--no-such-option")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void misspelledCommand_isBadUsage_withSuggestion() {
        assertThat(rb("verson")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("version");
    }

    @Test
    void versionOption_namesTheRelease() {
        assertThat(rb("--version")).isEqualTo(ExitCodes.OK);

        assertThat(out.toString()).startsWith("RemoteBank SDK " + System.getProperty("rb.version"));
    }

    @Test
    void versionCommand_listsEveryModuleJavaAndOs() {
        assertThat(rb("version")).isEqualTo(ExitCodes.OK);

        assertThat(out.toString())
                .contains("rb-core", "rb-routing", "rb-video-signaling", "rb-identity-verify")
                .contains("rb-channels", "rb-segmentation", "rb-examples")
                .contains("Java: " + System.getProperty("java.runtime.version"))
                .contains("OS:   " + System.getProperty("os.name"));
    }

    @Test
    void versionCommand_json_isOneDocument() throws Exception {
        assertThat(rb("version", "--json")).isEqualTo(ExitCodes.OK);

        JsonNode json = new ObjectMapper().readTree(out.toString());
        // One entry per SDK artifact on the class path, as SdkModules finds them: a module added to
        // rb-examples' dependencies shows up in both.
        assertThat(json.get("modules"))
                .extracting(m -> m.get("artifactId").asText())
                .containsExactlyElementsOf(SdkModules.installed().stream()
                        .map(SdkModule::artifactId)
                        .toList())
                .contains("rb-core", "rb-routing", "rb-channels", "rb-channels-smpp", "rb-testing", "rb-examples");
        assertThat(json.get("modules").get(0).get("artifactId").asText()).isEqualTo("rb-core");
        assertThat(json.get("modules").get(0).get("version").asText()).isEqualTo(System.getProperty("rb.version"));
        assertThat(json.get("mixedVersions").asBoolean()).isFalse();
        assertThat(json.at("/java/version").asText()).isEqualTo(System.getProperty("java.runtime.version"));
        assertThat(json.at("/os/arch").asText()).isEqualTo(System.getProperty("os.arch"));
    }

    @Test
    void helpCommand_showsASubcommandsHelp() {
        assertThat(rb("help", "version")).isEqualTo(ExitCodes.OK);

        assertThat(out.toString()).contains("Usage: rb version", "--json");
    }

    @Test
    void everyCommand_hasHelp() {
        RbCli.commandLine().getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                StringWriter text = new StringWriter();
                int code = RbCli.execute(new PrintWriter(text), new PrintWriter(err), name, "--help");
                assertThat(code).as(name).isEqualTo(ExitCodes.OK);
                assertThat(text.toString()).as(name).contains("Usage: rb " + name);
            }
        });
    }
}
