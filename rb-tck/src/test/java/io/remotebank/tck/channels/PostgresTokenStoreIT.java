package io.remotebank.tck.channels;

import io.remotebank.channels.wechat.spi.TokenStore;
import io.remotebank.channels.wechat.token.TokenStores;
import io.remotebank.testsupport.PeerPolicy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * rb-channels-wechat's JDBC token store on a real PostgreSQL server passes the kit, two instances on
 * one table standing for two nodes: the server {@code .ci/run} starts (127.0.0.1:5432, database rbtest,
 * role rb; {@code RB_PG_HOST}, {@code RB_PG_PORT}, {@code RB_PG_URL}, {@code RB_PG_USER}, {@code
 * RB_PG_PASSWORD} override). Skipped without one, failed with {@code RB_REQUIRE_PEERS=1}.
 */
class PostgresTokenStoreIT extends TokenStoreContract {

    private static final String HOST = env("RB_PG_HOST", "127.0.0.1");
    private static final int PORT = Integer.parseInt(env("RB_PG_PORT", "5432"));
    private static final String URL = env("RB_PG_URL", "jdbc:postgresql://" + HOST + ":" + PORT + "/rbtest");
    private static final String USER = env("RB_PG_USER", "rb");
    private static final String PASSWORD = env("RB_PG_PASSWORD", "rb");

    private String table;
    private PGSimpleDataSource dataSource;

    private static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v;
    }

    @Override
    protected TokenStore newStore() {
        PeerPolicy policy = PeerPolicy.fromEnvironment();
        policy.requireTcpServer("PostgreSQL (Debian package postgresql)", HOST, PORT, 2000);
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
            c.isValid(2);
        } catch (SQLException e) {
            policy.missing("PostgreSQL refused role " + USER + " on " + URL
                    + " (.ci/run creates role rb and database rbtest): " + e.getMessage());
        }
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(URL);
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
        table = "tck_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return TokenStores.jdbc(dataSource, table);
    }

    @Override
    protected TokenStore sameDataElsewhere() {
        return TokenStores.jdbc(dataSource, table);
    }

    @AfterEach
    void dropTable() throws SQLException {
        if (table != null) {
            try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
                    Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }
}
