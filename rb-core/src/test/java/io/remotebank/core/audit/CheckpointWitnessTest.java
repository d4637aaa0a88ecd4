package io.remotebank.core.audit;

import static io.remotebank.core.ErrorAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.CoreError;
import io.remotebank.core.StorageException;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.spi.AuditStore;
import io.remotebank.core.spi.CheckpointWitness;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded witnesses' own rules (the kit in rb-tck checks the SPI's), and how a trail lives with
 * a witness that fails or falls behind.
 */
class CheckpointWitnessTest {

    @TempDir
    Path dir;

    private final Fixtures f = new Fixtures(CryptoSuite.international());

    private List<Checkpoint> checkpoints(int count) {
        List<Checkpoint> out = new ArrayList<>();
        try (AuditTrail trail = f.trail(AuditStores.inMemory()).open()) {
            for (int i = 0; i < count; i++) {
                trail.append(Fixtures.event(i));
                out.add(trail.checkpoint());
            }
        }
        return out;
    }

    @Test
    void witnessFile_isWrittenByOneWriter_andReadByAnyNumber() {
        Path file = dir.resolve("w").resolve("witness.log");
        List<Checkpoint> c = checkpoints(3);
        try (CheckpointWitness writer = CheckpointWitnesses.file(file)) {
            assertThatThrownBy(() -> CheckpointWitnesses.file(file))
                    .satisfies(e -> assertCode(e, CoreError.STORAGE_FAILED))
                    .hasMessageContaining("already open in this process");
            CheckpointWitness reader = CheckpointWitnesses.fileReadOnly(file);
            writer.publish(c.get(0));
            assertThat(reader.checkpoints()).containsExactly(c.get(0));
            writer.publish(c.get(2));
            assertThat(reader.latest()).contains(c.get(2));
            assertThatThrownBy(() -> reader.publish(c.get(2)))
                    .satisfies(e -> assertCode(e, CoreError.STORAGE_FAILED))
                    .hasMessageContaining("read-only");
        }
        try (CheckpointWitness reopened = CheckpointWitnesses.file(file)) {
            assertThat(reopened.checkpoints()).containsExactly(c.get(0), c.get(2));
        }
    }

    @Test
    void witnessFile_tornLastLine_isIgnoredByReaders_andCutOffByTheWriter() throws IOException {
        Path file = dir.resolve("witness.log");
        List<Checkpoint> c = checkpoints(2);
        try (CheckpointWitness writer = CheckpointWitnesses.file(file)) {
            writer.publish(c.get(0));
        }
        Files.writeString(file, "0123abcd {\"size\":2,\"ro", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertThat(CheckpointWitnesses.fileReadOnly(file).checkpoints()).containsExactly(c.get(0));
        try (CheckpointWitness writer = CheckpointWitnesses.file(file)) {
            writer.publish(c.get(1));
        }
        assertThat(CheckpointWitnesses.fileReadOnly(file).checkpoints()).containsExactly(c.get(0), c.get(1));
    }

    @Test
    void witnessFile_damagedBeforeItsEnd_orMissing_isAnError() throws IOException {
        Path file = dir.resolve("witness.log");
        List<Checkpoint> c = checkpoints(2);
        try (CheckpointWitness writer = CheckpointWitnesses.file(file)) {
            writer.publish(c.get(0));
            writer.publish(c.get(1));
        }
        String text = Files.readString(file);
        Files.writeString(file, text.replaceFirst("\"size\":1", "\"size\":9"));

        assertThatThrownBy(() -> CheckpointWitnesses.fileReadOnly(file).checkpoints())
                .satisfies(e -> assertCode(e, CoreError.STORAGE_CORRUPT));
        assertThatThrownBy(() -> CheckpointWitnesses.fileReadOnly(dir.resolve("nowhere.log")))
                .satisfies(e -> assertCode(e, CoreError.STORAGE_FAILED))
                .hasMessageContaining("no witness file at");
    }

    @Test
    void jdbcWitness_refusesATableNameThatIsNotAName_beforeConnecting() {
        AtomicInteger connections = new AtomicInteger();
        DataSource counting = (DataSource) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    connections.incrementAndGet();
                    throw new UnsupportedOperationException(method.getName());
                });

