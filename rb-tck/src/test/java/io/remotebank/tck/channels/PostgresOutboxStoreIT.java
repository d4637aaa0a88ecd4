package io.remotebank.tck.channels;

import io.remotebank.channels.outbox.OutboxStores;
import io.remotebank.channels.spi.OutboxStore;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/** rb-channels' JDBC outbox on a real PostgreSQL server ({@link TckPostgres}) passes the kit. */
class PostgresOutboxStoreIT extends OutboxStoreContract {

    private String table;

    @Override
    protected OutboxStore newStore() {
        table = TckPostgres.requireAndNameTable();
        return OutboxStores.jdbc(TckPostgres.URL, TckPostgres.USER, TckPostgres.PASSWORD, table);
    }

    @Override
    protected Optional<OutboxStore> reopen(OutboxStore old) {
        old.close();
        return Optional.of(OutboxStores.jdbc(TckPostgres.URL, TckPostgres.USER, TckPostgres.PASSWORD, table));
    }

    @AfterEach
    void dropTable() throws SQLException {
        TckPostgres.drop(table);
    }
}
