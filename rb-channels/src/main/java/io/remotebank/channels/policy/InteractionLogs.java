package io.remotebank.channels.policy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.Address;
import io.remotebank.channels.internal.JdbcInteractionLog;
import io.remotebank.channels.spi.InteractionLog;
import io.remotebank.core.Arguments;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.sql.DataSource;
import org.apiguardian.api.API;

/** The interaction logs that come with rb-channels. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class InteractionLogs {

    /** The table name unless one is given. */
    public static final String DEFAULT_TABLE = "rb_channels_interaction";

    private InteractionLogs() {}

    /**
     * A log every node shares in the application's database (H2, PostgreSQL), in {@value
     * #DEFAULT_TABLE}, created if missing: one row per address.
     *
     * @param dataSource the data source (the application's pool)
     * @return the log
     * @throws io.remotebank.channels.ChannelsException with {@code channels.store.failed} when the table
     *     cannot be created
     */
    public static InteractionLog jdbc(DataSource dataSource) {
        return jdbc(dataSource, DEFAULT_TABLE);
    }

    /**
     * A log every node shares, in a table of the application's choice.
     *
     * @param dataSource the data source
     * @param table 1-40 characters of a-z 0-9 _ starting with a letter
     * @return the log
     */
    public static InteractionLog jdbc(DataSource dataSource, String table) {
        return new JdbcInteractionLog(dataSource, table);
    }

    /**
     * A log of one process, in memory (one entry per address that ever wrote in).
     *
     * @return the log
     */
    public static InteractionLog inMemory() {
        return new InteractionLog() {
            private final ConcurrentMap<String, Instant> last = new ConcurrentHashMap<>();

            @Override
            public void record(Address address, Instant at) {
                Arguments.notNull(address, "address");
                Arguments.notNull(at, "at");
                last.merge(address.key(), at, (a, b) -> a.isAfter(b) ? a : b);
            }

            @Override
            public Optional<Instant> lastInteraction(Address address) {
                Arguments.notNull(address, "address");
                return Optional.ofNullable(last.get(address.key()));
            }

            @Override
            public String toString() {
                return "InteractionLogs.inMemory[" + last.size() + " addresses]";
            }
        };
    }
}
