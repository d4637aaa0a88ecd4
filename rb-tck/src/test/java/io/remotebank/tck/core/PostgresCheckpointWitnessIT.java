package io.remotebank.tck.core;

import io.remotebank.core.audit.CheckpointWitnesses;
import io.remotebank.core.spi.CheckpointWitness;
import io.remotebank.testsupport.PeerPolicy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * rb-core's JDBC checkpoint witness on a real PostgreSQL server passes the kit: the server {@code
 * .ci/run} starts (127.0.0.1:5432, database rbtest, role rb; {@code RB_PG_HOST}, {@code RB_PG_PORT},
 * {@code RB_PG_DATABASE}, {@code RB_PG_USER}, {@code RB_PG_PASSWORD} override). Skipped without one,
 * failed with {@code RB_REQUIRE_PEERS=1}.
 */
class PostgresCheckpointWitnessIT extends CheckpointWitnessContract {

    private static final String HOST = env("RB_PG_HOST", "127.0.0.1");
    private static final int PORT = Integer.parseInt(env("RB_PG_PORT", "5432"));
    private static final String DATABASE = env("RB_PG_DATABASE", "rbtest");
    private static final String USER = env("RB_PG_USER", "rb");
    private static final String PASSWORD = env("RB_PG_PASSWORD", "rb");

    private String table;

    private static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v;
    }

    private static PGSimpleDataSource dataSource() {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setServerNames(new String[] {HOST});
        pg.setPortNumbers(new int[] {PORT});
        pg.setDatabaseName(DATABASE);
        pg.setUser(USER);
        pg.setPassword(PASSWORD);
        pg.setConnectTimeout(5);
        return pg;
    }

    @Override
    protected CheckpointWitness newWitness() {
        PeerPolicy policy = PeerPolicy.fromEnvironment();
        policy.requireTcpServer("PostgreSQL (Debian package postgresql)", HOST, PORT, 2000);
        try (Connection c = dataSource().getConnection()) {
            c.isValid(2);
        } catch (SQLException e) {
            policy.missing("PostgreSQL refused role " + USER + " on " + HOST + ":" + PORT + "/" + DATABASE
                    + " (.ci/run creates role rb and database rbtest): " + e.getMessage());
        }
        table = "tck_witness_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return CheckpointWitnesses.jdbc(dataSource(), table);
    }

    @Override
    protected Optional<CheckpointWitness> reopen(CheckpointWitness old) {
        old.close();
        return Optional.of(CheckpointWitnesses.jdbc(dataSource(), table));
    }

    @AfterEach
    void dropTable() throws SQLException {
        if (table != null) {
            try (Connection c = dataSource().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }
}
