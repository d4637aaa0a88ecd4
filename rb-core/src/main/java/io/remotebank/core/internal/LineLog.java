package io.remotebank.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.CoreError;
import io.remotebank.core.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of text records, one per line, each prefixed with its CRC-32C:
 * {@code <8 hex digits> <text>\n}. On open, a torn last record (a crash during the write: no line
 * feed, or a bad CRC on the last line) is cut off and reported; a bad record anywhere else means the
 * file was damaged and opening fails. Appends are forced to disk before they return.
 */
@API(status = INTERNAL, since = "0.1")
public final class LineLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LineLog.class);

    private final Path file;
    private FileChannel channel;
    private long end; // the end of the last complete record
    private final List<String> records;

    private LineLog(Path file, FileChannel channel, List<String> records, long end) {
        this.file = file;
        this.channel = channel;
        this.records = records;
        this.end = end;
    }

    /**
     * Opens (creating if needed) a log and reads its records.
     *
     * @param file the file
     * @return the open log; {@link #records()} holds what was in it
     * @throws StorageException with {@link CoreError#STORAGE_FAILED} on I/O errors, {@link
     *     CoreError#STORAGE_CORRUPT} when a record before the last is damaged
     */
    public static LineLog open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                List<String> records = new ArrayList<>();
                long valid = read(file, channel, records);
                if (valid < channel.size()) {
                    LOG.warn(
                            "{}: cut off a torn last record ({} bytes) left by an interrupted write",
                            file,
                            channel.size() - valid);
                    channel.truncate(valid);
                    channel.force(true);
                }
                return new LineLog(file, channel, records, valid);
            } catch (RuntimeException | IOException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new StorageException(CoreError.STORAGE_FAILED, "cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a log without changing it: a torn last record is left in place and reported.
     *
     * @param file the file
     * @return the intact records, and how many bytes of a torn last record follow them
     * @throws StorageException as {@link #open}
     */
    public static Snapshot read(Path file) {
        if (!Files.exists(file)) {
            return new Snapshot(List.of(), 0);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            List<String> records = new ArrayList<>();
            long valid = read(file, channel, records);
            return new Snapshot(List.copyOf(records), channel.size() - valid);
        } catch (IOException e) {
            throw new StorageException(CoreError.STORAGE_FAILED, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * What {@link #read(Path)} found.
     *
     * @param records the intact records
     * @param tornBytes the length of a torn last record, 0 when there is none
     */
    @API(status = INTERNAL, since = "0.1")
    public record Snapshot(List<String> records, long tornBytes) {}

    /** The records read when the log was opened, oldest first. */
    public List<String> records() {
        return List.copyOf(records);
    }

    /**
     * Appends a record and forces it to disk.
     *
     * @param text the record; must not contain a line feed or carriage return
     * @throws StorageException with {@link CoreError#STORAGE_FAILED} when it cannot be written
     */
    public synchronized void append(String text) {
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a record is one line");
        }
        byte[] line = CrcLines.frame(text.getBytes(StandardCharsets.UTF_8));
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer, end + buffer.position());
            }
            channel.force(false);
            end += line.length;
            records.add(text);
        } catch (ClosedByInterruptException e) {
            // The caller's thread was interrupted, which closed the channel: reopen it at the last
            // complete record so that the log goes on working for everyone else.
            reopen();
            throw new StorageException(
                    CoreError.STORAGE_FAILED,
                    "appending to " + file + " was interrupted; the record was not stored",
                    e);
        } catch (IOException e) {
            rollBack();
            throw new StorageException(CoreError.STORAGE_FAILED, "cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    private void reopen() {
        boolean interrupted = Thread.interrupted(); // a fresh channel must not be closed by the same interrupt
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            channel.truncate(end);
        } catch (IOException e) {
            LOG.error("{}: cannot reopen after an interrupted append", file, e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new StorageException(CoreError.STORAGE_FAILED, "cannot close " + file + ": " + e.getMessage(), e);
        }
    }

    /** After a failed write, take back any part of the record, so the next append starts clean. */
    private void rollBack() {
        try {
            channel.truncate(end);
        } catch (IOException e) {
            LOG.error("{}: cannot take back a partly written record; it will be cut off on the next open", file, e);
        }
    }

    /** Reads every intact record; returns the length of the intact prefix. */
    private static long read(Path file, FileChannel channel, List<String> records) throws IOException {
        long size = channel.size();
        ByteBuffer all = ByteBuffer.allocate((int) Math.min(size, Integer.MAX_VALUE - 16));
        channel.position(0);
        while (all.hasRemaining() && channel.read(all) > 0) {
            // read the whole file
        }
        byte[] bytes = all.array();
        int length = all.position();
        int start = 0;
        int lineNumber = 0;
        CRC32C crc = new CRC32C();
        while (start < length) {
            int end = CrcLines.lineEnd(bytes, start, length);
            lineNumber++;
            if (end == length) {
                return start; // no line feed: torn
            }
            if (!CrcLines.intact(bytes, start, end, crc)) {
                if (end + 1 == length) {
                    return start; // damaged last line: torn
                }
                throw new StorageException(
                        CoreError.STORAGE_CORRUPT,
                        file + ": record " + lineNumber + " (byte " + start + ") is damaged; later records follow it,"
                                + " so this is not an interrupted write");
            }
            records.add(
                    new String(bytes, start + CrcLines.FRAME, end - start - CrcLines.FRAME, StandardCharsets.UTF_8));
            start = end + 1;
        }
        return start;
    }
}
