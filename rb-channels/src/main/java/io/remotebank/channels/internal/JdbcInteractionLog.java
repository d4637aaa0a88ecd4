package io.remotebank.channels.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.channels.Address;
import io.remotebank.channels.ChannelsError;
import io.remotebank.channels.ChannelsException;
import io.remotebank.channels.spi.InteractionLog;
import io.remotebank.core.Arguments;
import io.remotebank.core.ValidationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apiguardian.api.API;

/**
 * The interaction log in a database every node shares (H2, PostgreSQL): one row per address, its last
 * interaction in epoch milliseconds. Each write is auto-committed statements whose {@code WHERE}
 * clause keeps the later time, so that nodes recording at once never move an address's time back:
 * an update that only raises the time, else an insert where no row exists; an insert that loses the
 * race to another node's (unique violation) is followed by the raising update once more.
 */
@API(status = INTERNAL, since = "0.1")
public final class JdbcInteractionLog implements InteractionLog {

    private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final String UNIQUE_VIOLATION_CLASS = "23";

    private final DataSource dataSource;
    private final String table;

    /**
     * Creates the log and its table if missing.
     *
     * @param dataSource the database
     * @param table 1-40 characters of a-z 0-9 _ starting with a letter
     */
    public JdbcInteractionLog(DataSource dataSource, String table) {
        this.dataSource = Arguments.notNull(dataSource, "data source");
        Arguments.notNull(table, "table");
        if (!TABLE.matcher(table).matches()) {
            throw new ValidationException(
                    ChannelsError.ARGUMENT_INVALID,
                    "the table name is 1-40 characters of a-z 0-9 _, starting with a letter");
        }
        this.table = table;
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            // An address key is at most "mini-program:" + 64 + ":" + 128 characters.
            s.execute("create table if not exists " + table
                    + " (address varchar(256) primary key, last_at bigint not null)");
        } catch (SQLException e) {
            throw failed("create the interaction table", e);
        }
    }

    private static ChannelsException failed(String what, SQLException e) {
        return new ChannelsException(
                ChannelsError.STORE_FAILED,
                "interaction log: could not " + what + " (SQLState " + e.getSQLState() + ")",
                e);
    }

    @Override
    public void record(Address address, Instant at) {
        Arguments.notNull(address, "address");
        Arguments.notNull(at, "at");
        String key = address.key();
        long millis = at.toEpochMilli();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (raise(c, key, millis)) {
                return;
            }
            try (PreparedStatement insert = c.prepareStatement("insert into " + table
                    + " (address, last_at) select ?, ? where not exists (select 1 from " + table
                    + " where address = ?)")) {
                insert.setString(1, key);
                insert.setLong(2, millis);
                insert.setString(3, key);
                insert.executeUpdate();
                // 0 rows: the row exists with this time or a later one; nothing to do.
            } catch (SQLException e) {
                if (e.getSQLState() == null || !e.getSQLState().startsWith(UNIQUE_VIOLATION_CLASS)) {
                    throw e;
                }
                // Another node inserted the row between our two statements: raise it if ours is later.
                raise(c, key, millis);
            }
        } catch (SQLException e) {
            throw failed("record an interaction", e);
        }
    }

    private boolean raise(Connection c, String key, long millis) throws SQLException {
        try (PreparedStatement update =
                c.prepareStatement("update " + table + " set last_at = ? where address = ? and last_at < ?")) {
            update.setLong(1, millis);
            update.setString(2, key);
            update.setLong(3, millis);
            return update.executeUpdate() == 1;
        }
    }

    @Override
    public Optional<Instant> lastInteraction(Address address) {
        Arguments.notNull(address, "address");
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select last_at from " + table + " where address = ?")) {
            s.setString(1, address.key());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(Instant.ofEpochMilli(r.getLong(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed("read an interaction", e);
        }
    }

    @Override
    public String toString() {
        return "JdbcInteractionLog[" + table + "]";
    }
}
