package io.remotebank.core.internal.audit;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.AuditException;
import io.remotebank.core.CoreError;
import io.remotebank.core.StorageException;
import io.remotebank.core.audit.Checkpoint;
import io.remotebank.core.internal.LineLog;
import io.remotebank.core.spi.CheckpointWitness;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The file-backed witness: one checkpoint per line, framed as every embedded log is ({@code <CRC-32C>
 * <checkpoint JSON>\n}), forced before {@code publish} returns. One process writes it (it holds an OS
 * lock on {@code FILE.lock}); any number read it, each read seeing what is on disk then. Its worth
 * as a witness is where the file lives: a volume the trail's writer cannot rewrite.
 */
@API(status = INTERNAL, since = "0.1")
public final class FileCheckpointWitness implements CheckpointWitness {

    private final Path file;
    private final LineLog log; // null when read-only
    private final FileChannel lock; // null when read-only
    private final List<Checkpoint> written = new ArrayList<>();
    private boolean closed;

    private FileCheckpointWitness(Path file, LineLog log, FileChannel lock) {
        this.file = file;
        this.log = log;
        this.lock = lock;
    }

    /**
     * Opens (creating when missing) a witness file to publish to.
     *
     * @param file the file
     * @return the witness
     * @throws StorageException when it cannot be opened, is damaged, or another process writes it
     */
    public static FileCheckpointWitness open(Path file) {
        Arguments.notNull(file, "file");
        Path absolute = file.toAbsolutePath();
        FileChannel lock = lock(absolute);
        try {
            LineLog log = LineLog.open(absolute);
            FileCheckpointWitness witness = new FileCheckpointWitness(absolute, log, lock);
            witness.written.addAll(parse(absolute, log.records()));
            return witness;
        } catch (RuntimeException e) {
            closeQuietly(lock);
            throw e;
        }
    }

    /**
     * Opens a witness file to read it, changing nothing (a torn last line is ignored).
     *
     * @param file the file
     * @return the witness; {@link #publish} is refused
     * @throws StorageException when there is no such file
     */
    public static FileCheckpointWitness openReadOnly(Path file) {
        Arguments.notNull(file, "file");
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new StorageException(CoreError.STORAGE_FAILED, "no witness file at " + file);
        }
        return new FileCheckpointWitness(file.toAbsolutePath(), null, null);
    }

    @Override
    public synchronized void publish(Checkpoint checkpoint) {
        Arguments.notNull(checkpoint, "checkpoint");
        if (log == null) {
            throw new StorageException(CoreError.STORAGE_FAILED, description() + " is open read-only");
        }
        ensureOpen();
        Optional<Checkpoint> latest =
                written.isEmpty() ? Optional.empty() : Optional.of(written.get(written.size() - 1));
        if (WitnessRule.admit(latest, checkpoint, description())) {
            log.append(checkpoint.toJson());
            written.add(checkpoint);
        }
    }

    @Override
    public synchronized List<Checkpoint> checkpoints() {
        ensureOpen();
        if (log != null) {
            return List.copyOf(written);
        }
        return parse(file, LineLog.read(file).records());
    }

    @Override
    public String description() {
        return "the witness file " + file;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (log != null) {
            try {
                log.close();
            } finally {
                closeQuietly(lock);
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StorageException(CoreError.STORAGE_FAILED, description() + " is closed");
        }
    }

    private static List<Checkpoint> parse(Path file, List<String> lines) {
        List<Checkpoint> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            try {
                out.add(Checkpoint.parse(lines.get(i)));
            } catch (AuditException e) {
                throw new StorageException(
                        CoreError.STORAGE_CORRUPT, file + ": line " + (i + 1) + " is not a checkpoint", e);
            }
        }
        return out;
    }

    private static FileChannel lock(Path file) {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        FileChannel channel = null;
        try {
            java.nio.file.Files.createDirectories(lockFile.getParent());
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (channel.tryLock() == null) {
                throw new StorageException(
                        CoreError.STORAGE_FAILED, "the witness file " + file + " is written by another process");
            }
            return channel;
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new StorageException(
                    CoreError.STORAGE_FAILED, "the witness file " + file + " is already open in this process", e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StorageException(CoreError.STORAGE_FAILED, "cannot lock " + lockFile + ": " + e.getMessage(), e);
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
                // Nothing more to release; the OS drops the lock with the process anyway.
            }
        }
    }
}
