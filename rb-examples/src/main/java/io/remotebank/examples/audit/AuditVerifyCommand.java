package io.remotebank.examples.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.core.audit.AuditStores;
import io.remotebank.core.audit.AuditVerification;
import io.remotebank.core.audit.AuditVerifier;
import io.remotebank.core.crypto.PublicKeyInfo;
import io.remotebank.core.spi.AuditStore;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.examples.cli.Json;
import io.remotebank.examples.cli.OutputOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
            "the hash chain, check every checkpoint's signature, compare the roots. Exits with 1 on any",
            "tampering; records after the last checkpoint are reported as not yet anchored."
        })
public final class AuditVerifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The trail's directory.")
    Path directory;

    @Option(
            names = "--public-key",
            paramLabel = "FILE",
            description = "The signer's public key (PEM) from a trusted source. Without it, DIR/signer.pem is"
                    + " used, which only proves the trail is consistent with itself.")
    Path publicKey;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Spec
    CommandSpec spec;

    /** For picocli. */
    public AuditVerifyCommand() {}

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        boolean selfAsserted = publicKey == null;
        Path keyFile = selfAsserted ? TrailFiles.signerPem(directory) : publicKey;
        PublicKeyInfo key;
        try {
            key = PublicKeyInfo.fromPem(Files.readString(keyFile));
        } catch (NoSuchFileException e) {
            throw new IOException("no public key at " + keyFile + (selfAsserted ? "; pass --public-key FILE" : ""), e);
        }
        if (selfAsserted) {
            err.println("rb audit verify: using " + keyFile + " found beside the trail: that key is self-asserted"
                    + " (whoever could rewrite the trail could replace it); pass --public-key from a trusted source");
        }
        AuditVerification result;
        try (AuditStore store = AuditStores.directoryReadOnly(directory)) {
            result = AuditVerifier.trusting(key).verify(store);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            out.println(Json.document(toJson(result, keyFile, selfAsserted)));
        } else {
            print(out, result, keyFile, selfAsserted);
        }
        return result.intact() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private void print(PrintWriter out, AuditVerification r, Path keyFile, boolean selfAsserted) {
        out.println("Trail:        " + directory + " (" + r.hashAlgorithm() + ")");
        out.println("Public key:   " + keyFile + (selfAsserted ? " (self-asserted)" : ""));
        out.println("Records:      " + r.records());
        out.println("Root:         " + r.root());
        out.println("Checkpoints:  " + r.checkpoints() + " with a valid signature");
        out.println("Anchored:     " + r.anchoredSize() + " records under a signed checkpoint; " + r.unanchored()
                + " not yet anchored");
        r.recoveryNote().ifPresent(note -> out.println("Recovery:     " + note));
        out.println("Result:       " + (r.intact() ? "INTACT" : "TAMPERED OR DAMAGED"));
        for (AuditVerification.Problem p : r.problems()) {
            out.println("  - " + p.kind() + (p.record() >= 0 ? " at record " + p.record() : "") + ": " + p.message());
        }
    }

    private ObjectNode toJson(AuditVerification r, Path keyFile, boolean selfAsserted) {
        ObjectNode json = Json.object()
                .put("directory", directory.toString())
                .put("intact", r.intact())
                .put("hash", r.hashAlgorithm())
                .put("records", r.records())
                .put("root", r.root())
                .put("checkpoints", r.checkpoints())
                .put("anchored", r.anchoredSize())
                .put("unanchored", r.unanchored())
                .put("publicKey", keyFile.toString())
                .put("keySource", selfAsserted ? "self-asserted" : "given");
        r.recoveryNote().ifPresent(note -> json.put("recovery", note));
        ArrayNode problems = json.putArray("problems");
        for (AuditVerification.Problem p : r.problems()) {
            problems.addObject()
                    .put("kind", p.kind().name())
                    .put("record", p.record())
                    .put("message", p.message());
        }
        return json;
    }
}
