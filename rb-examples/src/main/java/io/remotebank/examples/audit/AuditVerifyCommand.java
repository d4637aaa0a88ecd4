package io.remotebank.examples.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.core.audit.AuditStores;
import io.remotebank.core.audit.AuditVerification;
import io.remotebank.core.audit.AuditVerifier;
import io.remotebank.core.audit.Checkpoint;
import io.remotebank.core.audit.CheckpointWitnesses;
import io.remotebank.core.spi.AuditStore;
import io.remotebank.core.spi.CheckpointWitness;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.examples.cli.Json;
import io.remotebank.examples.cli.OutputOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rb audit verify DIR}: checks a trail with only the signer's public key. */
@API(status = EXPERIMENTAL, since = "0.1")
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Verify an audit trail with nothing but the signer's public key: recompute the Merkle tree and",
            "the hash chain, check every checkpoint's signature, compare the roots. Records prove something",
            "only under a signed checkpoint: records after the last one, or a trail without any, fail the",
            "check unless --accept-unanchored-tail is given. A rollback (the last checkpoints removed with",
            "their records) needs a reference from outside the trail: --since, --witness, or both.",
            "Exit 0: intact (or an accepted unanchored tail, reported as such); 1: the check failed."
        })
public final class AuditVerifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The trail's directory.")
    Path directory;

    @Mixin
    TrailFiles.KeyOptions key = new TrailFiles.KeyOptions();

    @Option(
            names = "--accept-unanchored-tail",
            description = "Pass a trail whose last records are not yet under a signed checkpoint (a live trail"
                    + " between checkpoints). Reported as UNANCHORED TAIL ACCEPTED, never as INTACT: nothing"
                    + " vouches for those records.")
    boolean acceptUnanchoredTail;

    @Option(
            names = "--since",
            paramLabel = "FILE",
            description = "A checkpoint exported earlier (rb audit checkpoint --export FILE) and kept where the"
                    + " trail's writer cannot change it: the trail must still hold it and extend it (RFC 6962"
                    + " consistency proof), or it was rolled back.")
    Path since;

    @Option(
            names = "--witness",
            paramLabel = "FILE",
            description = "The witness file the trail published its checkpoints to (rb audit demo --witness):"
                    + " the trail must hold every witnessed checkpoint and extend the latest.")
    Path witnessFile;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Spec
    CommandSpec spec;

    /** For picocli. */
    public AuditVerifyCommand() {}

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        TrailFiles.TrustedKey trusted = key.resolve(directory, err, "rb audit verify");
        AuditVerifier verifier = AuditVerifier.trusting(trusted.key());
        if (acceptUnanchoredTail) {
            verifier = verifier.acceptingUnanchoredTail();
        }
        if (since != null) {
            Checkpoint reference = TrailFiles.readExported(since, spec.commandLine(), "--since");
            verifier = verifier.since(reference);
        }
        if (since == null && witnessFile == null) {
            err.println("rb audit verify: no --since or --witness given: a rollback (the last checkpoints removed"
                    + " together with their records) cannot be seen without a reference from outside the trail");
        }
        AuditVerification result;
        try (CheckpointWitness witness = witnessFile == null ? null : CheckpointWitnesses.fileReadOnly(witnessFile);
                AuditStore store = AuditStores.directoryReadOnly(directory)) {
            if (witness != null) {
                verifier = verifier.witnessedBy(witness);
            }
            result = verifier.verify(store);
            if (witness != null
                    && result.references().stream().noneMatch(r -> r.source().equals("witness"))) {
                err.println("rb audit verify: " + witness.description() + " holds no checkpoint yet");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            out.println(Json.document(toJson(result, trusted)));
        } else {
            print(out, result, trusted);
        }
        return result.passed() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private void print(PrintWriter out, AuditVerification r, TrailFiles.TrustedKey trusted) {
        out.println("Trail:        " + directory + " (" + r.hashAlgorithm() + ")");
        out.println("Public key:   " + trusted.file() + (trusted.selfAsserted() ? " (self-asserted)" : ""));
        out.println("Records:      " + r.records());
        out.println("Root:         " + r.root());
        out.println("Checkpoints:  " + r.checkpoints() + " with a valid signature");
        out.println("Anchored:     " + r.anchoredSize() + " records under a signed checkpoint; " + r.unanchored()
                + " not anchored");
        for (AuditVerification.Reference ref : r.references()) {
            out.println((ref.source().equals("since") ? "Since:        " : "Witness:      ") + "checkpoint at size "
                    + ref.size() + ": "
                    + (ref.consistent() ? "held and extended by the trail" : "NOT HELD OR EXTENDED"));
        }
        r.recoveryNote().ifPresent(note -> out.println("Recovery:     " + note));
        out.println("Result:       " + result(r));
        for (AuditVerification.Problem p : r.problems()) {
            out.println("  - " + p.kind() + (p.record() >= 0 ? " at record " + p.record() : "") + ": " + p.message());
        }
    }

    private static String result(AuditVerification r) {
        return switch (r.status()) {
            case INTACT -> "INTACT";
            case UNANCHORED_TAIL_ACCEPTED ->
                "UNANCHORED TAIL ACCEPTED: intact up to record " + (r.anchoredSize() - 1) + "; records "
                        + r.anchoredSize() + " to " + (r.records() - 1) + " (" + r.unanchored()
                        + ") are under no signed checkpoint and vouched for by nothing";
            case FAILED ->
                "FAILED (" + r.problems().size() + " problem(s): tampered, damaged, rolled back or not" + " anchored)";
        };
    }

    private ObjectNode toJson(AuditVerification r, TrailFiles.TrustedKey trusted) {
        ObjectNode json = Json.object()
                .put("directory", directory.toString())
                .put("status", r.status().name())
                .put("intact", r.intact())
                .put("passed", r.passed())
                .put("hash", r.hashAlgorithm())
                .put("records", r.records())
                .put("root", r.root())
                .put("checkpoints", r.checkpoints())
                .put("anchored", r.anchoredSize())
                .put("unanchored", r.unanchored())
                .put("unanchoredTailAccepted", r.unanchoredTailAccepted())
                .put("publicKey", trusted.file().toString())
                .put("keySource", trusted.selfAsserted() ? "self-asserted" : "given");
        r.recoveryNote().ifPresent(note -> json.put("recovery", note));
        ArrayNode references = json.putArray("references");
        for (AuditVerification.Reference ref : r.references()) {
            references
                    .addObject()
                    .put("source", ref.source())
                    .put("size", ref.size())
                    .put("root", ref.root())
                    .put("consistent", ref.consistent());
        }
        ArrayNode problems = json.putArray("problems");
        for (AuditVerification.Problem p : r.problems()) {
            problems.addObject()
                    .put("kind", p.kind().name())
                    .put("record", p.record())
                    .put("message", p.message());
        }
        Optional.ofNullable(since).ifPresent(file -> json.put("since", file.toString()));
        Optional.ofNullable(witnessFile).ifPresent(file -> json.put("witness", file.toString()));
        return json;
    }
}
