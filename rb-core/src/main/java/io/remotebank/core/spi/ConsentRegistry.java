package io.remotebank.core.spi;

import static org.apiguardian.api.API.Status.STABLE;

import io.remotebank.core.Arguments;
import io.remotebank.core.CustomerId;
import io.remotebank.core.consent.ConsentPurpose;
import io.remotebank.core.consent.ConsentRecord;
import io.remotebank.core.consent.ConsentState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Where consent records are kept, and the one place the modules ask whether a customer consents.
 *
 * <p>Implement {@link #record} and {@link #history}; everything else has a default. Embedded
 * defaults: {@code ConsentRegistries.inMemory()} and {@code ConsentRegistries.file(Path)}. An
 * implementation proves itself by extending {@code io.remotebank.tck.core.ConsentRegistryContract}
 * from rb-tck.
 *
 * <p>Which record counts: the one with the latest {@link ConsentRecord#at()} not after the time
 * asked about; of records with the same {@code at}, the one recorded last.
 */
@API(status = STABLE, since = "0.1")
public interface ConsentRegistry {

    /**
     * Stores a record. When this returns the record is as durable as the implementation promises
     * (the file default has written it to disk).
     *
     * @param record the record
     * @throws io.remotebank.core.StorageException when it cannot be stored; nothing is stored then
     */
    void record(ConsentRecord record);

    /**
     * Every record of a customer, in the order they were recorded.
     *
     * @param customer the customer
     * @return the records; empty when there are none
     */
    List<ConsentRecord> history(CustomerId customer);

    /**
     * The record in force for a customer and purpose at a time, e.g. when a message was sent.
     *
     * @param customer the customer
     * @param purpose the purpose
     * @param when the time
     * @return the record in force, or empty when the customer had never acted on this purpose by then
     */
    default Optional<ConsentRecord> asOf(CustomerId customer, ConsentPurpose purpose, Instant when) {
        Arguments.notNull(customer, "customer");
        Arguments.notNull(purpose, "purpose");
        Arguments.notNull(when, "when");
        ConsentRecord best = null;
        for (ConsentRecord r : history(customer)) {
            if (r.purpose().equals(purpose) && !r.at().isAfter(when) && (best == null || !r.at().isBefore(best.at()))) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The latest record for a customer and purpose, whatever its time.
     *
     * @param customer the customer
     * @param purpose the purpose
     * @return the record in force now, or empty
     */
    default Optional<ConsentRecord> current(CustomerId customer, ConsentPurpose purpose) {
        return asOf(customer, purpose, Instant.MAX);
    }

    /**
     * Whether a customer consents to a purpose now. No record means no consent.
     *
     * @param customer the customer
     * @param purpose the purpose
     * @return true only when the latest record grants it
     */
    default boolean isGranted(CustomerId customer, ConsentPurpose purpose) {
        return current(customer, purpose)
                .map(r -> r.state() == ConsentState.GRANTED)
                .orElse(false);
    }

    /**
     * Whether a customer consented to a purpose at a time.
     *
     * @param customer the customer
     * @param purpose the purpose
     * @param when the time
     * @return true only when the record in force then granted it
     */
    default boolean wasGranted(CustomerId customer, ConsentPurpose purpose, Instant when) {
        return asOf(customer, purpose, when)
                .map(r -> r.state() == ConsentState.GRANTED)
                .orElse(false);
    }
}
