package io.remotebank.tck.core;

import io.remotebank.core.audit.CheckpointWitnesses;
import io.remotebank.core.spi.CheckpointWitness;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** rb-core's embedded checkpoint witnesses pass the kit: in memory, a file, and JDBC on H2. */
class EmbeddedCheckpointWitnessesTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Nested
    class InMemory extends CheckpointWitnessContract {
        @Override
        protected CheckpointWitness newWitness() {
            return CheckpointWitnesses.inMemory();
        }
    }

    // tag::kit[]
    @Nested
    class File extends CheckpointWitnessContract {
        @TempDir
        Path dir;

        @Override
        protected CheckpointWitness newWitness() {
            return CheckpointWitnesses.file(dir.resolve("witness.log"));
        }

        @Override
        protected Optional<CheckpointWitness> reopen(CheckpointWitness old) {
            old.close();
            return Optional.of(CheckpointWitnesses.file(dir.resolve("witness.log")));
        }
    }
    // end::kit[]

    @Nested
    class H2InMemory extends CheckpointWitnessContract {
        @Override
        protected CheckpointWitness newWitness() {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:witness_" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
            return CheckpointWitnesses.jdbc(h2, "audit_witness");
        }
    }

    @Nested
    class H2File extends CheckpointWitnessContract {
        @TempDir
        Path dir;

        private JdbcDataSource dataSource() {
            JdbcDataSource h2 = new JdbcDataSource();
            // Kept open between connections, as a pool would; reopen shuts it down for real.
            h2.setURL("jdbc:h2:file:" + dir.resolve("witness").toAbsolutePath() + ";DB_CLOSE_DELAY=-1");
            return h2;
        }

        @Override
        protected CheckpointWitness newWitness() {
            return CheckpointWitnesses.jdbc(dataSource(), "audit_witness");
        }

        @Override
        protected Optional<CheckpointWitness> reopen(CheckpointWitness old) {
            old.close();
            shutDown();
            return Optional.of(CheckpointWitnesses.jdbc(dataSource(), "audit_witness"));
        }

        @AfterEach
        void shutDown() {
            try (Connection c = dataSource().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot shut H2 down", e);
            }
        }
    }
}
