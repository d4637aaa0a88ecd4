package io.remotebank.signaling.sip.registrar;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import io.remotebank.signaling.sip.registrar.spi.LocationService;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * The embedded {@link LocationService}: bindings in memory, expiry on an injected clock. Thread-safe:
 * each address-of-record changes atomically (compare-and-set on its version), and lookups never see
 * a half-applied REGISTER. Expired bindings are hidden at once and dropped from memory by {@link
 * #purgeExpired()} (which the registrar runs on its scheduler) or by the next change of their
 * address-of-record.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class InMemoryLocationService implements LocationService {

    private record Entry(long version, List<Binding> bindings) {}

    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** The bindings held in all, expired ones not yet purged included. */
    private final AtomicLong stored = new AtomicLong();

    /**
     * Creates an empty service.
     *
     * @param clock the clock of expiry (give the registrar the same one)
     */
    public InMemoryLocationService(Clock clock) {
        this.clock = Arguments.notNull(clock, "clock");
    }

    @Override
    public Bindings lookup(String addressOfRecord) {
        Arguments.notNull(addressOfRecord, "addressOfRecord");
        Entry e = entries.get(addressOfRecord);
        if (e == null) {
            return Bindings.none();
        }
        Instant now = clock.instant();
        return new Bindings(
                e.version(),
                e.bindings().stream().filter(b -> !b.isExpired(now)).toList());
    }

    @Override
    public boolean replace(String addressOfRecord, long expectedVersion, List<Binding> bindings) {
        Arguments.notNull(addressOfRecord, "addressOfRecord");
        List<Binding> next = LocationService.ordered(bindings);
        Set<String> keys = new HashSet<>();
        for (Binding b : next) {
            if (!keys.add(b.key())) {
                throw new ValidationException(CoreError.ARGUMENT_INVALID, "two bindings for one contact");
            }
        }
        boolean[] done = {false};
        entries.compute(addressOfRecord, (k, old) -> {
            long current = old == null ? 0 : old.version();
            if (current != expectedVersion) {
                return old;
            }
            done[0] = true;
            stored.addAndGet(next.size() - (old == null ? 0 : old.bindings().size()));
            // a removed address-of-record starts again at version 0: a reader that saw "none" computed
            // its change from exactly that state, so letting it win is correct
            return next.isEmpty() ? null : new Entry(current + 1, next);
        });
        return done[0];
    }

    @Override
    public int purgeExpired() {
        Instant now = clock.instant();
        AtomicInteger removed = new AtomicInteger();
        for (String aor : entries.keySet()) {
            entries.computeIfPresent(aor, (k, e) -> {
                List<Binding> kept =
                        e.bindings().stream().filter(b -> !b.isExpired(now)).toList();
                removed.addAndGet(e.bindings().size() - kept.size());
                if (kept.size() == e.bindings().size()) {
                    return e;
                }
                return kept.isEmpty() ? null : new Entry(e.version() + 1, kept);
            });
        }
        stored.addAndGet(-removed.get());
        return removed.get();
    }

    /** Counts every binding held, expired ones not yet purged included. */
    @Override
    public OptionalLong countBindings() {
        return OptionalLong.of(stored.get());
    }

    /** The number of addresses-of-record stored (some may hold only expired bindings). */
    public int size() {
        return entries.size();
    }

    /** Counts only. */
    @Override
    public String toString() {
        return "InMemoryLocationService[" + entries.size() + " addresses-of-record]";
    }
}
