package io.remotebank.tck.channels;

import io.remotebank.channels.policy.InteractionLogs;
import io.remotebank.channels.spi.InteractionLog;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.postgresql.ds.PGSimpleDataSource;

/** rb-channels' JDBC interaction log on a real PostgreSQL server ({@link TckPostgres}) passes the kit, two instances on one table standing for two nodes. */
class PostgresInteractionLogIT extends InteractionLogContract {

    private String table;
    private PGSimpleDataSource dataSource;

    @Override
    protected InteractionLog newLog() {
        table = TckPostgres.requireAndNameTable();
        dataSource = TckPostgres.dataSource();
        return InteractionLogs.jdbc(dataSource, table);
    }

    @Override
    protected InteractionLog sameDataElsewhere() {
        return InteractionLogs.jdbc(dataSource, table);
    }

    @AfterEach
    void dropTable() throws SQLException {
        TckPostgres.drop(table);
    }
}
