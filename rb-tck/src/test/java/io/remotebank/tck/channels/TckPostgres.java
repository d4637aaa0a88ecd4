package io.remotebank.tck.channels;

import io.remotebank.testsupport.PeerPolicy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL server the channels kits run on: the one {@code .ci/run} starts (127.0.0.1:5432,
 * database rbtest, role rb; {@code RB_PG_HOST}, {@code RB_PG_PORT}, {@code RB_PG_URL}, {@code
 * RB_PG_USER}, {@code RB_PG_PASSWORD} override). Each kit run gets a table of its own, dropped after
 * it. Without a server the test is skipped, or fails with {@code RB_REQUIRE_PEERS=1}.
 */
final class TckPostgres {

    static final String HOST = env("RB_PG_HOST", "127.0.0.1");
    static final int PORT = Integer.parseInt(env("RB_PG_PORT", "5432"));
    static final String URL = env("RB_PG_URL", "jdbc:postgresql://" + HOST + ":" + PORT + "/rbtest");
    static final String USER = env("RB_PG_USER", "rb");
    static final String PASSWORD = env("RB_PG_PASSWORD", "rb");

    private TckPostgres() {}

    private static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v;
    }

    /**
     * Skips or fails the current test unless the server accepts our role, then names a fresh table.
     *
     * @return a table name no other run uses
     */
    static String requireAndNameTable() {
        PeerPolicy policy = PeerPolicy.fromEnvironment();
        policy.requireTcpServer("PostgreSQL (Debian package postgresql)", HOST, PORT, 2000);
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
            c.isValid(2);
        } catch (SQLException e) {
            policy.missing("PostgreSQL refused role " + USER + " on " + URL
                    + " (.ci/run creates role rb and database rbtest): " + e.getMessage());
        }
        return "tck_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static PGSimpleDataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(URL);
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
        return dataSource;
    }

    /** Drops a kit run's table; a null name (the run was skipped before naming one) does nothing. */
    static void drop(String table) throws SQLException {
        if (table != null) {
            try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
                    Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }
}
