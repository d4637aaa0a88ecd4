package io.remotebank.tck.channels;

import io.remotebank.channels.wechat.spi.TokenStore;
import io.remotebank.channels.wechat.token.TokenStores;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Nested;

/** The token stores of rb-channels-wechat against their kit. */
class EmbeddedTokenStoresTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Nested
    class InMemory extends TokenStoreContract {
        @Override
        protected TokenStore newStore() {
            return TokenStores.inMemory();
        }
    }

    /** Two store instances on one H2 database: two processes' views of one table. */
    @Nested
    class Jdbc extends TokenStoreContract {
        private JdbcDataSource dataSource;

        @Override
        protected TokenStore newStore() {
            dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:tokens_" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
            return TokenStores.jdbc(dataSource);
        }

        @Override
        protected TokenStore sameDataElsewhere() {
            return TokenStores.jdbc(dataSource);
        }
    }
}
