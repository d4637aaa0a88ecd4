package io.remotebank.core.internal.audit;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.StorageException;
import io.remotebank.core.internal.CrcLines;
import io.remotebank.core.internal.LineLog;
import io.remotebank.core.spi.AuditStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded file-backed audit store: append-only segment files of records and a file of
 * checkpoints.
 *
 * <pre>
 * DIR/segments/00000000000000000000.log   records 0.., one per line: 8 hex digits of CRC-32C, a space, the JSON, LF
 * DIR/segments/00000000000000065536.log   the next segment, named by its first sequence number
 * DIR/checkpoints.log                     one signed checkpoint per line, in the same framing
 * </pre>
 *
 * A segment is closed when it passes the size limit. Opening for writing cuts off a torn last record
 * (a crash in the middle of a write) and refuses any other damage; opening read-only (to verify)
 * changes nothing, ignores a torn tail and reports damaged records instead of refusing them.
 */
@API(status = INTERNAL, since = "0.1")
public final class DirectoryAuditStore implements AuditStore {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryAuditStore.class);

    private final Path directory;
    private final Path segmentsDir;
    private final boolean readOnly;
    private final long maxSegmentBytes;
    private final List<Segment> segments = new ArrayList<>();
    private final List<Long> damaged = new ArrayList<>();
    private final LineLog checkpointLog;
    private final List<byte[]> readOnlyCheckpoints;
    private String recoveryNote;
    private long size;
    private FileChannel lockChannel; // holds DIR/lock while open for writing

    /** One segment: its file and the offsets of its records' lines. */
    private static final class Segment {
        final Path file;
        final long first;
        long[] starts = new long[1024];
        int count;
        long length; // the end of the last intact line
        FileChannel channel; // read channel, and the write channel of the last segment

        Segment(Path file, long first) {
            this.file = file;
            this.first = first;
        }

        void add(long start) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = start;
        }
    }

    private DirectoryAuditStore(Path directory, boolean readOnly, long maxSegmentBytes) {
        this.directory = directory;
        this.segmentsDir = directory.resolve("segments");
        this.readOnly = readOnly;
        this.maxSegmentBytes = maxSegmentBytes;
        if (readOnly) {
            this.checkpointLog = null;
            this.readOnlyCheckpoints = readCheckpointsLeniently(directory.resolve("checkpoints.log"));
        } else {
            this.checkpointLog = LineLog.open(directory.resolve("checkpoints.log"));
            this.readOnlyCheckpoints = null;
        }
    }

    /**
     * Opens a store directory for writing, creating it when missing.
     *
     * @param directory the directory
     * @param maxSegmentBytes when a segment is closed and the next begun
     * @return the store
     */
    public static DirectoryAuditStore open(Path directory, long maxSegmentBytes) {
        Arguments.notNull(directory, "directory");
        try {
            Files.createDirectories(directory.resolve("segments"));
        } catch (IOException e) {
            throw new StorageException(
                    CoreError.STORAGE_FAILED, "cannot create " + directory + ": " + e.getMessage(), e);
        }
        FileChannel lock = lock(directory);
        try {
            DirectoryAuditStore store = new DirectoryAuditStore(directory, false, maxSegmentBytes);
            store.lockChannel = lock;
            store.load();
            return store;
        } catch (RuntimeException e) {
            closeQuietly(lock);
            throw e;
        }
    }

    /**
     * Opens a store directory to verify it: nothing is changed.
     *
     * @param directory the directory
     * @return the store
     */
    public static DirectoryAuditStore openReadOnly(Path directory) {
        Arguments.notNull(directory, "directory");
        if (!Files.isDirectory(directory.resolve("segments"))) {
            throw new StorageException(
                    CoreError.STORAGE_FAILED, directory + " holds no audit trail (no segments/ directory)");
        }
        DirectoryAuditStore store = new DirectoryAuditStore(directory, true, Long.MAX_VALUE);
        store.load();
        return store;
    }

    @Override
    public synchronized long size() {
        return size;
    }

    @Override
    public synchronized void append(List<byte[]> records) {
        Arguments.noNulls(records, "records");
        if (readOnly) {
            throw new IllegalStateException("opened read-only");
        }
        if (records.isEmpty()) {
            return;
        }
        Segment segment = writableSegment();
        int bytes = 0;
        for (byte[] r : records) {
            bytes += CrcLines.framedLength(r);
        }
        ByteBuffer buffer = ByteBuffer.allocate(bytes);
        long[] starts = new long[records.size()];
        CRC32C crc = new CRC32C();
        long position = segment.length;
        for (int i = 0; i < records.size(); i++) {
            byte[] r = records.get(i);
            for (byte b : r) {
                if (b == '\n' || b == '\r') {
                    throw new IllegalArgumentException("a record is one line");
                }
            }
            starts[i] = position + buffer.position();
            CrcLines.write(buffer, crc, r);
        }
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                segment.channel.write(buffer, position + buffer.position());
            }
        } catch (IOException e) {
            try {
                segment.channel.truncate(segment.length);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new StorageException(
                    CoreError.STORAGE_FAILED, "cannot write to " + segment.file + ": " + e.getMessage(), e);
        }
        for (long start : starts) {
            segment.add(start);
        }
        segment.length = position + bytes;
        size += records.size();
    }

    @Override
    public void force() {
        Segment segment;
        synchronized (this) {
            if (readOnly || segments.isEmpty()) {
                return;
            }
            segment = segments.get(segments.size() - 1);
        }
        try {
            segment.channel.force(false);
        } catch (IOException e) {
            throw new StorageException(
                    CoreError.STORAGE_FAILED, "cannot force " + segment.file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<byte[]> read(long from, int max) {
        Arguments.inRange(from, 0, size, "from");
        Arguments.inRange(max, 0, Integer.MAX_VALUE, "max");
        List<byte[]> out = new ArrayList<>((int) Math.min(max, size - from));
        long next = from;
        while (out.size() < max && next < size) {
            Segment segment = segmentOf(next);
            int index = (int) (next - segment.first);
            int take = Math.min(max - out.size(), segment.count - index);
            long start = segment.starts[index];
            long end = index + take < segment.count ? segment.starts[index + take] : segment.length;
            ByteBuffer buffer = ByteBuffer.allocate((int) (end - start));
            // A channel of its own: a reader's thread being interrupted closes only this channel,
            // never the one the trail's writer appends through.
            try (FileChannel channel = FileChannel.open(segment.file, StandardOpenOption.READ)) {
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, start + buffer.position()) < 0) {
                        throw new IOException("unexpected end of file");
                    }
                }
            } catch (IOException e) {
                throw new StorageException(
                        CoreError.STORAGE_FAILED, "cannot read " + segment.file + ": " + e.getMessage(), e);
            }
            byte[] bytes = buffer.array();
            for (int i = 0; i < take; i++) {
                int lineStart = (int) (segment.starts[index + i] - start);
                int stop =
                        (int) ((index + i + 1 < segment.count ? segment.starts[index + i + 1] : segment.length) - start)
                                - 1;
                int bodyStart = Math.min(lineStart + CrcLines.FRAME, stop);
                out.add(Arrays.copyOfRange(bytes, bodyStart, stop));
            }
            next += take;
        }
        return out;
    }

    @Override
    public void appendCheckpoint(byte[] checkpoint) {
        Arguments.notNull(checkpoint, "checkpoint");
        if (readOnly) {
            throw new IllegalStateException("opened read-only");
        }
        checkpointLog.append(new String(checkpoint, StandardCharsets.UTF_8));
    }

    @Override
    public List<byte[]> checkpoints() {
        if (readOnly) {
            return readOnlyCheckpoints;
        }
        return checkpointLog.records().stream()
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    @Override
    public synchronized Optional<String> recoveryNote() {
        return Optional.ofNullable(recoveryNote);
    }

    @Override
    public synchronized List<Long> damagedRecords() {
        return List.copyOf(damaged);
    }

    @Override
    public synchronized void close() {
        for (Segment segment : segments) {
            try {
                if (segment.channel != null) {
                    segment.channel.close();
                }
            } catch (IOException e) {
                LOG.warn("cannot close {}: {}", segment.file, e.toString());
            }
        }
        if (checkpointLog != null) {
            checkpointLog.close();
        }
        closeQuietly(lockChannel); // releases the lock
    }

    /** One writer per trail directory: two would interleave their records and break the chain. */
    private static FileChannel lock(Path directory) {
        Path file = directory.resolve("lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (channel.tryLock() == null) {
                throw new StorageException(
                        CoreError.STORAGE_FAILED, directory + " is open for writing by another process");
            }
            return channel;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new StorageException(
                    CoreError.STORAGE_FAILED, directory + " is already open for writing in this process", e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StorageException(CoreError.STORAGE_FAILED, "cannot lock " + file + ": " + e.getMessage(), e);
        } catch (StorageException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.warn("cannot close {}: {}", channel, e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return "DirectoryAuditStore[" + directory + (readOnly ? ", read-only" : "") + "]";
    }

    private Segment segmentOf(long sequence) {
        int low = 0;
        int high = segments.size() - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (segments.get(mid).first <= sequence) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return segments.get(low);
    }

    private Segment writableSegment() {
        Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
        if (last != null && last.length < maxSegmentBytes) {
            return last;
        }
        try {
            if (last != null) {
                last.channel.force(false);
            }
            Path file = segmentsDir.resolve(String.format("%020d.log", size));
            Segment segment = new Segment(file, size);
            segment.channel = FileChannel.open(
                    file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
            forceDirectory(segmentsDir);
            segments.add(segment);
            return segment;
        } catch (IOException e) {
            throw new StorageException(
                    CoreError.STORAGE_FAILED,
                    "cannot start a new segment in " + segmentsDir + ": " + e.getMessage(),
                    e);
        }
    }

    private void load() {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(segmentsDir, "*.log")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new StorageException(
                    CoreError.STORAGE_FAILED, "cannot list " + segmentsDir + ": " + e.getMessage(), e);
        }
        files.sort(null);
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            long first;
            try {
                first = Long.parseLong(file.getFileName().toString().replace(".log", ""));
            } catch (NumberFormatException e) {
                throw new StorageException(CoreError.STORAGE_CORRUPT, file + " is not a segment name");
            }
            if (first != size) {
                String problem = file + " starts at record " + first + " but " + size + " records precede it";
                if (!readOnly) {
                    throw new StorageException(CoreError.STORAGE_CORRUPT, problem + "; verify the trail");
                }
                note(problem);
            }
            Segment segment = new Segment(file, size);
            scan(segment, i == files.size() - 1);
            segments.add(segment);
            size += segment.count;
        }
    }

    private void scan(Segment segment, boolean last) {
        try {
            FileChannel channel = readOnly
                    ? FileChannel.open(segment.file, StandardOpenOption.READ)
                    : FileChannel.open(segment.file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            segment.channel = channel;
            long fileLength = channel.size();
            byte[] bytes = new byte[(int) fileLength];
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
                // read the whole segment
            }
            CRC32C crc = new CRC32C();
            int start = 0;
            while (start < bytes.length) {
                int end = CrcLines.lineEnd(bytes, start, bytes.length);
                boolean hasNewline = end < bytes.length;
                boolean intact = hasNewline && CrcLines.intact(bytes, start, end, crc);
                boolean atEnd = !hasNewline || end + 1 == bytes.length;
                if (!intact && atEnd) {
                    // A torn last record: the crash came in the middle of its write.
                    String torn = "torn last record at byte " + start + " of " + segment.file.getFileName() + " ("
                            + (bytes.length - start) + " bytes, record " + (size + segment.count) + ")";
                    if (readOnly) {
                        note(torn + ", ignored");
                    } else if (last) {
                        channel.truncate(start);
                        channel.force(true);
                        note(torn + ", cut off");
                        LOG.warn("Audit store {}: {}", directory, recoveryNote);
                    } else {
                        throw new StorageException(
                                CoreError.STORAGE_CORRUPT,
                                directory + ": " + torn + " in a closed segment; verify the trail");
                    }
                    break;
                }
                if (!intact) {
                    String problem = "record " + (size + segment.count) + " at byte " + start + " of "
                            + segment.file.getFileName() + " fails its CRC check";
                    if (!readOnly) {
                        throw new StorageException(
                                CoreError.STORAGE_CORRUPT, directory + ": " + problem + "; verify the trail");
                    }
                    damaged.add(size + segment.count);
                }
                segment.add(start);
                start = end + 1;
                segment.length = start;
            }
        } catch (IOException e) {
            throw new StorageException(
                    CoreError.STORAGE_FAILED, "cannot read " + segment.file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every checkpoint line's body, damaged ones included (the verifier then finds their signature
     * or syntax wrong and reports them); only a torn last line is left out, and noted.
     */
    private List<byte[]> readCheckpointsLeniently(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StorageException(CoreError.STORAGE_FAILED, "cannot read " + file + ": " + e.getMessage(), e);
        }
        List<byte[]> out = new ArrayList<>();
        CRC32C crc = new CRC32C();
        int start = 0;
        while (start < bytes.length) {
            int end = CrcLines.lineEnd(bytes, start, bytes.length);
            boolean intact = end < bytes.length && CrcLines.intact(bytes, start, end, crc);
            if (!intact && (end >= bytes.length - 1)) {
                note("checkpoints.log ends with a torn checkpoint (" + (bytes.length - start) + " bytes), ignored");
                break;
            }
            out.add(Arrays.copyOfRange(bytes, Math.min(start + CrcLines.FRAME, end), end));
            start = end + 1;
        }
        return out;
    }

    private void note(String text) {
        recoveryNote = recoveryNote == null ? text : recoveryNote + "; " + text;
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("cannot fsync directory {}: {}", dir, e.toString());
        }
    }
}
