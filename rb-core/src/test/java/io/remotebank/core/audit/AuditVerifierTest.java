package io.remotebank.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.spi.AuditStore;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tampering, damage and crashes, each found by the verifier with nothing but the public key. */
class AuditVerifierTest {

    private static final int EVENTS = 40;

    @TempDir
    Path dir;

    private Fixtures f;
    private Path segment;
    private List<String> original;

    /** A trail of 40 events with checkpoints at 10, 20, 30 and 40 (the last one made on close). */
    @BeforeEach
    void writeTrail() throws IOException {
        f = new Fixtures(CryptoSuite.international());
        try (AuditTrail trail = f.trail(AuditStores.directory(dir))
                .durability(Durability.PER_EVENT)
                .checkpointEvery(10)
                .open()) {
            for (int i = 0; i < EVENTS; i++) {
                trail.append(Fixtures.event(i));
            }
        }
        segment = Fixtures.onlySegment(dir);
        original = Files.readAllLines(segment);
    }

    /** The sizes the trail's checkpoints cover (the writer may place them a little past each 10). */
    private List<Long> checkpointSizes() throws IOException {
        return Files.readAllLines(dir.resolve("checkpoints.log")).stream()
                .map(line -> Checkpoint.parse(body(line)).size())
                .toList();
    }

    private AuditVerification verify() {
        try (AuditStore store = AuditStores.directoryReadOnly(dir)) {
            return AuditVerifier.trusting(f.publicKey()).verify(store);
        }
    }

    private void writeLines(List<String> lines) throws IOException {
        Files.write(segment, lines);
    }

    private static String body(String line) {
        return line.substring(9);
    }

    @Test
    void intactTrail_verifies() throws IOException {
        AuditVerification result = verify();

        assertThat(result.intact()).isTrue();
        assertThat(result.records()).isEqualTo(EVENTS);
        assertThat(result.anchoredSize()).isEqualTo(EVENTS);
        assertThat(result.checkpoints()).isEqualTo(checkpointSizes().size()).isGreaterThanOrEqualTo(4);
        assertThat(result.recoveryNote()).isEmpty();
    }

    @Test
    void modifiedRecord_withItsCrcRecomputed_isNamedByTheChain() throws IOException {
        List<String> lines = new ArrayList<>(original);
        lines.set(14, AuditTrailTest.reframe(body(lines.get(14)).replace("\"A2\"", "\"A0\"")));
        assertThat(lines.get(14)).isNotEqualTo(original.get(14));
        writeLines(lines);

        AuditVerification result = verify();

        assertThat(result.intact()).isFalse();
        assertThat(result.problems())
                .extracting(AuditVerification.Problem::kind)
                .contains(AuditVerification.Kind.CHAIN, AuditVerification.Kind.MODIFIED);
        assertThat(result.problems()).allMatch(p -> p.record() == 14);
        assertThat(result.anchoredSize()).isEqualTo(checkpointSizes().get(0));
    }

