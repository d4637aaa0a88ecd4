package io.remotebank.core.audit;

import static io.remotebank.core.ErrorAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.CoreError;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.spi.AuditStore;
import io.remotebank.core.spi.CheckpointWitness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The forgeries a careful forger makes without the signing key (CRCs and the hash chain rewritten):
 * (a) checkpoints deleted and record 0 edited, (b) the last checkpoint dropped and a record after the
 * one before it edited, (c) the last checkpoint rolled back with its records, (d) a chained record
 * appended. None may verify: (a), (b) and (d) fail on the trail alone; (c) leaves a trail consistent
 * with itself and fails against a checkpoint exported earlier or the witness.
 */
class AuditForgeryTest {

    private static final int EVENTS = 40;

    @TempDir
    Path dir;

    private Fixtures f;
    private CheckpointWitness witness;
    private Checkpoint exported;

    /** 40 events, checkpoints at 10, 20, 30 and 40, each published to a witness; the last exported. */
    @BeforeEach
    void writeTrail() {
        f = new Fixtures(CryptoSuite.international());
        witness = CheckpointWitnesses.inMemory();
        try (AuditTrail trail = f.trail(AuditStores.directory(dir))
                .durability(Durability.PER_EVENT)
                .checkpointEvery(10)
                .witness(witness)
                .open()) {
            for (int i = 0; i < EVENTS; i++) {
                trail.append(Fixtures.event(i));
            }
        }
        exported = witness.latest().orElseThrow();
        assertThat(exported.size()).isEqualTo(EVENTS);
        assertThat(verify(AuditVerifier.trusting(f.publicKey())).intact()).isTrue();
    }

    private AuditVerification verify(AuditVerifier verifier) {
        try (AuditStore store = AuditStores.directoryReadOnly(dir)) {
            return verifier.verify(store);
        }
    }

