package io.remotebank.channels.policy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.Address;
import io.remotebank.channels.spi.InteractionLog;
import io.remotebank.core.Arguments;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apiguardian.api.API;

/** The interaction logs that come with rb-channels. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class InteractionLogs {

    private InteractionLogs() {}

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