    @Test
    void modifiedLastRecord_isCaughtByTheCheckpoint() throws IOException {
        List<Long> sizes = checkpointSizes();
        long lastGood = sizes.get(sizes.size() - 2);
        List<String> lines = new ArrayList<>(original);
        lines.set(39, AuditTrailTest.reframe(body(lines.get(39)).replace("withdrawn", "granted")));
        assertThat(lines.get(39)).isNotEqualTo(original.get(39));
        writeLines(lines);

        AuditVerification result = verify();

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(AuditVerification.Kind.MODIFIED);
            assertThat(p.message()).contains("between " + lastGood + " and 39");
        });
    }

    @Test
    void recordAlteredWithoutItsCrc_isDamaged() throws IOException {
        List<String> lines = new ArrayList<>(original);
        lines.set(6, lines.get(6).replace("\"queue\"", "\"qveue\""));
        assertThat(lines.get(6)).isNotEqualTo(original.get(6));
        writeLines(lines);

        AuditVerification result = verify();

        assertThat(result.problems())
                .extracting(AuditVerification.Problem::kind)
                .contains(AuditVerification.Kind.DAMAGED);
        assertThat(result.problems()).allMatch(p -> p.record() == 6);
    }

    @Test
    void deletedRecord_isFound() throws IOException {
        List<String> lines = new ArrayList<>(original);
        lines.remove(22);
        writeLines(lines);

        AuditVerification result = verify();

        assertThat(result.problems())
                .extracting(AuditVerification.Problem::kind)
                .contains(
                        AuditVerification.Kind.SEQUENCE,
                        AuditVerification.Kind.CHAIN,
                        AuditVerification.Kind.TRUNCATED);
        assertThat(result.problems().get(0).record()).isEqualTo(21);
    }

    @Test
    void reorderedRecords_areFound() throws IOException {
        List<String> lines = new ArrayList<>(original);
        Collections.swap(lines, 5, 6);
        writeLines(lines);

        AuditVerification result = verify();

        assertThat(result.problems())
                .extracting(AuditVerification.Problem::kind)
                .contains(AuditVerification.Kind.SEQUENCE);
        assertThat(result.problems().get(0).record()).isEqualTo(4);
    }

    @Test
    void insertedRecord_isFound() throws IOException {
        List<String> lines = new ArrayList<>(original);
        lines.add(30, lines.get(29));
        writeLines(lines);

        AuditVerification result = verify();

        assertThat(result.intact()).isFalse();
        assertThat(result.problems())
                .extracting(AuditVerification.Problem::kind)
                .contains(AuditVerification.Kind.SEQUENCE);
        assertThat(result.anchoredSize()).isEqualTo(30);
    }

    @Test
    void recordsCutOffTheEnd_underACheckpoint_areTruncation() throws IOException {
        writeLines(original.subList(0, 35));

        AuditVerification result = verify();

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(AuditVerification.Kind.TRUNCATED);
            assertThat(p.record()).isEqualTo(35);
        });
        assertThat(result.anchoredSize()).isEqualTo(30);
    }

    @Test
    void eventsAfterTheLastCheckpoint_areUnanchored_andFailTheVerification() throws IOException {
        List<String> checkpoints = Files.readAllLines(dir.resolve("checkpoints.log"));
        Files.write(dir.resolve("checkpoints.log"), checkpoints.subList(0, 2)); // keep 10 and 20

        AuditVerification result = verify();

        assertThat(result.status()).isEqualTo(AuditVerification.Status.FAILED);
        assertThat(result.intact()).isFalse();
        assertThat(result.anchoredSize()).isEqualTo(20);
        assertThat(result.unanchored()).isEqualTo(20);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(AuditVerification.Kind.UNANCHORED);
            assertThat(p.record()).isEqualTo(20);
            assertThat(p.message()).contains("20 record(s) from record 20 on come after the last signed checkpoint");
        });
    }

    @Test
    void anAcceptedUnanchoredTail_passes_butIsNeverIntact() throws IOException {
        List<String> checkpoints = Files.readAllLines(dir.resolve("checkpoints.log"));
        Files.write(dir.resolve("checkpoints.log"), checkpoints.subList(0, 2)); // keep 10 and 20

        AuditVerification result;
        try (AuditStore store = AuditStores.directoryReadOnly(dir)) {
            result = AuditVerifier.trusting(f.publicKey())
                    .acceptingUnanchoredTail()
                    .verify(store);
        }

        assertThat(result.problems()).isEmpty();
        assertThat(result.status()).isEqualTo(AuditVerification.Status.UNANCHORED_TAIL_ACCEPTED);
        assertThat(result.passed()).isTrue();
        assertThat(result.intact()).isFalse();
        assertThat(result.unanchoredTailAccepted()).isTrue();
        assertThat(result.unanchored()).isEqualTo(20);
    }

    @Test
    void anEmptyTrailWithoutACheckpoint_isNeverIntact() throws IOException {
        Path empty = dir.resolveSibling(dir.getFileName() + "-empty");
        Files.createDirectories(empty.resolve("segments"));

        AuditVerification result;
        try (AuditStore store = AuditStores.directoryReadOnly(empty)) {
            result = AuditVerifier.trusting(f.publicKey())
                    .acceptingUnanchoredTail()
                    .verify(store);
        }

        assertThat(result.passed()).isFalse();
        assertThat(result.problems())
                .extracting(AuditVerification.Problem::kind)
                .containsExactly(AuditVerification.Kind.NO_CHECKPOINT);
    }

    @Test
    void forgedCheckpoint_andAnotherSignersKey_areFound() throws IOException {
        List<String> checkpoints = new ArrayList<>(Files.readAllLines(dir.resolve("checkpoints.log")));
        String forged = body(checkpoints.get(1)).replaceFirst("\"root\":\"[0-9a-f]{4}", "\"root\":\"0000");
        checkpoints.set(1, AuditTrailTest.reframe(forged));
        Files.write(dir.resolve("checkpoints.log"), checkpoints);
        Fixtures other = new Fixtures(CryptoSuite.international());

        AuditVerification result = verify();
        AuditVerification withOtherKey;
        try (AuditStore store = AuditStores.directoryReadOnly(dir)) {
            withOtherKey = AuditVerifier.trusting(Map.of(KeyId.of("someone/else"), other.publicKey()))
                    .verify(store);
        }

        assertThat(result.problems())
                .extracting(AuditVerification.Problem::kind)
                .containsExactly(AuditVerification.Kind.BAD_SIGNATURE);
        assertThat(withOtherKey.problems())
                .extracting(AuditVerification.Problem::kind)
                .containsOnly(AuditVerification.Kind.UNKNOWN_SIGNER);
        assertThat(withOtherKey.anchoredSize()).isZero();
    }

    /**
     * A crash during the write of the last record, at every byte of it: the record is reported
     * torn, everything before it still verifies, and reopening for writing cuts it off and goes on.
     */
    @Test
    void tornLastRecord_atEveryByteOffset_earlierEventsStillVerify() throws IOException {
        // The state just before the crash: 40 anchored events and a 41st being written.
        Path crashed = dir.resolveSibling(dir.getFileName() + "-crash");
        byte[] full;
        try (AuditTrail trail = f.trail(AuditStores.directory(dir))
                .durability(Durability.PER_EVENT)
                .open()) {
            trail.append(Fixtures.event(40));
            full = Files.readAllBytes(segment);
            copy(dir, crashed);
        }
        int lastStart = full.length - 1;
        while (full[lastStart - 1] != '\n') {
            lastStart--;
        }
        Path crashedSegment = crashed.resolve("segments").resolve(segment.getFileName());
        for (int cut = lastStart; cut < full.length; cut++) {
            try (FileChannel channel = FileChannel.open(crashedSegment, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(full));
                channel.truncate(cut);
            }
            AuditVerification result;
            try (AuditStore store = AuditStores.directoryReadOnly(crashed)) {
                result = AuditVerifier.trusting(f.publicKey()).verify(store);
            }
            assertThat(result.problems()).as("cut at byte " + cut).isEmpty();
            assertThat(result.records()).isEqualTo(EVENTS);
            assertThat(result.anchoredSize()).isEqualTo(EVENTS);
            assertThat(result.recoveryNote().isPresent())
                    .as("torn note at " + cut)
                    .isEqualTo(cut > lastStart);
        }
        // Reopening for writing cuts the torn record off and continues from record 40.
        try (AuditTrail trail = f.trail(AuditStores.directory(crashed)).open()) {
            assertThat(trail.size()).isEqualTo(EVENTS);
            assertThat(trail.append(Fixtures.event(99)).sequence()).isEqualTo(EVENTS);
        }
        try (AuditStore store = AuditStores.directoryReadOnly(crashed)) {
            assertThat(AuditVerifier.trusting(f.publicKey()).verify(store).problems())
                    .isEmpty();
        }
    }

    /** Random tampering with stored bytes, as a vandal and as a forger who fixes the CRC: always found. */
    @Test
    void thousandsOfRandomTampers_areAllDetected() throws IOException {
        byte[] pristine = Files.readAllBytes(segment);
        List<int[]> bodies = new ArrayList<>(); // [start, end) of each record's JSON
        for (int start = 0, i = 0; i < pristine.length; i++) {
            if (pristine[i] == '\n') {
                bodies.add(new int[] {start + 9, i});
                start = i + 1;
            }
        }
        Random random = new Random(2026_11_28);
        int detected = 0;
        for (int round = 0; round < 3000; round++) {
            byte[] bytes = pristine.clone();
            boolean forger = round % 2 == 1;
            int offset;
            if (forger) {
                int[] body = bodies.get(random.nextInt(bodies.size()));
                offset = body[0] + random.nextInt(body[1] - body[0]);
            } else {
                offset = random.nextInt(bytes.length);
            }
            byte replacement;
            do {
                replacement = (byte) random.nextInt(256);
            } while (replacement == bytes[offset]);
            bytes[offset] = replacement;
            if (forger) {
                refreshCrcs(bytes);
            }
            Files.write(segment, bytes);
            AuditVerification result = verify();
            assertThat(result.intact())
                    .as("round %d, %s at byte %d", round, forger ? "forger" : "vandal", offset)
                    .isFalse();
            detected++;
        }
        assertThat(detected).isEqualTo(3000);
        Files.write(segment, pristine);
        assertThat(verify().intact()).isTrue();
    }

    /** Recomputes the CRC of every line, as a forger who knows the format would. */
    private static void refreshCrcs(byte[] bytes) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                if (i - start >= 9) {
                    crc.reset();
                    crc.update(bytes, start + 9, i - start - 9);
                    byte[] hex = String.format("%08x", crc.getValue()).getBytes(StandardCharsets.US_ASCII);
                    System.arraycopy(hex, 0, bytes, start, 8);
                }
                start = i + 1;
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
