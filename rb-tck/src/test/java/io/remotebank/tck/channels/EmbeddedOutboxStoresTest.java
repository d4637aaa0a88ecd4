package io.remotebank.tck.channels;

import io.remotebank.channels.outbox.OutboxStores;
import io.remotebank.channels.spi.OutboxStore;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** rb-channels' JDBC outbox on the embedded H2 database passes the kit. */
class EmbeddedOutboxStoresTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    // tag::kit[]
    @Nested
    class H2InMemory extends OutboxStoreContract {
        @Override
        protected OutboxStore newStore() {
            return OutboxStores.h2InMemory("kit_" + DATABASES.incrementAndGet());
        }
    }
    // end::kit[]

    @Nested
    class H2File extends OutboxStoreContract {
        @TempDir
        Path dir;

        @Override
        protected OutboxStore newStore() {
            return OutboxStores.h2(dir.resolve("outbox"));
        }

        @Override
        protected Optional<OutboxStore> reopen(OutboxStore old) {
            old.close();
            return Optional.of(OutboxStores.h2(dir.resolve("outbox")));
        }
    }
}
