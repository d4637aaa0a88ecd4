package io.remotebank.core.crypto;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.internal.crypto.KeystoreDirectory;
import io.remotebank.core.internal.crypto.MemoryKeyStorage;
import io.remotebank.core.internal.crypto.SoftwareKeyProvider;
import io.remotebank.core.spi.KeyProvider;
import io.remotebank.core.time.Clocks;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.apiguardian.api.API;

/** The embedded {@link KeyProvider} implementations. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class KeyProviders {

    private KeyProviders() {}

    /** Keys in memory, lost with the process: for tests and demos. */
    public static KeyProvider inMemory() {
        return inMemory(Clocks.system());
    }

    /**
     * Keys in memory with an injected clock (creation and destruction times).
     *
     * @param clock the clock
     * @return the provider
     */
    public static KeyProvider inMemory(Clock clock) {
        return new SoftwareKeyProvider(new MemoryKeyStorage(), Arguments.notNull(clock, "clock"), "in-memory keys");
    }

    /**
     * Starts configuring a password-protected keystore directory.
     *
     * @param directory where the keystore lives (created when missing)
     * @return the builder
     */
    public static KeystoreBuilder keystore(Path directory) {
        return new KeystoreBuilder(Arguments.notNull(directory, "directory"));
    }

    /** Configures a keystore directory; {@link #open(char[])} opens or creates it. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class KeystoreBuilder {
        /** Default PBKDF2 iterations for a new keystore (OWASP's 2023 figure for HMAC-SHA256). */
        public static final int DEFAULT_ITERATIONS = 600_000;

        private final Path directory;
        private CryptoSuite protection = CryptoSuite.international();
        private int iterations = DEFAULT_ITERATIONS;
        private Clock clock = Clocks.system();

        private KeystoreBuilder(Path directory) {
            this.directory = directory;
        }

        /**
         * The suite that protects a new keystore's material: INTERNATIONAL (PBKDF2-HMAC-SHA256,
         * AES-256-GCM, the default) or SM (PBKDF2-HMAC-SM3, SM4-GCM). An existing keystore keeps
         * the suite it was created with.
         *
         * @param suite the suite
         * @return this builder
         */
        public KeystoreBuilder protection(CryptoSuite suite) {
            this.protection = Arguments.notNull(suite, "protection suite");
            return this;
        }

        /**
         * PBKDF2 iterations for a new keystore: 10,000 to 10,000,000 (default {@value
         * #DEFAULT_ITERATIONS}). Fewer make opening faster and guessing the password cheaper.
         *
         * @param iterations the count
         * @return this builder
         */
        public KeystoreBuilder iterations(int iterations) {
            this.iterations = (int) Arguments.inRange(iterations, 10_000, 10_000_000, "PBKDF2 iterations");
            return this;
        }

        /**
         * The clock for creation and destruction times.
         *
         * @param clock the clock
         * @return this builder
         */
        public KeystoreBuilder clock(Clock clock) {
            this.clock = Arguments.notNull(clock, "clock");
            return this;
        }

        /**
         * Opens the keystore, creating it when the directory holds none.
         *
         * @param password its password; the array is cleared before this returns
         * @return the provider
         * @throws io.remotebank.core.CryptoException with {@code core.crypto.keystore-locked} for a
         *     wrong password
         * @throws io.remotebank.core.StorageException when its files cannot be read or are damaged
         */
        public KeyProvider open(char[] password) {
            Arguments.notNull(password, "password");
            try {
                Arguments.inRange(password.length, 1, 4096, "keystore password length");
                KeystoreDirectory storage = KeystoreDirectory.open(directory, password, protection, iterations);
                return new SoftwareKeyProvider(storage, clock, "keystore " + directory);
            } finally {
                Arrays.fill(password, '\0');
            }
        }
    }
}
