package io.remotebank.tck.identity;

import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.FieldEncryption;
import io.remotebank.core.crypto.KeyProviders;
import io.remotebank.core.spi.KeyProvider;
import io.remotebank.identity.flow.ArtefactVaults;
import io.remotebank.identity.spi.ArtefactVault;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** rb-identity-verify's embedded artefact vaults pass the kit. */
class EmbeddedArtefactVaultsTest {

    @Nested
    class InMemory extends ArtefactVaultContract {
        @Override
        protected ArtefactVault newVault() {
            return ArtefactVaults.inMemory(
                    FieldEncryption.create(KeyProviders.inMemory(), CryptoSuite.international()));
        }

        @Override
        protected ArtefactVault reopen(ArtefactVault vault) {
            return vault;
        }
    }

    @Nested
    class Directory extends ArtefactVaultContract {
        @TempDir
        Path dir;

        // The keys outlive the "process": a restarted vault reads the files with them.
        private final KeyProvider keys = KeyProviders.inMemory();
        private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

        @Override
        protected ArtefactVault newVault() {
            return ArtefactVaults.directory(
                    dir, FieldEncryption.create(keys, CryptoSuite.sm()), Duration.ofDays(90), clock);
        }

        @Override
        protected ArtefactVault reopen(ArtefactVault vault) {
            return newVault();
        }
    }
}
