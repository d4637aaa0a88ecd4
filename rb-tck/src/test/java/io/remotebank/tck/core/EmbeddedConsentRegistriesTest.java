package io.remotebank.tck.core;

import io.remotebank.core.consent.ConsentRegistries;
import io.remotebank.core.spi.ConsentRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** rb-core's embedded consent registries pass the kit. */
class EmbeddedConsentRegistriesTest {

    @Nested
    class InMemory extends ConsentRegistryContract {
        @Override
        protected ConsentRegistry newRegistry() {
            return ConsentRegistries.inMemory();
        }
    }

    @Nested
    class File extends ConsentRegistryContract {
        @TempDir
        Path dir;

        private ConsentRegistries.FileRegistry file;

        @Override
        protected ConsentRegistry newRegistry() {
            file = ConsentRegistries.file(dir.resolve("consent.log"));
            return file;
        }

        @AfterEach
        void close() {
            file.close();
        }
    }
}
