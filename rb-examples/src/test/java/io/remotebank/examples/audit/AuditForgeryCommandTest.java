package io.remotebank.examples.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.examples.CliTest;
import io.remotebank.examples.RbCli;
import io.remotebank.examples.cli.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The forgeries of rb-core's {@code AuditForgeryTest} made to a trail of {@code rb audit demo}, and
 * {@code rb audit verify} with the trusted public key: never exit 0, and the output says what is
 * wrong.
 */
class AuditForgeryCommandTest extends CliTest {

    /** The demo trails, written once: one plain, one that published to a witness file. */
    @TempDir
    static Path templates;

    @TempDir
    Path tmp;

    private Path trail;
    private Path trustedKey;
    private Path witness;
    private Path reference;

    @BeforeAll
    static void demoTrails() {
        StringWriter log = new StringWriter();
        PrintWriter sink = new PrintWriter(log);
        assertThat(RbCli.execute(
                        sink, sink, "audit", "demo", templates.resolve("plain").toString(), "--events", "30"))
                .as(log.toString())
                .isZero();
        assertThat(RbCli.execute(
                        sink,
                        sink,
                        "audit",
                        "demo",
                        templates.resolve("witnessed").toString(),
                        "--events",
                        "30",
                        "--witness",
                        templates.resolve("witness.log").toString()))
                .as(log.toString())
                .isZero();
    }

