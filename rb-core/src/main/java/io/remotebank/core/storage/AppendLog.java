package io.remotebank.core.storage;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.StorageException;
import io.remotebank.core.ValidationException;
import io.remotebank.core.internal.LineLog;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * An append-only file of one-line text records, each framed with its CRC-32C, for the embedded
 * file-backed stores of every module (rb-core's consent registry and audit checkpoints use the
 * same format): a module keeps its records here instead of writing a log format of its own.
 *
 * <p>An append is forced to disk before it returns. On open, a torn last record (a crash during
 * the write) is cut off and logged; damage anywhere else fails the open with {@code
 * core.storage.corrupt}. Thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AppendLog implements AutoCloseable {

    private final LineLog log;
    private final Path file;

    private AppendLog(LineLog log, Path file) {
        this.log = log;
        this.file = file;
    }

    /**
     * Opens a log, creating it (and its directory) when missing, and reads its records.
     *
     * @param file the file
     * @return the open log
     * @throws StorageException with {@code core.storage.failed} on an I/O error, {@code
     *     core.storage.corrupt} when a record before the last is damaged
     */
    public static AppendLog open(Path file) {
        Arguments.notNull(file, "file");
        return new AppendLog(LineLog.open(file), file);
    }

    /**
     * The records that were in the file when it was opened, then those appended since, oldest first.
     *
     * @return a copy of the records
     */
    public List<String> records() {
        return log.records();
    }

    /**
     * Appends a record and forces it to disk.
     *
     * @param record one line of text: no line feed or carriage return
     * @throws ValidationException with {@code core.argument.invalid} when the record spans lines
     * @throws StorageException with {@code core.storage.failed} when it cannot be written; nothing
     *     of it is kept then
     */
    public void append(String record) {
        Arguments.notNull(record, "record");
        if (record.indexOf('\n') >= 0 || record.indexOf('\r') >= 0) {
            throw new ValidationException(
                    CoreError.ARGUMENT_INVALID,
                    "a record of an append log is one line: no line feed or carriage return");
        }
        log.append(record);
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** Closes the file. */
    @Override
    public void close() {
        log.close();
    }

    @Override
    public String toString() {
        return "AppendLog[" + file + "]";
    }
}
