package io.remotebank.channels.outbox;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.ChannelsError;
import io.remotebank.channels.internal.ConnectionSource;
import io.remotebank.channels.internal.JdbcOutboxStore;
import io.remotebank.channels.spi.OutboxStore;
import io.remotebank.core.Arguments;
import io.remotebank.core.ValidationException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.apiguardian.api.API;

/**
 * The SDK's outbox stores: one JDBC implementation (plain {@code java.sql}, one table) on the
 * embedded H2 database or on any database the application connects to (tested on PostgreSQL).
 *
 * <p>Each creates its table and indexes when they are missing. H2 is an optional dependency of
 * rb-channels: an application that uses {@link #h2(Path)} adds {@code com.h2database:h2}; one that
 * uses PostgreSQL adds {@code org.postgresql:postgresql} and its connection pool.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class OutboxStores {

    /** The table name unless one is given. */
    public static final String DEFAULT_TABLE = "rb_channels_outbox";

    private OutboxStores() {}

    /**
     * The embedded default: an H2 database in a file, for one process. Every write is on disk when
     * the call returns (H2's {@code WRITE_DELAY=0}), so a crash loses nothing {@code send} accepted.
     *
     * @param file the database file without H2's {@code .mv.db} suffix, e.g. {@code data/outbox}
     * @return the store; close it when done
     */
    public static OutboxStore h2(Path file) {
        Arguments.notNull(file, "file");
        String path = file.toAbsolutePath().toString();
        if (path.contains(";")) {
            throw new ValidationException(ChannelsError.ARGUMENT_INVALID, "an H2 file path cannot contain ';'");
        }
        return new JdbcOutboxStore(
                ConnectionSource.pooled("jdbc:h2:file:" + path + ";WRITE_DELAY=0", null, null),
                DEFAULT_TABLE,
                "H2 file " + file.getFileName());
    }

    /**
     * An H2 database in memory: gone when the store is closed. For tests and demos.
     *
     * @param name the database's name in this JVM, 1-40 characters of a-z 0-9 _
     * @return the store; close it when done
     */
    public static OutboxStore h2InMemory(String name) {
        Arguments.notNull(name, "name");
        if (!name.matches("[a-z0-9_]{1,40}")) {
            throw new ValidationException(
                    ChannelsError.ARGUMENT_INVALID, "an in-memory database name is 1-40 characters of a-z 0-9 _");
        }
        return new JdbcOutboxStore(
                ConnectionSource.pooled("jdbc:h2:mem:" + name, null, null), DEFAULT_TABLE, "H2 in memory " + name);
    }

    /**
     * A store over the application's data source (its connection pool), in {@value #DEFAULT_TABLE}.
     *
     * @param dataSource the data source
     * @return the store; closing it leaves the data source open
     */
    public static OutboxStore jdbc(DataSource dataSource) {
        return jdbc(dataSource, DEFAULT_TABLE);
    }

    /**
     * A store over the application's data source in a table of its choice.
     *
     * @param dataSource the data source
     * @param table the table, 1-40 characters of a-z 0-9 _ starting with a letter
     * @return the store; closing it leaves the data source open
     */
    public static OutboxStore jdbc(DataSource dataSource, String table) {
        Arguments.notNull(dataSource, "data source");
        return new JdbcOutboxStore(
                ConnectionSource.of(dataSource),
                table,
                "data source " + dataSource.getClass().getSimpleName());
    }

    /**
     * A store over a JDBC URL, with a small pool of its own (up to 8 idle connections), for
     * applications without a pool. The driver must be on the class or module path.
     *
     * @param url e.g. {@code jdbc:postgresql://127.0.0.1:5432/bank}
     * @param user the user
     * @param password the password (never logged)
     * @param table the table, 1-40 characters of a-z 0-9 _ starting with a letter
     * @return the store; close it when done
     */
    public static OutboxStore jdbc(String url, String user, String password, String table) {
        Arguments.notBlank(url, "url");
        Arguments.notNull(user, "user");
        Arguments.notNull(password, "password");
        String shown = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        return new JdbcOutboxStore(ConnectionSource.pooled(url, user, password), table, shown);
    }
}
