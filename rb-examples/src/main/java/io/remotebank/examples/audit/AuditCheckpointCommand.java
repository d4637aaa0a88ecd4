package io.remotebank.examples.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.core.AuditException;
import io.remotebank.core.audit.AuditStores;
import io.remotebank.core.audit.AuditVerification;
import io.remotebank.core.audit.AuditVerifier;
import io.remotebank.core.audit.Checkpoint;
import io.remotebank.core.spi.AuditStore;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.examples.cli.Json;
import io.remotebank.examples.cli.OutputOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rb audit checkpoint DIR [--export FILE]}: the trail's latest signed checkpoint that its
 * records match, to keep outside the trail as a reference for {@code rb audit verify --since}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@Command(
        name = "checkpoint",
        mixinStandardHelpOptions = true,
        description = {
            "Print the latest signed checkpoint that the trail's records match, after verifying the trail",
            "(records after it are allowed: they are not part of it). With --export FILE, write it to FILE:",
            "keep that file where the trail's writer cannot change it, and later check that the trail was",
            "not rolled back with rb audit verify DIR --since FILE. Exit 1 when the trail fails verification",
            "or holds no checkpoint (nothing is exported then)."
        })
public final class AuditCheckpointCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The trail's directory.")
    Path directory;

    @Mixin
    TrailFiles.KeyOptions key = new TrailFiles.KeyOptions();

    @Option(
            names = "--export",
            paramLabel = "FILE",
            description = "Write the checkpoint (one line of JSON) to FILE, replacing it atomically.")
    Path export;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Spec
    CommandSpec spec;

    /** For picocli. */
    public AuditCheckpointCommand() {}

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        TrailFiles.TrustedKey trusted = key.resolve(directory, err, "rb audit checkpoint");
        AuditVerification result;
        Optional<Checkpoint> anchor;
        try (AuditStore store = AuditStores.directoryReadOnly(directory)) {
            result = AuditVerifier.trusting(trusted.key())
                    .acceptingUnanchoredTail()
                    .verify(store);
            anchor = result.passed() ? anchor(store.checkpoints(), result, trusted) : Optional.empty();
        }
        if (anchor.isEmpty()) {
            err.println("rb audit checkpoint: nothing exported: the trail does not verify; run rb audit verify "
                    + directory);
            for (AuditVerification.Problem p : result.problems()) {
                err.println(
                        "  - " + p.kind() + (p.record() >= 0 ? " at record " + p.record() : "") + ": " + p.message());
            }
            return ExitCodes.CHECK_FAILED;
        }
        Checkpoint checkpoint = anchor.get();
        if (export != null) {
            TrailFiles.writeExported(checkpoint, export);
        }
        if (output.json()) {
            ObjectNode json = Json.object().put("directory", directory.toString());
            json.set("checkpoint", new ObjectMapper().readTree(checkpoint.toJson()));
            json.put("unanchoredAfter", result.unanchored());
            if (export != null) {
                json.put("exported", export.toString());
            }
            out.println(Json.document(json));
        } else if (export == null) {
            out.println(checkpoint.toJson());
        } else {
            out.println("Exported the checkpoint at size " + checkpoint.size() + " (root " + checkpoint.root()
                    + ", made " + checkpoint.time() + ", signed by " + checkpoint.keyId() + ") to " + export);
            out.println("Keep it where the trail's writer cannot change it; later: rb audit verify " + directory
                    + " --since " + export);
        }
        if (result.unanchored() > 0) {
            err.println("rb audit checkpoint: " + result.unanchored() + " record(s) after it are not anchored yet"
                    + " and not part of it");
        }
        return ExitCodes.OK;
    }

    /** The stored checkpoint the verification anchored on: the last with that size and a valid signature. */
    private static Optional<Checkpoint> anchor(
            List<byte[]> lines, AuditVerification result, TrailFiles.TrustedKey trusted) {
        Optional<Checkpoint> found = Optional.empty();
        for (byte[] line : lines) {
            try {
                Checkpoint c = Checkpoint.parse(new String(line, StandardCharsets.UTF_8));
                if (c.size() == result.anchoredSize() && c.verify(trusted.key())) {
                    found = Optional.of(c);
                }
            } catch (AuditException e) {
                // The verification reported it already; it is not the anchor.
            }
        }
        return found;
    }
}
