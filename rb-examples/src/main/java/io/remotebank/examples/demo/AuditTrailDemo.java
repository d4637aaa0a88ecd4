package io.remotebank.examples.demo;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.core.AgentId;
import io.remotebank.core.CustomerId;
import io.remotebank.core.audit.Actor;
import io.remotebank.core.audit.AuditEvent;
import io.remotebank.core.audit.AuditReader;
import io.remotebank.core.audit.AuditStores;
import io.remotebank.core.audit.AuditTrail;
import io.remotebank.core.audit.AuditVerification;
import io.remotebank.core.audit.AuditVerifier;
import io.remotebank.core.audit.Checkpoint;
import io.remotebank.core.audit.InclusionProof;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.FieldEncryption;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.crypto.KeyProviders;
import io.remotebank.core.crypto.PublicKeyInfo;
import io.remotebank.core.pii.PiiKind;
import io.remotebank.core.pii.Sensitive;
import io.remotebank.core.spi.AuditStore;
import io.remotebank.core.spi.KeyProvider;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.examples.cli.Json;
import io.remotebank.examples.cli.OutputOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.apiguardian.api.API;

/**
 * The audit trail as a regulator meets it: a morning of KYC decisions under SM2/SM3, a proof that one
 * decision is in the signed tree, a forged record caught with nothing but the public key, and a
 * customer's erasure that leaves the trail verifiable.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AuditTrailDemo implements Demo {

    /** For the demo registry. */
    public AuditTrailDemo() {}

    @Override
    public String name() {
        return "audit-trail";
    }

    @Override
    public String summary() {
        return "SM3/SM2 audit trail: proofs, a forgery caught, a customer erased (crypto-shredding)";
    }

    @Override
    public int run(PrintWriter out, PrintWriter err, OutputOptions output) throws IOException {
        Path dir = Files.createTempDirectory("rb-audit-demo");
        try {
            return run(dir, out, output);
        } finally {
            Demos.deleteRecursively(dir);
        }
    }

    private static int run(Path dir, PrintWriter out, OutputOptions output) throws IOException {
        CryptoSuite suite = CryptoSuite.sm();
        KeyProvider keys = KeyProviders.inMemory();
        KeyId signer = KeyId.of("audit/signer");
        keys.generate(signer, suite.signingKeyType());
        PublicKeyInfo publicKey = keys.publicKey(signer);
        FieldEncryption fields = FieldEncryption.create(keys, suite);
        CustomerId alice = CustomerId.of("C10001");

        say(out, output, "1. A morning of video account openings is written to an SM3 Merkle tree, signed with SM2.");
        Checkpoint checkpoint;
        InclusionProof proof;
        String leaf;
        try (AuditTrail trail = AuditTrail.builder(AuditStores.directory(dir))
                .suite(suite)
                .signer(keys, signer)
                .fieldEncryption(fields)
                .checkpointEvery(50)
                .open()) {
            for (int i = 0; i < 200; i++) {
                CustomerId customer = i == 42 ? alice : CustomerId.of("C" + (20_000 + i));
                trail.append(AuditEvent.builder("identity.flow.decided", Actor.agent(new AgentId("A" + (7 + i % 3))))
                        .subject(customer)
                        .detail("decision", i % 5 == 0 ? "referred-to-review" : "approved")
                        .detail("idNumber", Sensitive.of("11010519491231002X", PiiKind.ID_NUMBER))
                        .build());
            }
            checkpoint = trail.checkpoint();
            proof = trail.inclusionProof(42, checkpoint.size());
            leaf = trail.leafHash(42);
        }
        say(
                out,
                output,
                "   " + checkpoint.size() + " events, root " + checkpoint.root().substring(0, 16) + "..., signed by "
                        + checkpoint.keyId() + " (" + checkpoint.signatureAlgorithm() + ")");

        say(
                out,
                output,
                "2. A regulator checks that C10001's decision (event 42) is in the signed tree: "
                        + proof.path().size() + " hashes suffice.");
        say(
                out,
                output,
                "   inclusion proof verifies: "
                        + (checkpoint.verify(publicKey) && proof.verify(suite, leaf, checkpoint.root())));

        say(out, output, "3. The trail verifies with nothing but the public key:");
        AuditVerification before = verify(dir, publicKey);
        say(
                out,
                output,
                "   " + (before.intact() ? "INTACT" : "TAMPERED") + ", " + before.anchoredSize() + " events anchored");

        say(out, output, "4. Someone turns event 15's 'referred-to-review' into 'approved' and even fixes the CRC:");
        forge(dir, 15);
        AuditVerification after = verify(dir, publicKey);
        say(out, output, "   " + (after.intact() ? "INTACT (the forgery went unnoticed!)" : "TAMPERED"));
        for (AuditVerification.Problem p : after.problems()) {
            say(out, output, "   - " + p.kind() + " at record " + p.record() + ": " + p.message());
        }
        forge(dir, 15); // put it back

        say(out, output, "5. C10001 asks to be erased (PIPL): destroying their key erases their data in every copy.");
        fields.shred(alice);
        try (AuditStore store = AuditStores.directoryReadOnly(dir)) {
            String event42 = AuditReader.of(store, Optional.of(fields))
                    .readJson(42, 1, false)
                    .get(0);
            String event43 = AuditReader.of(store, Optional.of(fields))
                    .readJson(43, 1, false)
                    .get(0);
            say(out, output, "   event 42 now reads: " + event42.substring(event42.indexOf("\"details\"")));
            say(
                    out,
                    output,
                    "   event 43 (another customer), masked: " + event43.substring(event43.indexOf("\"details\"")));
        }
        AuditVerification afterErasure = verify(dir, publicKey);
        say(out, output, "   and the trail still verifies: " + (afterErasure.intact() ? "INTACT" : "TAMPERED"));

        boolean ok = before.intact() && !after.intact() && afterErasure.intact();
        if (output.json()) {
            ObjectNode json = Json.object()
                    .put("demo", "audit-trail")
                    .put("events", checkpoint.size())
                    .put("root", checkpoint.root())
                    .put("forgeryDetected", !after.intact())
                    .put("verifiesAfterErasure", afterErasure.intact());
            out.println(Json.document(json));
        }
        return ok ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private static AuditVerification verify(Path dir, PublicKeyInfo key) {
        try (AuditStore store = AuditStores.directoryReadOnly(dir)) {
            return AuditVerifier.trusting(key).verify(store);
        }
    }

    /** Swaps the decision of one record (both ways) and recomputes its CRC, as a careful forger would. */
    private static void forge(Path dir, int record) throws IOException {
        Path segment;
        try (Stream<Path> files = Files.list(dir.resolve("segments"))) {
            segment = files.sorted().findFirst().orElseThrow();
        }
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(segment, StandardCharsets.UTF_8));
        String body = lines.get(record).substring(9);
        String forged = body.contains("referred-to-review")
                ? body.replace("referred-to-review", "approved")
                : body.replace("\"decision\":\"approved\"", "\"decision\":\"referred-to-review\"");
        CRC32C crc = new CRC32C();
        crc.update(forged.getBytes(StandardCharsets.UTF_8));
        lines.set(record, String.format("%08x %s", crc.getValue(), forged));
        Files.write(segment, lines, StandardCharsets.UTF_8);
    }

    private static void say(PrintWriter out, OutputOptions output, String line) {
        if (!output.json()) {
            out.println(line);
        }
    }
}
