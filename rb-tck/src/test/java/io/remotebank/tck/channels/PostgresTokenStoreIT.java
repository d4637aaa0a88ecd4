package io.remotebank.tck.channels;

import io.remotebank.channels.wechat.spi.TokenStore;
import io.remotebank.channels.wechat.token.TokenStores;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.postgresql.ds.PGSimpleDataSource;

/** rb-channels-wechat's JDBC token store on a real PostgreSQL server ({@link TckPostgres}) passes the kit, two instances on one table standing for two nodes. */
class PostgresTokenStoreIT extends TokenStoreContract {

    private String table;
    private PGSimpleDataSource dataSource;

    @Override
    protected TokenStore newStore() {
        table = TckPostgres.requireAndNameTable();
        dataSource = TckPostgres.dataSource();
        return TokenStores.jdbc(dataSource, table);
    }

    @Override
    protected TokenStore sameDataElsewhere() {
        return TokenStores.jdbc(dataSource, table);
    }

    @AfterEach
    void dropTable() throws SQLException {
        TckPostgres.drop(table);
    }
}
