package io.remotebank.identity.flow;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CustomerId;
import io.remotebank.core.crypto.FieldEncryption;
import io.remotebank.identity.internal.FileVault;
import io.remotebank.identity.internal.MemoryVault;
import io.remotebank.identity.spi.Artefact;
import io.remotebank.identity.spi.ArtefactRef;
import io.remotebank.identity.spi.ArtefactVault;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;

/** The embedded artefact vault. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ArtefactVaults {

    /** The largest artefact the embedded vault keeps: 16 MiB. */
    public static final int MAX_ARTEFACT_BYTES = 16 * 1024 * 1024;

    private ArtefactVaults() {}

    /**
     * A vault in memory that keeps each artefact encrypted with its customer's data key (rb-core's
     * field encryption), so that shredding the customer destroys the key as well as the bytes.
     *
     * @param fields the field encryption (its key provider holds the customers' keys)
     * @return the vault
     */
    public static ArtefactVault inMemory(FieldEncryption fields) {
        return new MemoryVault(Arguments.notNull(fields, "fields"), MAX_ARTEFACT_BYTES);
    }

    /**
     * A vault in a directory: one file per artefact, encrypted with its customer's data key (rb-core's
     * field encryption, whose key provider must outlive the process for the files to be readable after
     * a restart, e.g. {@code KeyProviders.keystore(dir)}), kept for {@code retention} from when it
     * was first stored. An artefact past its retention is not returned, and {@link
     * DirectoryVault#removeExpired()} deletes it; shredding a customer destroys the key and the files
     * and refuses the customer from then on, also after a restart.
     *
     * @param directory where the files go (created when missing)
     * @param fields the field encryption
     * @param retention how long an artefact is kept, e.g. {@code Duration.ofDays(90)}
     * @param clock the clock that stamps and expires artefacts
     * @return the vault
     * @throws io.remotebank.identity.IdentityException with {@link
     *     io.remotebank.identity.IdentityError#STORE_FAILED} when the directory cannot be created
     */
    public static DirectoryVault directory(Path directory, FieldEncryption fields, Duration retention, Clock clock) {
        return new DirectoryVault(new FileVault(
                Arguments.notNull(directory, "directory"),
                Arguments.notNull(fields, "fields"),
                MAX_ARTEFACT_BYTES,
                Arguments.positive(retention, "retention"),
                Arguments.notNull(clock, "clock")));
    }

    /** The vault of {@link #directory}: an {@link ArtefactVault} with a retention policy. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class DirectoryVault implements ArtefactVault {
        private final FileVault delegate;

        private DirectoryVault(FileVault delegate) {
            this.delegate = delegate;
        }

        @Override
        public ArtefactRef put(CustomerId customer, Artefact artefact) {
            return delegate.put(customer, artefact);
        }

        @Override
        public Optional<Artefact> get(CustomerId customer, ArtefactRef ref) {
            return delegate.get(customer, ref);
        }

        @Override
        public int shred(CustomerId customer) {
            return delegate.shred(customer);
        }

        /**
         * Applies the retention policy: deletes every artefact kept for its retention or longer. Run it
         * on a schedule (rb-core's {@code Scheduler}); reads already refuse an expired artefact.
         *
         * @return how many artefacts were deleted
         */
        public int removeExpired() {
            return delegate.removeExpired();
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }
}
