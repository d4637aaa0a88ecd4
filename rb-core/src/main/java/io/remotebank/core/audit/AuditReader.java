package io.remotebank.core.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.crypto.FieldEncryption;
import io.remotebank.core.internal.audit.RecordCodec;
import io.remotebank.core.spi.AuditStore;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Reads stored events for people: personal data is decrypted and masked (or shown unmasked when
 * asked), {@code <erased>} once the customer's key was destroyed, {@code <encrypted KIND>} without
 * keys. Reading needs no lock on the trail: open the store read-only.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AuditReader {

    private final AuditStore store;
    private final Optional<FieldEncryption> fields;

    private AuditReader(AuditStore store, Optional<FieldEncryption> fields) {
        this.store = store;
        this.fields = fields;
    }

    /**
     * A reader over a store.
     *
     * @param store the store
     * @param fields the field encryption whose keys decrypt personal data, or empty
     * @return the reader
     */
    public static AuditReader of(AuditStore store, Optional<FieldEncryption> fields) {
        return new AuditReader(Arguments.notNull(store, "store"), Arguments.notNull(fields, "fields"));
    }

    /** The number of stored events. */
    public long size() {
        return store.size();
    }

    /**
     * Events as JSON objects, one string each, in sequence order.
     *
     * @param from the first sequence number
     * @param max at most this many
     * @param unmasked show personal data itself instead of its masked form
     * @return the events
     */
    public List<String> readJson(long from, int max, boolean unmasked) {
        Arguments.inRange(from, 0, store.size(), "from");
        Arguments.inRange(max, 0, 1_000_000, "max");
        return store.read(from, max).stream()
                .map(record -> RecordCodec.display(record, fields, unmasked).toString())
                .toList();
    }
}
