package io.remotebank.signaling.sip.registrar.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.signaling.sip.registrar.Binding;
import java.util.List;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * The location service of RFC 3261 10: the bindings of each address-of-record. The registrar reads
 * an address-of-record's bindings with a version, computes the change a REGISTER asks for, and
 * writes it back only if the version is unchanged ({@link #replace}), retrying otherwise; so a store
 * needs no transactions of its own beyond a compare-and-set per address-of-record, which maps onto
 * a database row version or Redis {@code WATCH}/{@code MULTI}.
 *
 * <p>Expiry runs on the service's own clock: {@link #lookup} never returns a binding whose {@code
 * expiresAt} has been reached. The registrar calls {@link #purgeExpired} on its scheduler so that
 * expired bindings leave storage too. The embedded default is {@code InMemoryLocationService}; a shared one
 * proves itself with {@code LocationServiceContract} in rb-tck. Implementations are thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface LocationService {

    /**
     * The current bindings of an address-of-record and the version they belong to.
     *
     * @param version changes whenever the stored bindings change (0 for an address-of-record that
     *     has none stored)
     * @param bindings the bindings that have not expired, ordered by q-value (highest first, none
     *     counting as 1) and then by contact key
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record Bindings(long version, List<Binding> bindings) {
        /** Checks and copies. */
        public Bindings {
            bindings = List.copyOf(bindings);
        }

        /** No bindings at version 0. */
        public static Bindings none() {
            return new Bindings(0, List.of());
        }
    }

    /**
     * The bindings of an address-of-record that have not expired.
     *
     * @param addressOfRecord the canonical address-of-record, e.g. {@code sip:alice@bank.example}
     * @return the bindings and their version
     */
    Bindings lookup(String addressOfRecord);

    /**
     * Replaces every binding of an address-of-record, if nobody changed them since {@link #lookup}
     * returned {@code expectedVersion}. An empty list removes the address-of-record.
     *
     * @param addressOfRecord the canonical address-of-record
     * @param expectedVersion the version the change was computed from
     * @param bindings the new bindings, at most one per {@link Binding#key()}
     * @return true when written; false when the version moved on (read again and retry)
     */
    boolean replace(String addressOfRecord, long expectedVersion, List<Binding> bindings);

    /**
     * Removes expired bindings from storage (lookups already hide them); the default does nothing,
     * for stores that expire entries themselves.
     *
     * @return how many bindings were removed
     */
    default int purgeExpired() {
        return 0;
    }

    /**
     * How many bindings are stored in all, when the store can tell cheaply: the registrar refuses
     * new bindings past its total limit by this number. Expired bindings not yet purged may be
     * counted. The default is empty: the store cannot tell, and the registrar's total limit does
     * not apply (its per-address-of-record limit still does).
     *
     * @return the number of bindings stored, or empty
     */
    default OptionalLong countBindings() {
        return OptionalLong.empty();
    }

    /**
     * Sorts bindings as {@link Bindings} lists them: q-value descending (none counts as 1), then
     * contact key.
     *
     * @param bindings the bindings
     * @return a sorted copy
     */
    static List<Binding> ordered(List<Binding> bindings) {
        Arguments.notNull(bindings, "bindings");
        return bindings.stream()
                .sorted((a, b) -> {
                    int qa = a.q().map(q -> q.thousandths()).orElse(1000);
                    int qb = b.q().map(q -> q.thousandths()).orElse(1000);
                    return qa != qb ? Integer.compare(qb, qa) : a.key().compareTo(b.key());
                })
                .toList();
    }
}