        assertThatThrownBy(() -> CheckpointWitnesses.jdbc(counting, "witness; DROP TABLE x"))
                .satisfies(e -> assertCode(e, CoreError.ARGUMENT_INVALID))
                .hasMessageContaining("witness; DROP TABLE x");
        assertThat(connections).hasValue(0);
    }

    /** A witness that is down never fails an append; the next checkpoint after it is back carries it. */
    @Test
    void aFailingWitness_neverFailsAnAppend_andCatchesUpWithTheNextCheckpoint() {
        AtomicBoolean down = new AtomicBoolean(true);
        CheckpointWitness memory = CheckpointWitnesses.inMemory();
        CheckpointWitness flaky = new CheckpointWitness() {
            @Override
            public void publish(Checkpoint checkpoint) {
                if (down.get()) {
                    throw new StorageException(CoreError.STORAGE_FAILED, "witness database unreachable");
                }
                memory.publish(checkpoint);
            }

            @Override
            public List<Checkpoint> checkpoints() {
                if (down.get()) {
                    throw new StorageException(CoreError.STORAGE_FAILED, "witness database unreachable");
                }
                return memory.checkpoints();
            }
        };
        AuditTrail trail = f.trail(AuditStores.directory(dir)).witness(flaky).open();
        for (int i = 0; i < 5; i++) {
            trail.append(Fixtures.event(i));
        }
        trail.checkpoint();
        down.set(false);
        trail.append(Fixtures.event(5));
        trail.close();

        assertThat(memory.latest()).hasValueSatisfying(c -> assertThat(c.size()).isEqualTo(6));
        assertThat(trail.latestWitnessed()).isEqualTo(memory.latest());
    }

    /** A witness that fell behind (down when the trail closed) receives the latest checkpoint on open. */
    @Test
    void aWitnessThatFellBehind_catchesUpWhenTheTrailOpens() {
        try (AuditTrail trail = f.trail(AuditStores.directory(dir)).open()) {
            for (int i = 0; i < 4; i++) {
                trail.append(Fixtures.event(i));
            }
        }
        CheckpointWitness witness = CheckpointWitnesses.inMemory();

        AuditTrail reopened =
                f.trail(AuditStores.directory(dir)).witness(witness).open();
        reopened.close();

        assertThat(witness.latest())
                .hasValueSatisfying(c -> assertThat(c.size()).isEqualTo(4));
        try (AuditStore store = AuditStores.directoryReadOnly(dir)) {
            assertThat(AuditVerifier.trusting(f.publicKey())
                            .witnessedBy(witness)
                            .verify(store)
                            .intact())
                    .isTrue();
        }
    }

    @Test
    void anUnreadableWitness_isAProblemOfTheVerification() {
        try (AuditTrail trail = f.trail(AuditStores.directory(dir)).open()) {
            trail.append(Fixtures.event(0));
        }
        CheckpointWitness unreadable = new CheckpointWitness() {
            @Override
            public void publish(Checkpoint checkpoint) {}

            @Override
            public List<Checkpoint> checkpoints() {
                throw new StorageException(CoreError.STORAGE_FAILED, "connection refused");
            }

            @Override
            public String description() {
                return "the witness table audit_witness";
            }
        };

        AuditVerification result;
        try (AuditStore store = AuditStores.directoryReadOnly(dir)) {
            result = AuditVerifier.trusting(f.publicKey())
                    .witnessedBy(unreadable)
                    .verify(store);
        }

        assertThat(result.passed()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(AuditVerification.Kind.WITNESS_UNAVAILABLE);
            assertThat(p.message()).contains("the witness table audit_witness could not be read", "connection refused");
        });
    }
}
