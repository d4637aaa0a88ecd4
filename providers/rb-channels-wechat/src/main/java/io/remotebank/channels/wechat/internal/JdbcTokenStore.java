package io.remotebank.channels.wechat.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.channels.wechat.WeChatError;
import io.remotebank.channels.wechat.WeChatException;
import io.remotebank.channels.wechat.spi.TokenStore;
import io.remotebank.channels.wechat.token.AccessToken;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.apiguardian.api.API;

/**
 * The token store in a database every node shares (H2, PostgreSQL). Each operation is one
 * auto-committed statement whose {@code WHERE} clause is the compare-and-set: the lease is taken only
 * where no live lease is held, a token published only where the holder still holds the lease, a token
 * invalidated only where it is still the current one.
 */
@API(status = INTERNAL, since = "0.1")
public final class JdbcTokenStore implements TokenStore {

    private final DataSource dataSource;
    private final String table;

    /**
     * Creates the store and its table if missing.
     *
     * @param dataSource the database
     * @param table the table name (checked by the caller)
     */
    public JdbcTokenStore(DataSource dataSource, String table) {
        this.dataSource = dataSource;
        this.table = table;
        run("create table if not exists " + table + " (app_id varchar(128) primary key, token varchar(2048),"
                + " expires_at bigint, lease_holder varchar(128), lease_until bigint)");
    }

    private void run(String sql) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw failed("create the token table", e);
        }
    }

    private static WeChatException failed(String what, SQLException e) {
        return new WeChatException(
                WeChatError.TOKEN_STORE_FAILED, "could not " + what + " (SQLState " + e.getSQLState() + ")", e);
    }

    @Override
    public Optional<AccessToken> read(String appId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select token, expires_at from " + table + " where app_id = ? and token is not null")) {
            s.setString(1, appId);
            try (ResultSet r = s.executeQuery()) {
                return r.next()
                        ? Optional.of(new AccessToken(r.getString(1), Instant.ofEpochMilli(r.getLong(2))))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed("read the token", e);
        }
    }

    @Override
    public boolean tryLease(String appId, String holder, Instant now, Instant until) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("insert into " + table
                    + " (app_id) select ? where not exists (select 1 from " + table + " where app_id = ?)")) {
                insert.setString(1, appId);
                insert.setString(2, appId);
                insert.executeUpdate();
            } catch (SQLException e) {
                // Another node inserted the row at the same moment: the update below decides.
                if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                    throw e;
                }
            }
            try (PreparedStatement update = c.prepareStatement("update " + table
                    + " set lease_holder = ?, lease_until = ? where app_id = ?"
                    + " and (lease_holder is null or lease_until <= ?)")) {
                update.setString(1, holder);
                update.setLong(2, until.toEpochMilli());
                update.setString(3, appId);
                update.setLong(4, now.toEpochMilli());
                return update.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw failed("take the refresh lease", e);
        }
    }

    @Override
    public boolean publish(String appId, String holder, AccessToken token) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("update " + table
                        + " set token = ?, expires_at = ?, lease_holder = null, lease_until = null"
                        + " where app_id = ? and lease_holder = ?")) {
            s.setString(1, token.value());
            s.setLong(2, token.expiresAt().toEpochMilli());
            s.setString(3, appId);
            s.setString(4, holder);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failed("publish the token", e);
        }
    }

    @Override
    public void release(String appId, String holder) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("update " + table
                        + " set lease_holder = null, lease_until = null where app_id = ? and lease_holder = ?")) {
            s.setString(1, appId);
            s.setString(2, holder);
            s.executeUpdate();
        } catch (SQLException e) {
            throw failed("release the refresh lease", e);
        }
    }

    @Override
    public boolean invalidate(String appId, String value) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "update " + table + " set expires_at = 0 where app_id = ? and token = ? and expires_at > 0")) {
            s.setString(1, appId);
            s.setString(2, value);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failed("invalidate the token", e);
        }
    }

    @Override
    public String toString() {
        return "JdbcTokenStore[" + table + "]";
    }
}
