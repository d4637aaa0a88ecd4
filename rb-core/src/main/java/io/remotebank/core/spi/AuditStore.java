package io.remotebank.core.spi;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Where the audit trail keeps its records and checkpoints. Records are opaque bytes (one JSON event
 * each); the store frames them, appends them in order and reads them back unchanged. Embedded
 * defaults: {@code AuditStores.inMemory()} and {@code AuditStores.directory(path)}. An implementation
 * proves itself with {@code io.remotebank.tck.core.AuditStoreContract} from rb-tck.
 *
 * <p>The trail calls {@link #append} and {@link #force} from one thread at a time; reads may come
 * from other threads.
 */
@API(status = STABLE, since = "0.1")
public interface AuditStore extends AutoCloseable {

    /** The number of records appended so far. */
    long size();

    /**
     * Appends records after the current last one, in order. They need not be durable until {@link
     * #force()}.
     *
     * @param records the records
     * @throws io.remotebank.core.StorageException when they cannot be written; what was written of
     *     them is not counted in {@link #size()}
     */
    void append(List<byte[]> records);

    /**
     * Makes every appended record durable (fsync or its equivalent).
     *
     * @throws io.remotebank.core.StorageException when it cannot
     */
    void force();

    /**
     * Reads records.
     *
     * @param from the first sequence number
     * @param max at most this many
     * @return the records from {@code from}, fewer than {@code max} at the end
     */
    List<byte[]> read(long from, int max);

    /**
     * Appends a checkpoint and makes it durable before returning.
     *
     * @param checkpoint the checkpoint (one JSON line)
     */
    void appendCheckpoint(byte[] checkpoint);

    /** Every checkpoint, oldest first. */
    List<byte[]> checkpoints();

    /**
     * What opening the store had to repair or ignore, e.g. a torn last record left by a crash.
     *
     * @return a description, or empty when the store opened cleanly
     */
    default Optional<String> recoveryNote() {
        return Optional.empty();
    }

    /**
     * Sequence numbers of records whose framing check failed (damaged or altered on disk), for a
     * store opened to be verified. A store opened for writing refuses such damage instead.
     *
     * @return the sequence numbers, ascending
     */
    default List<Long> damagedRecords() {
        return List.of();
    }

    /** Releases the store's resources. */
    @Override
    void close();
}
