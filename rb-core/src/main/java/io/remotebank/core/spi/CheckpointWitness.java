package io.remotebank.core.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.audit.Checkpoint;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Keeps a copy of each signed audit checkpoint somewhere the trail's writer cannot rewrite: another
 * machine's disk, a database the writer may only insert into, an append-only or WORM volume. A
 * trail's own checkpoints live beside its records, so whoever can rewrite the records can also
 * remove the last checkpoints together with the records they cover (a rollback), and the trail
 * still verifies by itself. A witnessed checkpoint that the trail no longer holds, or that the
 * trail's records no longer match, shows that rollback ({@code AuditVerifier.witnessedBy}).
 *
 * <p>The trail publishes every checkpoint it makes, off its append path. Embedded defaults: {@code
 * CheckpointWitnesses.file(path)} and {@code CheckpointWitnesses.jdbc(dataSource, table)}. An
 * implementation proves itself by extending {@code io.remotebank.tck.core.CheckpointWitnessContract}
 * from rb-tck.
 *
 * <p>The rules: the witness is append-only. A checkpoint smaller than the latest one witnessed, or
 * of the same size with another root, is refused with an {@code AuditException} of code {@code
 * core.audit.tampered} and changes nothing; publishing the latest one again changes nothing.
 * Thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface CheckpointWitness extends AutoCloseable {

    /**
     * Records a checkpoint; it is durable when this returns.
     *
     * @param checkpoint a signed checkpoint
     * @throws io.remotebank.core.AuditException with {@code core.audit.tampered} when the checkpoint
     *     would go back on what was witnessed (smaller, or another root at the same size)
     * @throws io.remotebank.core.StorageException when it cannot be stored; nothing is stored then
     */
    void publish(Checkpoint checkpoint);

    /**
     * Every witnessed checkpoint, smallest first, each exactly as published.
     *
     * @return the checkpoints
     * @throws io.remotebank.core.StorageException when they cannot be read
     */
    List<Checkpoint> checkpoints();

    /**
     * The largest witnessed checkpoint.
     *
     * @return it, or empty when nothing was witnessed yet
     * @throws io.remotebank.core.StorageException when it cannot be read
     */
    default Optional<Checkpoint> latest() {
        List<Checkpoint> all = checkpoints();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * Where the witness keeps checkpoints, for messages (a path, a table; never a password).
     *
     * @return the description
     */
    default String description() {
        return getClass().getSimpleName();
    }

    /** Releases the witness's resources; the default does nothing. */
    @Override
    default void close() {}
}
