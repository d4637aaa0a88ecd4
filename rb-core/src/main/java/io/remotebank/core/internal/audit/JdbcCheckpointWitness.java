package io.remotebank.core.internal.audit;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.AuditException;
import io.remotebank.core.CoreError;
import io.remotebank.core.StorageException;
import io.remotebank.core.ValidationException;
import io.remotebank.core.audit.Checkpoint;
import io.remotebank.core.spi.CheckpointWitness;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apiguardian.api.API;

/**
 * The JDBC witness: one row per checkpoint in a table of its own, in plain SQL that H2 and
 * PostgreSQL (and most databases) accept. The database, not this class, is what the trail's writer
 * cannot rewrite: give the writer's database role {@code INSERT} and {@code SELECT} on the table
 * and nothing else. The size is the primary key, so two publishers can never store two roots for
 * one size.
 *
 * <pre>
 * CREATE TABLE witness (size BIGINT PRIMARY KEY, root VARCHAR(128) NOT NULL,
 *                       checkpoint VARCHAR(4000) NOT NULL, witnessed_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)
 * </pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class JdbcCheckpointWitness implements CheckpointWitness {

    private static final Pattern TABLE =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");
    private static final int QUERY_TIMEOUT_SECONDS = 30;

    private final DataSource dataSource;
    private final String table;

    private JdbcCheckpointWitness(DataSource dataSource, String table) {
        this.dataSource = dataSource;
        this.table = table;
    }

    /**
     * Opens a witness over a table, creating the table when it does not exist.
     *
     * @param dataSource the database
     * @param table the table: a name, optionally schema-qualified, of letters, digits and '_'
     * @return the witness
     * @throws ValidationException with {@link CoreError#ARGUMENT_INVALID} for a bad table name
     * @throws StorageException when the database cannot be reached or the table created
     */
    public static JdbcCheckpointWitness open(DataSource dataSource, String table) {
        Arguments.notNull(dataSource, "dataSource");
        Arguments.notBlank(table, "table");
        if (!TABLE.matcher(table).matches()) {
            throw new ValidationException(
                    CoreError.ARGUMENT_INVALID,
                    "table must be a name of letters, digits and '_' (optionally schema.name), got " + table);
        }
        JdbcCheckpointWitness witness = new JdbcCheckpointWitness(dataSource, table);
        witness.createTableIfMissing();
        return witness;
    }

    @Override
    public void publish(Checkpoint checkpoint) {
        Arguments.notNull(checkpoint, "checkpoint");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (!WitnessRule.admit(latest(c), checkpoint, description())) {
                return;
            }
            try (PreparedStatement insert =
                    c.prepareStatement("INSERT INTO " + table + " (size, root, checkpoint) VALUES (?, ?, ?)")) {
                insert.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                insert.setLong(1, checkpoint.size());
                insert.setString(2, checkpoint.root());
                insert.setString(3, checkpoint.toJson());
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!isUniqueViolation(e)) {
                    throw e;
                }
                // Another publisher stored this size first: the same checkpoint is fine, another root is not.
                WitnessRule.admit(Optional.of(at(c, checkpoint.size())), checkpoint, description());
            }
        } catch (SQLException e) {
            throw failed("cannot publish the checkpoint at size " + checkpoint.size(), e);
        }
    }

    @Override
    public List<Checkpoint> checkpoints() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT checkpoint FROM " + table + " ORDER BY size")) {
            select.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            List<Checkpoint> out = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    out.add(parse(rows.getString(1)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failed("cannot read the witnessed checkpoints", e);
        }
    }

    @Override
    public Optional<Checkpoint> latest() {
        try (Connection c = dataSource.getConnection()) {
            return latest(c);
        } catch (SQLException e) {
            throw failed("cannot read the latest witnessed checkpoint", e);
        }
    }

    @Override
    public String description() {
        return "the witness table " + table;
    }

    private Optional<Checkpoint> latest(Connection c) throws SQLException {
        try (PreparedStatement select =
                c.prepareStatement("SELECT checkpoint FROM " + table + " ORDER BY size DESC FETCH FIRST 1 ROWS ONLY")) {
            select.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(parse(rows.getString(1))) : Optional.empty();
            }
        }
    }

    private Checkpoint at(Connection c, long size) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT checkpoint FROM " + table + " WHERE size = ?")) {
            select.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            select.setLong(1, size);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("the row of size " + size + " vanished from " + table);
                }
                return parse(rows.getString(1));
            }
        }
    }

    private Checkpoint parse(String json) {
        try {
            return Checkpoint.parse(json);
        } catch (AuditException e) {
            throw new StorageException(
                    CoreError.STORAGE_CORRUPT, description() + " holds a row that is not a checkpoint", e);
        }
    }

    private void createTableIfMissing() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (exists(c)) {
                return;
            }
            try (Statement s = c.createStatement()) {
                s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                s.execute("CREATE TABLE " + table + " (size BIGINT PRIMARY KEY, root VARCHAR(128) NOT NULL,"
                        + " checkpoint VARCHAR(4000) NOT NULL, witnessed_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)");
            } catch (SQLException e) {
                if (!exists(c)) { // another process may have created it meanwhile
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw failed("cannot create " + table, e);
        }
    }

    /** Asks the table itself rather than the catalogue, whose case rules differ between databases. */
    private boolean exists(Connection c) {
        try (Statement s = c.createStatement()) {
            s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            s.executeQuery("SELECT size FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        // SQL:2011 class 23, integrity constraint violation; 23505 is the unique violation.
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    private StorageException failed(String what, SQLException e) {
        return new StorageException(CoreError.STORAGE_FAILED, description() + ": " + what + ": " + e.getMessage(), e);
    }
}
