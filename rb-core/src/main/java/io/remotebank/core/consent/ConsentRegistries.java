package io.remotebank.core.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CustomerId;
import io.remotebank.core.audit.Actor;
import io.remotebank.core.audit.AuditEvent;
import io.remotebank.core.audit.AuditTrail;
import io.remotebank.core.internal.FileConsentRegistry;
import io.remotebank.core.internal.InMemoryConsentRegistry;
import io.remotebank.core.spi.ConsentRegistry;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/** The embedded {@link ConsentRegistry} implementations. */
@API(status = EXPERIMENTAL, since = "0.1")
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

    /**
     * A registry that writes every record to the audit trail first ({@code core.consent.recorded},
     * actor the customer, subject the customer, the purpose, state, channel and evidence as details),
     * then stores it. If the audit trail refuses the event, nothing is stored and the exception
     * propagates (the rule of docs/audit.md); if storing fails after the event was written, the
     * exception propagates too and the trail holds the customer's act, which did happen, so a retry
     * only adds a second event.
     *
     * @param registry where records are kept
     * @param trail the audit trail
     * @return the auditing registry
     */
    public static ConsentRegistry audited(ConsentRegistry registry, AuditTrail trail) {
        Arguments.notNull(registry, "registry");
        Arguments.notNull(trail, "trail");
        return new ConsentRegistry() {
            @Override
            public void record(ConsentRecord record) {
                Arguments.notNull(record, "record");
                trail.append(AuditEvent.builder("core.consent.recorded", Actor.customer(record.customer()))
                        .time(record.at())
                        .subject(record.customer())
                        .detail("purpose", record.purpose().code())
                        .detail("state", record.state())
                        .detail("channel", record.channel())
                        .detail("evidence", record.evidence())
                        .build());
                registry.record(record);
            }

            @Override
            public List<ConsentRecord> history(CustomerId customer) {
                return registry.history(customer);
            }

            @Override
            public String toString() {
                return "audited " + registry;
            }
        };
    }

    /** A file-backed registry that must be closed. */
    @API(status = EXPERIMENTAL, since = "0.1")
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
