package io.remotebank.tck.channels;

import io.remotebank.channels.policy.InteractionLogs;
import io.remotebank.channels.spi.InteractionLog;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Nested;

/** The interaction logs that come with rb-channels against their kit. */
class EmbeddedInteractionLogsTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Nested
    class InMemory extends InteractionLogContract {
        @Override
        protected InteractionLog newLog() {
            return InteractionLogs.inMemory();
        }
    }

    /** Two log instances on one H2 database: two processes' views of one table. */
    @Nested
    class JdbcOnH2 extends InteractionLogContract {
        private JdbcDataSource dataSource;

        @Override
        protected InteractionLog newLog() {
            dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:interactions_" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
            return InteractionLogs.jdbc(dataSource);
        }

        @Override
        protected InteractionLog sameDataElsewhere() {
            return InteractionLogs.jdbc(dataSource);
        }
    }
}
