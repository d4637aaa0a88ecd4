package io.remotebank.core.audit;

import static io.remotebank.core.ErrorAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.AuditException;
import io.remotebank.core.CoreError;
import io.remotebank.core.CustomerId;
import io.remotebank.core.StorageException;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.internal.audit.RecordCodec;
import io.remotebank.core.pii.PiiKind;
import io.remotebank.core.pii.Sensitive;
import io.remotebank.core.spi.AuditStore;
import io.remotebank.testsupport.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class AuditTrailTest {

    @TempDir
    Path dir;

    static Stream<CryptoSuite> suites() {
        return Stream.of(CryptoSuite.international(), CryptoSuite.sm());
    }

    /** Waits for a state the background writer reaches; fails after ten seconds. */
    private static void eventually(BooleanSupplier condition) {
        Await.until("the audit writer reaches the state", condition);
    }

    @ParameterizedTest
    @MethodSource("suites")
    void append_returnsSequenceAndLeafHash_andTheTrailVerifies(CryptoSuite suite) {
        Fixtures f = new Fixtures(suite);
        AuditStore store = AuditStores.directory(dir);
        try (AuditTrail trail = f.trail(store).checkpointEvery(10).open()) {
            for (int i = 0; i < 25; i++) {
                AuditReceipt receipt = trail.append(Fixtures.event(i));
                assertThat(receipt.sequence()).isEqualTo(i);
                assertThat(receipt.leafHash()).isEqualTo(trail.leafHash(i)).hasSize(64);
            }
            eventually(() -> trail.latestCheckpoint().map(c -> c.size() >= 20).orElse(false));
            assertThat(trail.hashAlgorithm()).isEqualTo(suite.digestAlgorithm());
        }

        try (AuditStore readOnly = AuditStores.directoryReadOnly(dir)) {
            AuditVerification result = AuditVerifier.trusting(f.publicKey()).verify(readOnly);
            assertThat(result.problems()).isEmpty();
            assertThat(result.records()).isEqualTo(25);
            assertThat(result.anchoredSize())
                    .as("close signs a final checkpoint")
                    .isEqualTo(25);
            assertThat(result.unanchored()).isZero();
            assertThat(result.checkpoints()).isGreaterThanOrEqualTo(3);
            assertThat(result.hashAlgorithm()).isEqualTo(suite.digestAlgorithm());
        }
    }

    @Test
    void personalData_isStoredEncrypted_showsMasked_andShreddingKeepsTheTrailVerifiable() throws Exception {
        Fixtures f = new Fixtures(CryptoSuite.sm());
        try (AuditTrail trail = f.trail(AuditStores.directory(dir)).open()) {
            trail.append(Fixtures.event(0)); // ID number of C1000
            trail.append(Fixtures.event(1)); // phone of C1001
        }
        String segment = Files.readString(Fixtures.onlySegment(dir));
        assertThat(segment)
                .doesNotContain("11010519491231002X", "13812345678", "8613812345678")
                .contains("\"$sensitive\":\"ID_NUMBER\"", "\"$enc\":\"rbf1.SM4-GCM.");

        try (AuditStore store = AuditStores.directoryReadOnly(dir)) {
            byte[] first = store.read(0, 1).get(0);
            assertThat(RecordCodec.display(first, Optional.of(f.fields), false)
                            .at("/details/idNumber")
                            .asText())
                    .isEqualTo("1****************X");
            assertThat(RecordCodec.display(first, Optional.of(f.fields), true)
                            .at("/details/idNumber")
                            .asText())
                    .isEqualTo("11010519491231002X");
            assertThat(RecordCodec.display(first, Optional.empty(), false)
                            .at("/details/idNumber")
                            .asText())
                    .isEqualTo("<encrypted ID_NUMBER>");

            f.fields.shred(CustomerId.of("C1000")); // a PIPL erasure request

            assertThat(RecordCodec.display(first, Optional.of(f.fields), true)
                            .at("/details/idNumber")
                            .asText())
                    .isEqualTo("<erased>");
            assertThat(AuditVerifier.trusting(f.publicKey()).verify(store).intact())
                    .isTrue();
        }
    }

    @Test
    void personalDataWithoutSubject_isRefused_andNothingIsStored() {
        Fixtures f = new Fixtures(CryptoSuite.international());
        try (AuditTrail trail = f.trail(AuditStores.inMemory()).open()) {
            AuditEvent noSubject = AuditEvent.builder("identity.flow.decided", Actor.system("kyc"))
                    .detail("idNumber", Sensitive.of("11010519491231002X", PiiKind.ID_NUMBER))
                    .build();

            assertThatThrownBy(() -> trail.append(noSubject))
                    .satisfies(e -> assertCode(e, CoreError.AUDIT_EVENT_INVALID));
            assertThat(trail.size()).isZero();
        }
    }

    @Test
    void badEvents_areRefusedWithTheirCode() {
        assertThatThrownBy(
                        () -> AuditEvent.builder("decided", Actor.system("kyc")).build())
                .satisfies(e -> assertCode(e, CoreError.AUDIT_EVENT_INVALID))
                .hasMessageContaining("module.object.verb");
        assertThatThrownBy(() -> Actor.system("has space"))
                .satisfies(e -> assertCode(e, CoreError.AUDIT_EVENT_INVALID));
        Fixtures f = new Fixtures(CryptoSuite.international());
        try (AuditTrail trail = f.trail(AuditStores.inMemory()).open()) {
            AuditEvent unsupported = AuditEvent.builder("core.test.logged", Actor.system("t"))
                    .detail("thread", Thread.currentThread())
                    .build();
            AuditEvent reserved = AuditEvent.builder("core.test.logged", Actor.system("t"))
                    .detail("$enc", "spoof")
                    .build();
            AuditEvent huge = AuditEvent.builder("core.test.logged", Actor.system("t"))
                    .detail("blob", "x".repeat(70_000))
                    .build();
            for (AuditEvent bad : List.of(unsupported, reserved, huge)) {
                assertThatThrownBy(() -> trail.append(bad))
                        .satisfies(e -> assertCode(e, CoreError.AUDIT_EVENT_INVALID));
            }
            assertThat(trail.size()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Durability.class)
    void everyDurability_storesEverythingAccepted(Durability durability) {
        Fixtures f = new Fixtures(CryptoSuite.international());
        List<AuditReceipt> receipts = new ArrayList<>();
        try (AuditTrail trail =
                f.trail(AuditStores.directory(dir)).durability(durability).open()) {
            for (int i = 0; i < 50; i++) {
                receipts.add(trail.appendAsync(Fixtures.event(i))
                        .toCompletableFuture()
                        .join());
            }
        }
        try (AuditStore store = AuditStores.directoryReadOnly(dir)) {
            assertThat(store.size()).isEqualTo(50);
            assertThat(AuditVerifier.trusting(f.publicKey()).verify(store).intact())
                    .isTrue();
        }
        assertThat(receipts)
                .extracting(AuditReceipt::sequence)
                .containsExactlyElementsOf(
                        java.util.stream.LongStream.range(0, 50).boxed().toList());
    }

    @Test
    void timedCheckpoint_comesWhenTheIntervalPasses() {
        Fixtures f = new Fixtures(CryptoSuite.international());
        try (AuditTrail trail = f.trail(AuditStores.inMemory())
                .checkpointEvery(1_000_000)
                .checkpointInterval(java.time.Duration.ofSeconds(10))
                .open()) {
            trail.append(Fixtures.event(0));
            trail.append(Fixtures.event(1));
            assertThat(trail.latestCheckpoint())
                    .as("neither the count nor the interval is reached")
                    .isEmpty();

            f.clock.advanceSeconds(11);

            eventually(() -> trail.latestCheckpoint().isPresent());
            Checkpoint checkpoint = trail.latestCheckpoint().orElseThrow();
            assertThat(checkpoint.size()).isEqualTo(2);
            assertThat(checkpoint.time()).isEqualTo(Fixtures.T0.plusSeconds(11));
            assertThat(checkpoint.verify(f.publicKey())).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("suites")
    void proofs_verifyAgainstSignedCheckpoints(CryptoSuite suite) {
        Fixtures f = new Fixtures(suite);
        try (AuditTrail trail =
                f.trail(AuditStores.inMemory()).checkpointEvery(1_000_000).open()) {
            for (int i = 0; i < 13; i++) {
                trail.append(Fixtures.event(i));
            }
            Checkpoint first = trail.checkpoint();
            for (int i = 13; i < 37; i++) {
                trail.append(Fixtures.event(i));
            }
            Checkpoint second = trail.checkpoint();

            assertThat(first.verify(f.publicKey())).isTrue();
            assertThat(second.verify(f.publicKey())).isTrue();
            for (long seq = 0; seq < 37; seq++) {
                InclusionProof proof = trail.inclusionProof(seq, second.size());
                assertThat(proof.verify(suite, trail.leafHash(seq), second.root()))
                        .as("event " + seq)
                        .isTrue();
                assertThat(proof.verify(suite, trail.leafHash((seq + 1) % 37), second.root()))
                        .isFalse();
            }
            ConsistencyProof consistency = trail.consistencyProof(first.size(), second.size());
            assertThat(consistency.verify(suite, first.root(), second.root())).isTrue();
            assertThat(consistency.verify(suite, second.root(), second.root())).isFalse();
            assertThatThrownBy(() -> trail.inclusionProof(40, 37))
                    .satisfies(e -> assertCode(e, CoreError.AUDIT_PROOF_RANGE));
            assertThatThrownBy(() -> trail.consistencyProof(1, 99))
                    .satisfies(e -> assertCode(e, CoreError.AUDIT_PROOF_RANGE));
        }
    }

    @Test
    void reopening_continuesTheSequenceAndChain() {
        Fixtures f = new Fixtures(CryptoSuite.international());
        String rootAfterFirst;
        try (AuditTrail trail = f.trail(AuditStores.directory(dir)).open()) {
            for (int i = 0; i < 5; i++) {
                trail.append(Fixtures.event(i));
            }
            rootAfterFirst = trail.root();
        }
        try (AuditTrail trail = f.trail(AuditStores.directory(dir)).open()) {
            assertThat(trail.size()).isEqualTo(5);
            assertThat(trail.root()).isEqualTo(rootAfterFirst);
            assertThat(trail.append(Fixtures.event(5)).sequence()).isEqualTo(5);
        }
        try (AuditStore store = AuditStores.directoryReadOnly(dir)) {
            AuditVerification result = AuditVerifier.trusting(f.publicKey()).verify(store);
            assertThat(result.problems()).isEmpty();
            assertThat(result.records()).isEqualTo(6);
        }
    }

    @Test
    void reopeningATamperedTrail_isRefused() throws Exception {
        Fixtures f = new Fixtures(CryptoSuite.international());
        try (AuditTrail trail = f.trail(AuditStores.directory(dir)).open()) {
            for (int i = 0; i < 5; i++) {
                trail.append(Fixtures.event(i));
            }
        }
        Path segment = Fixtures.onlySegment(dir);
        List<String> lines = new ArrayList<>(Files.readAllLines(segment));
        String forged = lines.get(3).substring(9).replace("\"withdrawn\"", "\"granted\"");
        assertThat(forged).isNotEqualTo(lines.get(3).substring(9));
        lines.set(3, reframe(forged));
        Files.write(segment, lines);

        assertThatThrownBy(() -> f.trail(AuditStores.directory(dir)).open())
                .satisfies(e -> assertCode(e, CoreError.AUDIT_TAMPERED))
                .hasMessageContaining("rb audit verify");
    }

    @Test
    void storeFailure_failsTheAppend_andStopsTheTrail() {
        Fixtures f = new Fixtures(CryptoSuite.international());
        FailingStore store = new FailingStore();
        try (AuditTrail trail = f.trail(store).durability(Durability.PER_EVENT).open()) {
            trail.append(Fixtures.event(0));
            store.failing = true;

            assertThatThrownBy(() -> trail.append(Fixtures.event(1)))
                    .satisfies(e -> assertCode(e, CoreError.AUDIT_APPEND_FAILED));
            store.failing = false;
            assertThatThrownBy(() -> trail.append(Fixtures.event(2)))
                    .satisfies(e -> assertCode(e, CoreError.AUDIT_CLOSED));
        }
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void groupCommitFailure_failsEveryWaitingAppend() {
        Fixtures f = new Fixtures(CryptoSuite.international());
        FailingStore store = new FailingStore();
        try (AuditTrail trail = f.trail(store).open()) {
            store.failing = true;
            var first = trail.appendAsync(Fixtures.event(0)).toCompletableFuture();

            assertThatThrownBy(first::join).hasCauseInstanceOf(AuditException.class);
            assertCode(
                    first.handle((r, e) -> e.getCause() == null ? e : e.getCause())
                            .join(),
                    CoreError.AUDIT_APPEND_FAILED);
        }
    }

    @Test
    void manyThreads_getDistinctSequenceNumbers_andTheTrailVerifies() throws Exception {
        Fixtures f = new Fixtures(CryptoSuite.international());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Set<Long> sequences = new HashSet<>();
        try (AuditTrail trail =
                f.trail(AuditStores.directory(dir)).checkpointEvery(100).open()) {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < 250; i++) {
                        mine.add(trail.append(Fixtures.event(thread * 1000 + i)).sequence());
                    }
                    return mine;
                }));
            }
            for (Future<List<Long>> future : futures) {
                sequences.addAll(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sequences).hasSize(2000).allMatch(s -> s >= 0 && s < 2000);
        try (AuditStore store = AuditStores.directoryReadOnly(dir)) {
            AuditVerification result = AuditVerifier.trusting(f.publicKey()).verify(store);
            assertThat(result.problems()).isEmpty();
            assertThat(result.anchoredSize()).isEqualTo(2000);
        }
    }

    @Test
    void interruptedCaller_stillGetsItsEventStored_andTheTrailGoesOn() {
        Fixtures f = new Fixtures(CryptoSuite.international());
        try (AuditTrail trail = f.trail(AuditStores.directory(dir)).open()) {
            Thread.currentThread().interrupt();
            AuditReceipt receipt;
            try {
                receipt = trail.append(Fixtures.event(0));
            } finally {
                assertThat(Thread.interrupted())
                        .as("the interrupt is kept for the caller")
                        .isTrue();
            }
            assertThat(receipt.sequence()).isZero();
            assertThat(trail.append(Fixtures.event(1)).sequence()).isEqualTo(1);
        }
        try (AuditStore store = AuditStores.directoryReadOnly(dir)) {
            assertThat(AuditVerifier.trusting(f.publicKey()).verify(store).records())
                    .isEqualTo(2);
        }
    }

    @Test
    void aSecondWriter_isRefused_untilTheFirstCloses() {
        AuditStore first = AuditStores.directory(dir);
        try {
            assertThatThrownBy(() -> AuditStores.directory(dir))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("already open for writing");
            try (AuditStore readOnly = AuditStores.directoryReadOnly(dir)) {
                assertThat(readOnly.size()).as("readers need no lock").isZero();
            }
        } finally {
            first.close();
        }
        AuditStores.directory(dir).close();
    }

    @Test
    void builder_rejectsBadSettingsAtOnce() {
        Fixtures f = new Fixtures(CryptoSuite.international());
        assertThatThrownBy(() -> AuditTrail.builder(AuditStores.inMemory()).open())
                .hasMessageContaining("needs a signer");
        assertThatThrownBy(() -> f.trail(AuditStores.inMemory()).checkpointEvery(0))
                .hasMessageContaining("checkpoint interval in events must be between 1 and");
        assertThatThrownBy(() -> f.trail(AuditStores.inMemory()).groupCommitInterval(java.time.Duration.ofSeconds(5)))
                .hasMessageContaining("group commit interval in ms must be between 1 and 1000, got 5000");
    }

    @Test
    void closedTrail_refusesEvents() {
        Fixtures f = new Fixtures(CryptoSuite.international());
        AuditTrail trail = f.trail(AuditStores.inMemory()).open();
        trail.close();

        assertThatThrownBy(() -> trail.append(Fixtures.event(0))).satisfies(e -> assertCode(e, CoreError.AUDIT_CLOSED));
    }

    /** A line of the segment format around a body, with its CRC recomputed (a careful forger). */
    static String reframe(String body) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x %s", crc.getValue(), body);
    }

    /** An in-memory store whose writes fail on demand. */
    static final class FailingStore implements AuditStore {
        private final AuditStore delegate = AuditStores.inMemory();
        volatile boolean failing;

        @Override
        public long size() {
            return delegate.size();
        }

        @Override
        public void append(List<byte[]> records) {
            if (failing) {
                throw new StorageException(CoreError.STORAGE_FAILED, "disk full");
            }
            delegate.append(records);
        }

        @Override
        public void force() {
            if (failing) {
                throw new StorageException(CoreError.STORAGE_FAILED, "disk full");
            }
        }

        @Override
        public List<byte[]> read(long from, int max) {
            return delegate.read(from, max);
        }

        @Override
        public void appendCheckpoint(byte[] checkpoint) {
            delegate.appendCheckpoint(checkpoint);
        }

        @Override
        public List<byte[]> checkpoints() {
            return delegate.checkpoints();
        }

        @Override
        public void close() {}
    }
}
