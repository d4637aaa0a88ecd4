package io.remotebank.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.core.CorrelationId;
import io.remotebank.core.CustomerId;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.FieldEncryption;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.crypto.KeyProviders;
import io.remotebank.core.crypto.PublicKeyInfo;
import io.remotebank.core.pii.PiiKind;
import io.remotebank.core.pii.Sensitive;
import io.remotebank.core.spi.AuditStore;
import io.remotebank.core.spi.CheckpointWitness;
import io.remotebank.core.spi.KeyProvider;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples of docs/audit.md, compiled and run. */
class AuditGuideExamplesTest {

    @TempDir
    Path dir;

    /** What a module does when it makes a decision a regulator may ask about. */
    static final class KycFlow {
        private final AuditTrail audit;

        KycFlow(AuditTrail audit) {
            this.audit = audit;
        }

        // tag::module-rule[]
        String decide(CustomerId customer, CorrelationId session, String idNumber, double faceMatch) {
            String decision = faceMatch >= 0.9 ? "approved" : "referred-to-review";
            // The event is part of the decision: if it cannot be stored, append throws and
            // the decision is not reported.
            audit.append(AuditEvent.builder("identity.flow.decided", Actor.system("kyc-engine"))
                    .subject(customer)
                    .correlation(session)
                    .detail("decision", decision)
                    .detail("faceMatchScore", faceMatch)
                    .detail("idNumber", Sensitive.of(idNumber, PiiKind.ID_NUMBER)) // stored encrypted
                    .build());
            return decision;
        }
        // end::module-rule[]
    }

    @Test
    void writeProveAndVerify() {
        // tag::open[]
        CryptoSuite suite = CryptoSuite.sm();
        KeyProvider keys =
                KeyProviders.keystore(dir.resolve("keys")).protection(suite).open("keystore password".toCharArray());
        KeyId signer = KeyId.of("audit/signer");
        keys.generate(signer, suite.signingKeyType()); // once; its public key goes to the regulator

        AuditTrail trail = AuditTrail.builder(AuditStores.directory(dir.resolve("trail")))
                .suite(suite) // SM3 tree, SM2 checkpoints
                .signer(keys, signer)
                .fieldEncryption(FieldEncryption.create(keys, suite)) // personal data per customer
                .durability(Durability.GROUP_COMMIT) // the default: fsync at least every 10 ms
                .checkpointEvery(1000)
                .open();
        // end::open[]

        String decision =
                new KycFlow(trail).decide(CustomerId.of("C1001"), CorrelationId.random(), "11010519491231002X", 0.97);
        assertThat(decision).isEqualTo("approved");

        // tag::prove[]
        Checkpoint checkpoint = trail.checkpoint(); // normally made every N events and T seconds
        InclusionProof proof = trail.inclusionProof(0, checkpoint.size());
        String leafHash = trail.leafHash(0);

        // A third party, with the public key, the checkpoint, the proof and the event's leaf hash:
        PublicKeyInfo publicKey = keys.publicKey(signer);
        boolean included = checkpoint.verify(publicKey) && proof.verify(suite, leafHash, checkpoint.root());
        // end::prove[]
        assertThat(included).isTrue();
        trail.close();

        // tag::verify[]
        try (AuditStore stored = AuditStores.directoryReadOnly(dir.resolve("trail"))) {
            AuditVerification result = AuditVerifier.trusting(publicKey).verify(stored);
            result.intact(); // false on any modification, insertion, deletion, reordering or truncation,
            // and while events after the last signed checkpoint are not yet covered by one
            result.unanchored(); // those events: they prove nothing until a checkpoint covers them
            result.problems(); // each names its first bad record
        }
        // end::verify[]
        try (AuditStore stored = AuditStores.directoryReadOnly(dir.resolve("trail"))) {
            assertThat(AuditVerifier.trusting(publicKey).verify(stored).intact())
                    .isTrue();
        }
    }

    @Test
    void witnessAndExportedCheckpoint_catchARollback() {
        CryptoSuite suite = CryptoSuite.international();
        KeyProvider keys = KeyProviders.inMemory();
        KeyId signer = KeyId.of("audit/signer");
        keys.generate(signer, suite.signingKeyType());
        PublicKeyInfo publicKey = keys.publicKey(signer);
        Path witnessFile = dir.resolve("elsewhere").resolve("witness.log");

        // tag::witness[]
        AuditTrail trail = AuditTrail.builder(AuditStores.directory(dir.resolve("trail")))
                .signer(keys, signer)
                // A volume, or a database table, that this process may append to but not rewrite:
                .witness(CheckpointWitnesses.file(witnessFile))
                .open();
        // end::witness[]
        for (int i = 0; i < 3; i++) {
            trail.append(AuditEvent.builder("routing.contact.assigned", Actor.system("acd"))
                    .detail("n", i)
                    .build());
        }
        Checkpoint exportedEarlier = trail.checkpoint();
        trail.close();

        // tag::references[]
        try (AuditStore stored = AuditStores.directoryReadOnly(dir.resolve("trail"));
                CheckpointWitness witness = CheckpointWitnesses.fileReadOnly(witnessFile)) {
            AuditVerification result = AuditVerifier.trusting(publicKey)
                    .since(exportedEarlier) // a checkpoint kept outside the trail
                    .witnessedBy(witness) // every checkpoint the trail published
                    .verify(stored);
            result.status(); // INTACT, UNANCHORED_TAIL_ACCEPTED (only when accepted) or FAILED
            result.references(); // what the trail was checked against, and whether it still extends it
        }
        // end::references[]
        try (AuditStore stored = AuditStores.directoryReadOnly(dir.resolve("trail"));
                CheckpointWitness witness = CheckpointWitnesses.fileReadOnly(witnessFile)) {
            AuditVerification result = AuditVerifier.trusting(publicKey)
                    .since(exportedEarlier)
                    .witnessedBy(witness)
                    .verify(stored);
            assertThat(result.intact()).isTrue();
            assertThat(result.references())
                    .extracting(AuditVerification.Reference::source)
                    .containsExactly("since", "witness");
        }
    }
}
