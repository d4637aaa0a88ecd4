package io.remotebank.core.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.internal.audit.DirectoryAuditStore;
import io.remotebank.core.internal.audit.MemoryAuditStore;
import io.remotebank.core.spi.AuditStore;
import java.nio.file.Path;
import org.apiguardian.api.API;

/** The embedded {@link AuditStore} implementations. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AuditStores {

    /** The default segment size of a directory store: 64 MiB. */
    public static final long DEFAULT_SEGMENT_BYTES = 64L * 1024 * 1024;

    private AuditStores() {}

    /** Records in memory, lost with the process: for tests and demos. */
    public static AuditStore inMemory() {
        return new MemoryAuditStore();
    }

    /**
     * An append-only directory of segment files and a checkpoint file (the format is in
     * docs/audit.md). Opening cuts off a torn last record left by a crash and refuses other damage.
     *
     * @param directory the directory (created when missing)
     * @return the store
     */
    public static AuditStore directory(Path directory) {
        return directory(directory, DEFAULT_SEGMENT_BYTES);
    }

    /**
     * A directory store with a given segment size.
     *
     * @param directory the directory
     * @param segmentBytes when to close a segment and begin the next: 4 KiB to 1 GiB
     * @return the store
     */
    public static AuditStore directory(Path directory, long segmentBytes) {
        Arguments.inRange(segmentBytes, 4096, 1L << 30, "segment size in bytes");
        return DirectoryAuditStore.open(directory, segmentBytes);
    }

    /**
     * Opens a directory store to verify or read it, changing nothing: a torn tail is ignored and
     * reported, damaged records are reported by {@link AuditStore#damagedRecords()}.
     *
     * @param directory the directory
     * @return the store (read-only)
     */
    public static AuditStore directoryReadOnly(Path directory) {
        return DirectoryAuditStore.openReadOnly(directory);
    }
}