    static Stream<Arguments> forgeries() {
        return Stream.of(
                Arguments.of(
                        TrailForgery.NO_CHECKPOINTS_RECHAINED,
                        false,
                        AuditVerification.Kind.NO_CHECKPOINT,
                        "holds no signed checkpoint"),
                Arguments.of(
                        TrailForgery.LAST_CHECKPOINT_DROPPED_TAIL_EDITED,
                        false,
                        AuditVerification.Kind.UNANCHORED,
                        "10 record(s) from record 30 on come after the last signed checkpoint"),
                Arguments.of(
                        TrailForgery.ROLLED_BACK,
                        true,
                        AuditVerification.Kind.ROLLBACK,
                        "covers 40 records but the trail holds 30"),
                Arguments.of(
                        TrailForgery.RECORD_APPENDED,
                        false,
                        AuditVerification.Kind.UNANCHORED,
                        "1 record(s) from record 40 on come after the last signed checkpoint"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void forgery_failsVerification_sayingWhatIsWrong(
            TrailForgery forgery, boolean needsReference, AuditVerification.Kind kind, String message)
            throws IOException {
        forgery.apply(dir, f.suite);
        AuditVerifier verifier = AuditVerifier.trusting(f.publicKey());

        AuditVerification result = verify(needsReference ? verifier.since(exported) : verifier);

        assertThat(result.status()).isEqualTo(AuditVerification.Status.FAILED);
        assertThat(result.intact()).isFalse();
        assertThat(result.passed()).isFalse();
        assertThat(result.problems())
                .filteredOn(p -> p.kind() == kind)
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains(message));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TrailForgery.class)
    void forgery_failsAgainstTheCheckpointExportedEarlier(TrailForgery forgery) throws IOException {
        forgery.apply(dir, f.suite);

        AuditVerification result = verify(AuditVerifier.trusting(f.publicKey()).since(exported));

        assertThat(result.passed()).isFalse();
        assertThat(result.references()).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo("since");
            assertThat(r.size()).isEqualTo(EVENTS);
            // (d) only adds to the trail: the trail still extends the exported checkpoint.
            assertThat(r.consistent()).isEqualTo(forgery == TrailForgery.RECORD_APPENDED);
        });
        if (forgery != TrailForgery.RECORD_APPENDED) {
            assertThat(result.problems())
                    .extracting(AuditVerification.Problem::kind)
                    .contains(AuditVerification.Kind.ROLLBACK);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TrailForgery.class)
    void forgery_failsAgainstTheWitness(TrailForgery forgery) throws IOException {
        forgery.apply(dir, f.suite);

        AuditVerification result = verify(AuditVerifier.trusting(f.publicKey()).witnessedBy(witness));

        assertThat(result.passed()).isFalse();
        assertThat(result.references()).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo("witness");
            assertThat(r.consistent()).isEqualTo(forgery == TrailForgery.RECORD_APPENDED);
        });
    }

    @Test
    void rollback_isMissingFromTheTrail_whenTheWitnessHasSeenIt() throws IOException {
        TrailForgery.ROLLED_BACK.apply(dir, f.suite);

        AuditVerification result = verify(AuditVerifier.trusting(f.publicKey()).witnessedBy(witness));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(AuditVerification.Kind.ROLLBACK);
            assertThat(p.record()).isEqualTo(30);
            assertThat(p.message())
                    .contains("the witnessed checkpoint at size 40", "covers 40 records but the trail holds 30");
        });
    }

    @Test
    void droppedCheckpoint_isMissingFromTheTrail_evenWhenNoRecordChanged() throws IOException {
        var checkpoints = TrailForgery.checkpointLines(dir);
        TrailForgery.writeCheckpoints(dir, checkpoints.subList(0, checkpoints.size() - 1));

        AuditVerification result = verify(
                AuditVerifier.trusting(f.publicKey()).acceptingUnanchoredTail().witnessedBy(witness));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(AuditVerification.Kind.ROLLBACK);
            assertThat(p.message()).contains("is missing from the trail's checkpoints");
        });
    }

    /** What no verifier can do: a rollback alone leaves a trail that is consistent with itself. */
    @Test
    void rollback_withoutAReferenceFromOutside_cannotBeSeen() throws IOException {
        TrailForgery.ROLLED_BACK.apply(dir, f.suite);

        AuditVerification result = verify(AuditVerifier.trusting(f.publicKey()));

        assertThat(result.intact()).isTrue();
        assertThat(result.records()).isEqualTo(30);
        assertThat(result.references()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = TrailForgery.class,
            names = {"LAST_CHECKPOINT_DROPPED_TAIL_EDITED", "RECORD_APPENDED"})
    void acceptingAnUnanchoredTail_passesTheForgedTail_butNeverAsIntact(TrailForgery forgery) throws IOException {
        forgery.apply(dir, f.suite);

        AuditVerification result = verify(AuditVerifier.trusting(f.publicKey()).acceptingUnanchoredTail());

        assertThat(result.status()).isEqualTo(AuditVerification.Status.UNANCHORED_TAIL_ACCEPTED);
        assertThat(result.intact()).isFalse();
        assertThat(result.unanchored()).isPositive();
    }

    @Test
    void acceptingAnUnanchoredTail_neverPassesATrailWithoutCheckpoints() throws IOException {
        TrailForgery.NO_CHECKPOINTS_RECHAINED.apply(dir, f.suite);

        AuditVerification result = verify(AuditVerifier.trusting(f.publicKey()).acceptingUnanchoredTail());

        assertThat(result.passed()).isFalse();
        assertThat(result.problems())
                .extracting(AuditVerification.Problem::kind)
                .containsExactly(AuditVerification.Kind.NO_CHECKPOINT);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = TrailForgery.class,
            names = {"NO_CHECKPOINTS_RECHAINED", "LAST_CHECKPOINT_DROPPED_TAIL_EDITED", "ROLLED_BACK"})
    void reopeningARolledBackTrail_withItsWitness_isRefused(TrailForgery forgery) throws IOException {
        forgery.apply(dir, f.suite);

        assertThatThrownBy(() ->
                        f.trail(AuditStores.directory(dir)).witness(witness).open())
                .satisfies(e -> assertCode(e, CoreError.AUDIT_TAMPERED))
                .hasMessageContaining("the in-memory witness");
    }

    @Test
    void aForgedExportedCheckpoint_isNoReference() throws IOException {
        Checkpoint forged = new Checkpoint(
                exported.size(),
                exported.root()
                        .replace(exported.root().charAt(0), exported.root().charAt(0) == '0' ? '1' : '0'),
                exported.time(),
                exported.hashAlgorithm(),
                exported.signatureAlgorithm(),
                exported.keyId(),
                exported.userId(),
                exported.signature());

        AuditVerification result = verify(AuditVerifier.trusting(f.publicKey()).since(forged));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(AuditVerification.Kind.BAD_SIGNATURE);
            assertThat(p.message()).startsWith("the checkpoint exported earlier");
        });
        assertThat(Files.exists(dir.resolve("checkpoints.log"))).isTrue();
    }
}
