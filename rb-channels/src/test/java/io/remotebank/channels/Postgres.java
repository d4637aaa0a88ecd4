package io.remotebank.channels;

import io.remotebank.channels.outbox.OutboxStores;
import io.remotebank.channels.spi.OutboxStore;
import io.remotebank.testsupport.PeerPolicy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostgreSQL server the integration tests use: {@code RB_PG_URL}, {@code RB_PG_USER}, {@code
 * RB_PG_PASSWORD}, by default the one {@code .ci/run} sets up (127.0.0.1:5432, database rbtest, role
 * rb). Missing, the test is skipped, or fails with {@code RB_REQUIRE_PEERS=1}.
 */
final class Postgres {

    static final String HOST = env("RB_PG_HOST", "127.0.0.1");
    static final int PORT = Integer.parseInt(env("RB_PG_PORT", "5432"));
    static final String URL = env("RB_PG_URL", "jdbc:postgresql://" + HOST + ":" + PORT + "/rbtest");
    static final String USER = env("RB_PG_USER", "rb");
    static final String PASSWORD = env("RB_PG_PASSWORD", "rb");

    private Postgres() {}

    private static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v;
    }

    /** Skips or fails the current test unless the server accepts our role. */
    static void require() {
        PeerPolicy policy = PeerPolicy.fromEnvironment();
        policy.requireTcpServer("PostgreSQL (Debian package postgresql)", HOST, PORT, 2000);
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
            c.isValid(2);
        } catch (SQLException e) {
            policy.missing("PostgreSQL at " + HOST + ":" + PORT + " refused role " + USER + " on " + URL
                    + " (.ci/run creates role rb and database rbtest): " + e.getMessage());
        }
    }

    /** A fresh table name, so that runs never see each other's rows. */
    static String freshTable() {
        return "it_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }

    static OutboxStore store(String table) {
        return OutboxStores.jdbc(URL, USER, PASSWORD, table);
    }

    static List<String> storeArgs(String table) {
        return List.of("jdbc", URL, USER, PASSWORD, table);
    }

    static void drop(String table) {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
        } catch (SQLException e) {
            // the table is left behind; its name is unique
        }
    }
}
