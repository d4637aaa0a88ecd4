package io.remotebank.tck.identity;

import io.remotebank.identity.flow.FlowStores;
import io.remotebank.identity.spi.FlowStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** rb-identity-verify's embedded flow stores pass the kit. */
class EmbeddedFlowStoresTest {

    @Nested
    class InMemory extends FlowStoreContract {
        @Override
        protected FlowStore newStore() {
            return FlowStores.inMemory();
        }

        @Override
        protected FlowStore reopen(FlowStore store) {
            return store;
        }
    }

    @Nested
    class File extends FlowStoreContract {
        @TempDir
        Path dir;

        private FlowStores.FileStore open;

        @Override
        protected FlowStore newStore() {
            open = FlowStores.file(dir.resolve("flows.log"));
            return open;
        }

        @Override
        protected FlowStore reopen(FlowStore store) {
            open.close();
            open = FlowStores.file(dir.resolve("flows.log"));
            return open;
        }

        @AfterEach
        void close() {
            open.close();
        }
    }
}