    @BeforeEach
    void copyOfTheDemoTrail() throws IOException {
        trail = copy(templates.resolve("plain"), tmp.resolve("trail"));
        witness = tmp.resolve("elsewhere").resolve("witness.log");
        reference = tmp.resolve("elsewhere").resolve("checkpoint.json");
        trustedKey = Files.copy(trail.resolve("signer.pem"), tmp.resolve("trusted.pem"));
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("lock")) {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    private int verify(String... extra) {
        List<String> args =
                new ArrayList<>(List.of("audit", "verify", trail.toString(), "--public-key", trustedKey.toString()));
        args.addAll(List.of(extra));
        return rb(args.toArray(String[]::new));
    }

    private void exportReference() {
        assertThat(rb(
                        "audit",
                        "checkpoint",
                        trail.toString(),
                        "--public-key",
                        trustedKey.toString(),
                        "--export",
                        reference.toString()))
                .as(err.toString())
                .isEqualTo(ExitCodes.OK);
    }

    static Stream<Arguments> forgeries() {
        return Stream.of(
                Arguments.of(
                        TrailForgery.NO_CHECKPOINTS_RECHAINED, false, "NO_CHECKPOINT", "holds no signed checkpoint"),
                Arguments.of(
                        TrailForgery.LAST_CHECKPOINT_DROPPED_TAIL_EDITED,
                        false,
                        "UNANCHORED",
                        "come after the last signed checkpoint"),
                Arguments.of(TrailForgery.ROLLED_BACK, true, "ROLLBACK", "the trail was rolled back"),
                Arguments.of(
                        TrailForgery.RECORD_APPENDED,
                        false,
                        "UNANCHORED",
                        "1 record(s) from record 30 on come after the last signed checkpoint"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void forgery_failsVerify_withExitOne_sayingWhatIsWrong(
            TrailForgery forgery, boolean needsReference, String kind, String message) throws IOException {
        if (needsReference) {
            exportReference();
        }
        forgery.apply(trail, CryptoSuite.international());

        int exit = needsReference ? verify("--since", reference.toString()) : verify();

        assertThat(exit).as(out.toString()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(out.toString())
                .contains("Result:       FAILED", "  - " + kind, message)
                .doesNotContain("INTACT");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TrailForgery.class)
    void forgery_failsVerify_againstTheWitness(TrailForgery forgery) throws IOException {
        trail = copy(templates.resolve("witnessed"), tmp.resolve("witnessed"));
        Files.createDirectories(witness.getParent());
        Files.copy(templates.resolve("witness.log"), witness);
        Files.copy(trail.resolve("signer.pem"), trustedKey, StandardCopyOption.REPLACE_EXISTING);
        assertThat(verify("--witness", witness.toString(), "--json")).isEqualTo(ExitCodes.OK);
        forgery.apply(trail, CryptoSuite.international());

        assertThat(verify("--witness", witness.toString(), "--json")).isEqualTo(ExitCodes.CHECK_FAILED);

        var result = json();
        assertThat(result.get("status").asText()).isEqualTo("FAILED");
        assertThat(result.at("/references/0/source").asText()).isEqualTo("witness");
        assertThat(result.at("/references/0/consistent").asBoolean())
                .isEqualTo(forgery == TrailForgery.RECORD_APPENDED);
        assertThat(result.get("problems").findValuesAsText("kind"))
                .contains(forgery == TrailForgery.RECORD_APPENDED ? "UNANCHORED" : "ROLLBACK");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = TrailForgery.class,
            names = {"LAST_CHECKPOINT_DROPPED_TAIL_EDITED", "RECORD_APPENDED"})
    void acceptedUnanchoredTail_exitsZero_butIsReportedAsSuch(TrailForgery forgery) throws IOException {
        forgery.apply(trail, CryptoSuite.international());

        assertThat(verify("--accept-unanchored-tail")).isEqualTo(ExitCodes.OK);

        assertThat(out.toString())
                .contains("Result:       UNANCHORED TAIL ACCEPTED", "vouched for by nothing")
                .doesNotContain("Result:       INTACT");
        assertThat(verify("--accept-unanchored-tail", "--json")).isEqualTo(ExitCodes.OK);
        assertThat(json().get("status").asText()).isEqualTo("UNANCHORED_TAIL_ACCEPTED");
        assertThat(json().get("intact").asBoolean()).isFalse();
    }

    @Test
    void acceptedUnanchoredTail_stillFailsATrailWithoutCheckpoints() throws IOException {
        TrailForgery.NO_CHECKPOINTS_RECHAINED.apply(trail, CryptoSuite.international());

        assertThat(verify("--accept-unanchored-tail")).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(out.toString()).contains("NO_CHECKPOINT");
    }

    @Test
    void intactTrail_withItsReferenceAndWitness_isIntact_andSaysWhatItCheckedAgainst() throws IOException {
        exportReference();
        assertThat(Files.readString(reference)).startsWith("{\"size\":30,");

        assertThat(verify("--since", reference.toString())).isEqualTo(ExitCodes.OK);

        assertThat(out.toString())
                .contains(
                        "Since:        checkpoint at size 30: held and extended by the trail", "Result:       INTACT");
        assertThat(err.toString()).doesNotContain("no --since or --witness given");
    }

    @Test
    void verifyWithoutAReference_warnsThatARollbackCannotBeSeen() {
        assertThat(verify()).isEqualTo(ExitCodes.OK);

        assertThat(err.toString()).contains("no --since or --witness given");
    }

    @Test
    void show_warnsAboutEventsNoCheckpointVouchesFor() throws IOException {
        TrailForgery.RECORD_APPENDED.apply(trail, CryptoSuite.international());

        assertThat(rb("audit", "show", trail.toString(), "--from", "28", "--public-key", trustedKey.toString()))
                .isEqualTo(ExitCodes.OK);

        assertThat(out.toString())
                .contains("[not anchored] #30 ", "(3 of 31 events, from 28; the first 30 under a signed checkpoint)")
                .doesNotContain("[not anchored] #29 ");
        assertThat(err.toString()).contains("WARNING: 1 of the events shown (from record 30 on) are not vouched for");
    }

    @Test
    void badReferenceFiles_haveTheirExitCodes() throws IOException {
        Path notACheckpoint = Files.writeString(tmp.resolve("x.json"), "{\"size\":\"many\"}\n");

        assertThat(verify("--since", notACheckpoint.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("is not a checkpoint exported by rb audit checkpoint --export");
        assertThat(verify("--since", tmp.resolve("nowhere.json").toString())).isEqualTo(ExitCodes.RUNTIME_ERROR);
        assertThat(err.toString()).contains("no exported checkpoint at");
        assertThat(verify("--witness", tmp.resolve("nowhere.log").toString())).isEqualTo(ExitCodes.RUNTIME_ERROR);
        assertThat(err.toString()).contains("no witness file at");
    }

    @Test
    void checkpoint_refusesToExportFromAForgedTrail() throws IOException {
        TrailForgery.NO_CHECKPOINTS_RECHAINED.apply(trail, CryptoSuite.international());

        assertThat(rb(
                        "audit",
                        "checkpoint",
                        trail.toString(),
                        "--public-key",
                        trustedKey.toString(),
                        "--export",
                        reference.toString()))
                .isEqualTo(ExitCodes.CHECK_FAILED);

        assertThat(err.toString()).contains("nothing exported", "NO_CHECKPOINT");
        assertThat(reference).doesNotExist();
    }
}
