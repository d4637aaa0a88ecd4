package io.remotebank.examples.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.remotebank.examples.CliTest;
import io.remotebank.examples.cli.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest extends CliTest {

    @TempDir
    Path tmp;

    private Path demoTrail(String... extra) {
        Path dir = tmp.resolve("trail");
        List<String> args = new ArrayList<>(List.of("audit", "demo", dir.toString(), "--events", "30"));
        args.addAll(List.of(extra));
        assertThat(rb(args.toArray(String[]::new))).as(err.toString()).isEqualTo(ExitCodes.OK);
        return dir;
    }

    @Test
    void demo_thenVerify_isIntact_withTheSelfAssertedKeyNamedAsSuch() throws IOException {
        Path dir = demoTrail();
        assertThat(dir.resolve("signer.pem")).isRegularFile();
        assertThat(err.toString()).contains("demo password");

        assertThat(rb("audit", "verify", dir.toString(), "--json")).isEqualTo(ExitCodes.OK);

        JsonNode result = json();
        assertThat(result.get("intact").asBoolean()).isTrue();
        assertThat(result.get("records").asLong()).isEqualTo(30);
        assertThat(result.get("unanchored").asLong()).isZero();
        assertThat(result.get("keySource").asText()).isEqualTo("self-asserted");
        assertThat(err.toString()).contains("self-asserted");
    }

    @Test
    void smSuite_demoVerifiesWithAGivenKey() throws IOException {
        Path dir = demoTrail("--suite", "SM");
        Path key = tmp.resolve("trusted.pem");
        Files.copy(dir.resolve("signer.pem"), key);

        assertThat(rb("audit", "verify", dir.toString(), "--public-key", key.toString()))
                .isEqualTo(ExitCodes.OK);

        assertThat(out.toString()).contains("(SM3)", "Result:       INTACT").doesNotContain("self-asserted");
    }

    @Test
    void forgedRecord_exitsWithOne_namingTheRecord() throws IOException {
        Path dir = demoTrail();
        Path segment;
        try (Stream<Path> files = Files.list(dir.resolve("segments"))) {
            segment = files.findFirst().orElseThrow();
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(segment));
        String forged = lines.get(3).substring(9).replace("withdrawn", "granted");
        CRC32C crc = new CRC32C();
        crc.update(forged.getBytes(StandardCharsets.UTF_8));
        lines.set(3, String.format("%08x %s", crc.getValue(), forged));
        Files.write(segment, lines);

        assertThat(rb("audit", "verify", dir.toString(), "--json")).isEqualTo(ExitCodes.CHECK_FAILED);

        JsonNode result = json();
        assertThat(result.get("intact").asBoolean()).isFalse();
        assertThat(result.get("problems").get(0).get("record").asLong()).isEqualTo(3);
    }

    @Test
    void anotherKey_failsVerification() throws IOException {
        Path dir = demoTrail();
        Path other = demoTrailIn(tmp.resolve("other"));

        assertThat(rb(
                        "audit",
                        "verify",
                        dir.toString(),
                        "--public-key",
                        other.resolve("signer.pem").toString()))
                .isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(out.toString()).contains("BAD_SIGNATURE");
    }

    @Test
    void show_masksPersonalData_orKeepsItEncryptedWithoutThePassword() throws IOException {
        Path dir = demoTrail();
        Path passwordFile = Files.writeString(tmp.resolve("pw"), AuditDemoCommand.DEMO_PASSWORD + "\n");

        assertThat(rb("audit", "show", dir.toString(), "--limit", "2")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains(
                        "<encrypted ID_NUMBER>",
                        "<encrypted PHONE>",
                        "(2 of 30 events, from 0; all under a signed checkpoint)");

        assertThat(rb(
                        "audit",
                        "show",
                        dir.toString(),
                        "--limit",
                        "2",
                        "--keystore-password-file",
                        passwordFile.toString()))
                .isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains("1****************X", "张*", "+86138****5678")
                .doesNotContain("11010519491231002X", "13812345678");

        assertThat(rb(
                        "audit",
                        "show",
                        dir.toString(),
                        "--from",
                        "1",
                        "--limit",
                        "1",
                        "--json",
                        "--unmasked",
                        "--keystore-password-file",
                        passwordFile.toString()))
                .isEqualTo(ExitCodes.OK);
        JsonNode shown = json();
        assertThat(shown.get("total").asLong()).isEqualTo(30);
        assertThat(shown.at("/events/0/details/to").asText()).isEqualTo("+8613812345678");
    }

    @Test
    void badUsage_andMissingTrail_haveTheirExitCodes() throws IOException {
        Path dir = demoTrail();

        assertThat(rb("audit", "demo", dir.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("is not empty");
        assertThat(rb("audit", "show", dir.toString(), "--from", "99")).isEqualTo(ExitCodes.USAGE);
        assertThat(rb("audit", "demo", tmp.resolve("x").toString(), "--events", "0"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(rb("audit", "verify", tmp.resolve("nowhere").toString())).isEqualTo(ExitCodes.RUNTIME_ERROR);
        assertThat(err.toString()).contains("no public key");
        assertThat(rb("audit")).isEqualTo(ExitCodes.USAGE);
    }

    private Path demoTrailIn(Path dir) {
        assertThat(rb("audit", "demo", dir.toString(), "--events", "5")).isEqualTo(ExitCodes.OK);
        return dir;
    }
}
