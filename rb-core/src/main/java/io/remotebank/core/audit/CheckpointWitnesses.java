package io.remotebank.core.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.internal.audit.FileCheckpointWitness;
import io.remotebank.core.internal.audit.JdbcCheckpointWitness;
import io.remotebank.core.internal.audit.MemoryCheckpointWitness;
import io.remotebank.core.spi.CheckpointWitness;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.apiguardian.api.API;

/**
 * The embedded {@link CheckpointWitness} implementations. A witness is worth what its location is
 * worth: put the file on a volume, or the table in a database, that the trail's writer can append
 * to but not rewrite (docs/audit.md, "Witness").
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CheckpointWitnesses {

    private CheckpointWitnesses() {}

    /**
     * Witnessed checkpoints in memory, lost with the process: for tests and demos only.
     *
     * @return the witness
     */
    public static CheckpointWitness inMemory() {
        return new MemoryCheckpointWitness();
    }

    /**
     * A witness file to publish to: one checkpoint per line, forced to disk on each publication;
     * one process writes it. Opening cuts off a torn last line left by a crash.
     *
     * @param file the file (created when missing)
     * @return the witness
     * @throws io.remotebank.core.StorageException when it cannot be opened, is damaged, or is
     *     written by another process
     */
    public static CheckpointWitness file(Path file) {
        return FileCheckpointWitness.open(file);
    }

    /**
     * A witness file opened to verify against, changing nothing; each read sees what is on disk then.
     *
     * @param file the file
     * @return the witness (it refuses to publish)
     * @throws io.remotebank.core.StorageException when there is no such file
     */
    public static CheckpointWitness fileReadOnly(Path file) {
        return FileCheckpointWitness.openReadOnly(file);
    }

    /**
     * A witness table in a JDBC database (plain SQL: H2, PostgreSQL and most others), created when
     * missing. The application brings the driver and the {@link DataSource}; grant the trail's
     * writer {@code INSERT} and {@code SELECT} on the table only.
     *
     * @param dataSource the database
     * @param table the table name, optionally {@code schema.name}: letters, digits and '_'
     * @return the witness
     * @throws io.remotebank.core.ValidationException for a bad table name
     * @throws io.remotebank.core.StorageException when the database cannot be reached
     */
    public static CheckpointWitness jdbc(DataSource dataSource, String table) {
        return JdbcCheckpointWitness.open(dataSource, table);
    }
}
