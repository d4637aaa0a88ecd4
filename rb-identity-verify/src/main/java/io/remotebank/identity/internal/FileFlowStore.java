package io.remotebank.identity.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.RbException;
import io.remotebank.core.storage.AppendLog;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.flow.FlowState;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apiguardian.api.API;

/**
 * Flow states in rb-core's append-only log: each save appends the whole state as one line of JSON
 * (forced to disk before the save returns), and opening the file replays it, keeping each flow's
 * latest version.
 */
@API(status = INTERNAL, since = "0.1")
public final class FileFlowStore extends MemoryFlowStore implements AutoCloseable {

    private final AppendLog log;
    private final FileChannel lockChannel;

    public FileFlowStore(Path file) {
        this.lockChannel = lock(file);
        try {
            this.log = AppendLog.open(file);
        } catch (RbException e) {
            release();
            throw new IdentityException(
                    e.code().code().endsWith("corrupt") ? IdentityError.STORE_CORRUPT : IdentityError.STORE_FAILED,
                    "cannot open the flow store " + file + ": " + e.getMessage(),
                    e);
        }
        int line = 0;
        for (String record : log.records()) {
            line++;
            try {
                load(FlowCodec.decode(record));
            } catch (Exception e) {
                log.close();
                release();
                throw new IdentityException(
                        IdentityError.STORE_CORRUPT, "flow store " + file + ": record " + line + " cannot be read", e);
            }
        }
    }

    @Override
    protected void persist(FlowState state) {
        try {
            log.append(FlowCodec.encode(state));
        } catch (RbException e) {
            throw new IdentityException(
                    IdentityError.STORE_FAILED, "cannot write the flow store: " + e.getMessage(), e);
        }
    }

    /**
     * Takes the store's lock file ({@code FILE.lock}) for as long as the store is open. Each open
     * store holds the states in memory and appends to the file, so a second process on the same file
     * would work from a stale copy: two reviewers could both claim one case. A sibling file rather than
     * the log itself, because on POSIX closing any channel to a file drops the process's locks on it.
     */
    private static FileChannel lock(Path file) {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IdentityException(
                    IdentityError.STORE_FAILED, "cannot open the flow store's lock file " + lockFile, e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new IdentityException(IdentityError.STORE_FAILED, "cannot lock the flow store " + file, e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new IdentityException(
                    IdentityError.STORE_FAILED, "the flow store " + file + " is open in another process or store");
        }
        return channel;
    }

    private void release() {
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing releases the lock; a failure to close leaves nothing we could do better.
        }
    }

    @Override
    public synchronized void close() {
        try {
            log.close();
        } finally {
            release();
        }
    }

    @Override
    public String toString() {
        return "FileFlowStore[" + log.file() + "]";
    }
}
