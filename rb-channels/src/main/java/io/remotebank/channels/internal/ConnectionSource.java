package io.remotebank.channels.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.sql.DataSource;
import org.apiguardian.api.API;

/** Where the JDBC outbox gets its connections: an application's data source, or a small pool. */
@API(status = INTERNAL, since = "0.1")
public interface ConnectionSource extends AutoCloseable {

    /**
     * A connection in auto-commit mode.
     *
     * @return the connection
     * @throws SQLException when none can be had
     */
    Connection acquire() throws SQLException;

    /**
     * Gives a connection back.
     *
     * @param connection the connection
     * @param broken whether it failed, so it must not be reused
     */
    void release(Connection connection, boolean broken);

    @Override
    void close();

    /**
     * Connections from a data source (the application's pool): each is closed after use.
     *
     * @param dataSource the data source
     * @return the source
     */
    static ConnectionSource of(DataSource dataSource) {
        return new ConnectionSource() {
            @Override
            public Connection acquire() throws SQLException {
                Connection c = dataSource.getConnection();
                c.setAutoCommit(true);
                return c;
            }

            @Override
            public void release(Connection connection, boolean broken) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // nothing to do: the pool owns it
                }
            }

            @Override
            public void close() {}
        };
    }

    /**
     * A small pool over {@link DriverManager}: idle connections are kept (up to 8) and reused; one
     * connection stays open for as long as the source does, so an embedded database stays open.
     *
     * @param url the JDBC URL
     * @param user the user, or null
     * @param password the password, or null
     * @return the source
     */
    static ConnectionSource pooled(String url, String user, String password) {
        return new Pooled(url, user, password);
    }

    /** The pool behind {@link #pooled}. */
    @API(status = INTERNAL, since = "0.1")
    final class Pooled implements ConnectionSource {
        private static final int MAX_IDLE = 8;
        private final String url;
        private final String user;
        private final String password;
        private final Deque<Connection> idle = new ArrayDeque<>();
        private boolean closed;

        Pooled(String url, String user, String password) {
            this.url = url;
            this.user = user;
            this.password = password;
        }

        @Override
        public Connection acquire() throws SQLException {
            synchronized (this) {
                if (closed) {
                    throw new SQLException("the outbox store is closed");
                }
                Connection c = idle.pollFirst();
                if (c != null) {
                    return c;
                }
            }
            Connection c =
                    user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
            c.setAutoCommit(true);
            return c;
        }

        @Override
        public void release(Connection connection, boolean broken) {
            synchronized (this) {
                if (!broken && !closed && idle.size() < MAX_IDLE) {
                    idle.addFirst(connection);
                    return;
                }
            }
            quietlyClose(connection);
        }

        @Override
        public void close() {
            Deque<Connection> toClose;
            synchronized (this) {
                closed = true;
                toClose = new ArrayDeque<>(idle);
                idle.clear();
            }
            toClose.forEach(Pooled::quietlyClose);
        }

        private static void quietlyClose(Connection c) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing is best effort
            }
        }
    }
}
