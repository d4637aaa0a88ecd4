package io.remotebank.identity.flow;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.internal.FileFlowStore;
import io.remotebank.identity.internal.MemoryFlowStore;
import io.remotebank.identity.spi.FlowStore;
import java.nio.file.Path;
import org.apiguardian.api.API;

/** The embedded flow stores. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FlowStores {

    private FlowStores() {}

    /**
     * A store in memory: flows do not survive the process.
     *
     * @return the store
     */
    public static FlowStore inMemory() {
        return new MemoryFlowStore();
    }

    /**
     * A store in one append-only file (rb-core's {@link io.remotebank.core.storage.AppendLog}): every
     * save is on disk before it returns, so flows survive a crash and resume at their step. The whole
     * history stays in the file; for millions of flows use a database.
     *
     * <p>One store at a time may have the file open: it holds {@code FILE.lock} (a file lock) until
     * closed, and another process or store opening the same file is refused, so two processes cannot
     * both work (and both claim a review case) from their own copies of the states.
     *
     * @param file the file, created when missing
     * @return the store; close it when done
     * @throws IdentityException with {@link IdentityError#STORE_CORRUPT} when the file is damaged
     *     before its last record, {@link IdentityError#STORE_FAILED} when it cannot be read or another
     *     process or store has it open
     */
    public static FileStore file(Path file) {
        return new FileStore(new FileFlowStore(Arguments.notNull(file, "file")));
    }

    /** A file-backed flow store. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class FileStore implements FlowStore, AutoCloseable {
        private final FileFlowStore delegate;

        private FileStore(FileFlowStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public void save(FlowState state) {
            delegate.save(state);
        }

        @Override
        public java.util.Optional<FlowState> find(FlowId id) {
            return delegate.find(id);
        }

        @Override
        public java.util.List<FlowState> unfinished() {
            return delegate.unfinished();
        }

        /** Closes the file. */
        @Override
        public void close() {
            delegate.close();
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }
}
