package io.remotebank.core.consent;

import static org.apiguardian.api.API.Status.STABLE;

import io.remotebank.core.CustomerId;
import io.remotebank.core.internal.FileConsentRegistry;
import io.remotebank.core.internal.InMemoryConsentRegistry;
import io.remotebank.core.spi.ConsentRegistry;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/** The embedded {@link ConsentRegistry} implementations. */
@API(status = STABLE, since = "0.1")
public final class ConsentRegistries {

    private ConsentRegistries() {}

    /** A registry in memory: lost when the process ends. For tests and demos. */
    public static ConsentRegistry inMemory() {
        return new InMemoryConsentRegistry();
    }

    /**
     * A registry in an append-only file: each record is on disk before {@code record} returns, and
     * the whole file is replayed into memory when opened. Suits one process with up to a few million
     * records; a cluster uses a database-backed implementation of the SPI.
     *
     * @param file the file (created if missing)
     * @return the registry; close it when done
     * @throws io.remotebank.core.StorageException when the file cannot be read or is damaged before
     *     its last record (a torn last record, left by a crash mid-write, is cut off and logged)
     */
    public static FileRegistry file(Path file) {
        return new FileRegistry(FileConsentRegistry.open(file));
    }

    /** A file-backed registry that must be closed. */
    @API(status = STABLE, since = "0.1")
    public static final class FileRegistry implements ConsentRegistry, AutoCloseable {
        private final FileConsentRegistry delegate;

        private FileRegistry(FileConsentRegistry delegate) {
            this.delegate = delegate;
        }

        @Override
        public void record(ConsentRecord record) {
            delegate.record(record);
        }

        @Override
        public List<ConsentRecord> history(CustomerId customer) {
            return delegate.history(customer);
        }

        /** Closes the file. */
        @Override
        public void close() {
            delegate.close();
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }
}
