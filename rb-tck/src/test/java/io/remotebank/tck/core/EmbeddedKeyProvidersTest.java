package io.remotebank.tck.core;

import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.KeyProviders;
import io.remotebank.core.spi.KeyProvider;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** rb-core's embedded key providers pass the kit. */
class EmbeddedKeyProvidersTest {

    // tag::kit[]
    @Nested
    class InMemory extends KeyProviderContract {
        @Override
        protected KeyProvider newProvider() {
            return KeyProviders.inMemory();
        }
    }
    // end::kit[]

    @Nested
    class Keystore extends KeyProviderContract {
        @TempDir
        Path dir;

        @Override
        protected KeyProvider newProvider() {
            return KeyProviders.keystore(dir).iterations(10_000).open("tck password".toCharArray());
        }
    }

    @Nested
    class SmProtectedKeystore extends KeyProviderContract {
        @TempDir
        Path dir;

        @Override
        protected KeyProvider newProvider() {
            return KeyProviders.keystore(dir)
                    .protection(CryptoSuite.sm())
                    .iterations(10_000)
                    .open("tck password".toCharArray());
        }
    }
}
