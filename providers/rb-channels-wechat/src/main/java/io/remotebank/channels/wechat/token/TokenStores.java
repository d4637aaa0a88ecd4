package io.remotebank.channels.wechat.token;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.wechat.WeChatError;
import io.remotebank.channels.wechat.internal.InMemoryTokenStore;
import io.remotebank.channels.wechat.internal.JdbcTokenStore;
import io.remotebank.channels.wechat.spi.TokenStore;
import io.remotebank.core.Arguments;
import io.remotebank.core.ValidationException;
import javax.sql.DataSource;
import org.apiguardian.api.API;

/** The token stores that come with the module. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TokenStores {

    /** The default table of {@link #jdbc(DataSource)}. */
    public static final String DEFAULT_TABLE = "rb_wechat_token";

    private TokenStores() {}

    /**
     * A store for one process (several {@link AccessTokens} of the process share it).
     *
     * @return the store
     */
    public static TokenStore inMemory() {
        return new InMemoryTokenStore();
    }

    /**
     * A store in a database that every node shares, in table {@value #DEFAULT_TABLE}, created if
     * missing.
     *
     * @param dataSource the database (PostgreSQL, H2)
     * @return the store
     * @throws io.remotebank.channels.wechat.WeChatException with {@link WeChatError#TOKEN_STORE_FAILED}
     *     when the table cannot be created
     */
    public static TokenStore jdbc(DataSource dataSource) {
        return jdbc(dataSource, DEFAULT_TABLE);
    }

    /**
     * A store in a database that every node shares, in a table of your naming.
     *
     * @param dataSource the database
     * @param table 1-63 characters of {@code a-z 0-9 _}, starting with a letter
     * @return the store
     */
    public static TokenStore jdbc(DataSource dataSource, String table) {
        Arguments.notNull(dataSource, "data source");
        Arguments.notNull(table, "table");
        if (!table.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new ValidationException(
                    WeChatError.CONFIG_INVALID, "table must be 1-63 characters of a-z 0-9 _, starting with a letter");
        }
        return new JdbcTokenStore(dataSource, table);
    }
}
