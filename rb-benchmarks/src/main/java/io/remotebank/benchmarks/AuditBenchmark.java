package io.remotebank.benchmarks;

import io.remotebank.core.AgentId;
import io.remotebank.core.CustomerId;
import io.remotebank.core.audit.Actor;
import io.remotebank.core.audit.AuditEvent;
import io.remotebank.core.audit.AuditStores;
import io.remotebank.core.audit.AuditTrail;
import io.remotebank.core.audit.AuditVerification;
import io.remotebank.core.audit.AuditVerifier;
import io.remotebank.core.audit.CheckpointWitnesses;
import io.remotebank.core.audit.Durability;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.FieldEncryption;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.crypto.KeyProviders;
import io.remotebank.core.crypto.PublicKeyInfo;
import io.remotebank.core.pii.PiiKind;
import io.remotebank.core.pii.Sensitive;
import io.remotebank.core.spi.AuditStore;
import io.remotebank.core.spi.KeyProvider;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The audit trail's two goals, each beside the raw I/O it is built on:
 *
 * <ul>
 *   <li>appends per second with group commit (fsync at least every 10 ms) and a signed checkpoint
 *       every 1,000 events, SHA-256: goal 200,000/s from one appending thread. {@code rawLogAppend}
 *       writes the same bytes with the same group fsync and nothing else: the limit. {@code
 *       ...Witnessed} also publishes each checkpoint to a witness file, which must cost the append
 *       path nothing measurable.
 *   <li>full verification of a 1,000,000-event trail: goal under 3 s. {@code rawLogScan} reads and
 *       CRC-checks the same files and nothing else: the limit.
 * </ul>
 *
 * About 4 minutes in all. Throughput runs use the class's settings; the verification runs, one
 * shot each, their own.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AuditBenchmark {

    static final KeyId SIGNER = KeyId.of("audit/signer");

    /** The event appended in the throughput runs: a routing decision, about 280 bytes stored. */
    static AuditEvent routingEvent(long i) {
        return AuditEvent.builder("routing.contact.assigned", Actor.system("routing-engine"))
                .subject(CustomerId.of("C" + (100_000 + i % 50_000)))
                .detail("queue", "video-account-opening")
                .detail("agent", new AgentId("A" + (i % 40)))
                .detail("waitedSeconds", i % 120)
                .detail("skills", List.of("kyc", "mandarin"))
                .build();
    }

    /** A SHA-256 trail over a directory, signed by a fresh P-256 key, checkpoint every 1,000 events. */
    static AuditTrail openTrail(Path dir, Durability durability, KeyProvider keys) {
        keys.generate(SIGNER, CryptoSuite.international().signingKeyType());
        return AuditTrail.builder(AuditStores.directory(dir))
                .suite(CryptoSuite.international())
                .signer(keys, SIGNER)
                .fieldEncryption(FieldEncryption.create(keys, CryptoSuite.international()))
                .durability(durability)
                .checkpointEvery(1_000)
                .open();
    }

    /** A trail in a fresh temporary directory, group commit, checkpoint every 1,000 events. */
    @State(Scope.Benchmark)
    public static class Appending {
        Path dir;
        AuditTrail trail;
        long i;

        @Setup(Level.Iteration)
        public void open() throws IOException {
            dir = Files.createTempDirectory("rb-audit-bench");
            trail = openTrail(dir, Durability.GROUP_COMMIT, KeyProviders.inMemory());
        }

        @TearDown(Level.Iteration)
        public void close() throws IOException {
            trail.close(); // waits for every accepted event to be forced and checkpointed
            deleteTree(dir);
        }
    }

    @Benchmark
    public Object remotebankAppendGroupCommit(Appending state) {
        return state.trail.appendAsync(routingEvent(state.i++));
    }

    /** The same trail, also publishing every checkpoint to a witness file (off the append path). */
    @State(Scope.Benchmark)
    public static class AppendingWitnessed {
        Path dir;
        AuditTrail trail;
        long i;

        @Setup(Level.Iteration)
        public void open() throws IOException {
            dir = Files.createTempDirectory("rb-audit-bench-witnessed");
            KeyProvider keys = KeyProviders.inMemory();
            keys.generate(SIGNER, CryptoSuite.international().signingKeyType());
            trail = AuditTrail.builder(AuditStores.directory(dir.resolve("trail")))
                    .suite(CryptoSuite.international())
                    .signer(keys, SIGNER)
                    .fieldEncryption(FieldEncryption.create(keys, CryptoSuite.international()))
                    .durability(Durability.GROUP_COMMIT)
                    .checkpointEvery(1_000)
                    .witness(CheckpointWitnesses.file(dir.resolve("witness.log")))
                    .open();
        }

        @TearDown(Level.Iteration)
        public void close() throws IOException {
            trail.close(); // also publishes the last checkpoint to the witness
            deleteTree(dir);
        }
    }

    @Benchmark
    public Object remotebankAppendGroupCommitWitnessed(AppendingWitnessed state) {
        return state.trail.appendAsync(routingEvent(state.i++));
    }

    @Benchmark
    public Object remotebankAppendWithPersonalDataGroupCommit(Appending state) {
        long i = state.i++;
        return state.trail.appendAsync(AuditEvent.builder("identity.flow.decided", Actor.system("kyc-engine"))
                .subject(CustomerId.of("C" + (100_000 + i % 50_000)))
                .detail("decision", "approved")
                .detail("idNumber", Sensitive.of("11010519491231002X", PiiKind.ID_NUMBER))
                .build());
    }

    /** The same bytes, CRC-framed, batched and forced every 10 ms by a second thread: the I/O limit. */
    @State(Scope.Benchmark)
    public static class RawLog {
        Path dir;
        FileChannel channel;
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        ScheduledExecutorService forcer;
        final CRC32C crc = new CRC32C();
        byte[] record;

        @Setup(Level.Iteration)
        public void open() throws IOException {
            dir = Files.createTempDirectory("rb-raw-bench");
            channel = FileChannel.open(dir.resolve("raw.log"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            record = ("{\"seq\":123456,\"prev\":\"" + "0".repeat(64) + "\",\"time\":\"2026-11-28T08:00:00Z\","
                            + "\"actor\":{\"type\":\"system\",\"id\":\"routing-engine\"},\"action\":\"routing.contact.assigned\","
                            + "\"subject\":\"C123456\",\"details\":{\"queue\":\"video-account-opening\",\"agent\":\"A7\","
                            + "\"waitedSeconds\":42,\"skills\":[\"kyc\",\"mandarin\"]}}")
                    .getBytes(StandardCharsets.UTF_8);
            forcer = Executors.newSingleThreadScheduledExecutor();
            forcer.scheduleAtFixedRate(
                    () -> {
                        try {
                            channel.force(false);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    },
                    10,
                    10,
                    TimeUnit.MILLISECONDS);
        }

        void append() throws IOException {
            if (buffer.remaining() < record.length + 10) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                buffer.clear();
            }
            crc.reset();
            crc.update(record);
            buffer.putInt((int) crc.getValue()).put(record).put((byte) '\n');
        }

        @TearDown(Level.Iteration)
        public void close() throws IOException {
            forcer.shutdown(); // not shutdownNow: interrupting a thread in force() would close the channel
            try {
                forcer.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            channel.force(false);
            channel.close();
            deleteTree(dir);
        }
    }

    @Benchmark
    public void rawLogAppend(RawLog state) throws IOException {
        state.append();
    }

    /** A stored trail of 1,000,000 events (written once per fork, without fsync to save time). */
    @State(Scope.Benchmark)
    public static class StoredMillion {
        Path dir;
        PublicKeyInfo publicKey;

        @Setup(Level.Trial)
        public void write() throws IOException {
            dir = Files.createTempDirectory("rb-audit-1m");
            KeyProvider keys = KeyProviders.inMemory();
            try (AuditTrail trail = openTrail(dir, Durability.NONE, keys)) {
                publicKey = keys.publicKey(SIGNER);
                for (long i = 0; i < 1_000_000; i++) {
                    trail.appendAsync(routingEvent(i));
                }
            }
        }

        @TearDown(Level.Trial)
        public void delete() throws IOException {
            deleteTree(dir);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public AuditVerification remotebankVerify1M(StoredMillion state) {
        try (AuditStore store = AuditStores.directoryReadOnly(state.dir)) {
            AuditVerification result = AuditVerifier.trusting(state.publicKey).verify(store);
            if (!result.intact() || result.records() != 1_000_000) {
                throw new IllegalStateException("the stored trail does not verify: " + result.problems());
            }
            return result;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public long rawLogScan1M(StoredMillion state) throws IOException {
        long checked = 0;
        CRC32C crc = new CRC32C();
        try (Stream<Path> segments = Files.list(state.dir.resolve("segments"))) {
            for (Path segment : segments.sorted().toList()) {
                byte[] bytes = Files.readAllBytes(segment);
                int start = 0;
                for (int i = 0; i < bytes.length; i++) {
                    if (bytes[i] == '\n') {
                        crc.reset();
                        crc.update(bytes, start + 9, i - start - 9);
                        checked += crc.getValue() & 1;
                        start = i + 1;
                    }
                }
            }
        }
        return checked;
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
