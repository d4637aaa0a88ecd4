package io.remotebank.tck.core;

import io.remotebank.core.audit.AuditStores;
import io.remotebank.core.spi.AuditStore;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** rb-core's embedded audit stores pass the kit. */
class EmbeddedAuditStoresTest {

    @Nested
    class InMemory extends AuditStoreContract {
        @Override
        protected AuditStore newStore() {
            return AuditStores.inMemory();
        }
    }

    @Nested
    class Directory extends AuditStoreContract {
        @TempDir
        Path dir;

        @Override
        protected AuditStore newStore() {
            return AuditStores.directory(dir);
        }

        @Override
        protected Optional<AuditStore> reopen(AuditStore old) {
            old.close();
            return Optional.of(AuditStores.directory(dir));
        }
    }

    /** Small segments, so that reads and writes cross segment boundaries. */
    @Nested
    class SmallSegments extends AuditStoreContract {
        @TempDir
        Path dir;

        @Override
        protected AuditStore newStore() {
            return AuditStores.directory(dir, 4096);
        }

        @Override
        protected Optional<AuditStore> reopen(AuditStore old) {
            old.close();
            return Optional.of(AuditStores.directory(dir, 4096));
        }
    }
}
