package io.remotebank.tck.signaling;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.signaling.sip.NameAddress;
import io.remotebank.signaling.sip.Parameters;
import io.remotebank.signaling.sip.SipUri;
import io.remotebank.signaling.sip.registrar.Binding;
import io.remotebank.signaling.sip.registrar.QValue;
import io.remotebank.signaling.sip.registrar.spi.LocationService;
import io.remotebank.signaling.sip.registrar.spi.LocationService.Bindings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link LocationService}: extend it and return a fresh, empty service that
 * reads time from the clock the kit gives {@link #newService}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class LocationServiceContract {

    /** The time the kit's clock starts at. */
    protected static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

    private static final String ALICE = "sip:alice@bank.example";
    private static final String BOB = "sip:bob@bank.example";

    /** The clock the service under test reads. */
    protected final KitClock clock = new KitClock(T0);

    /** The service under test, fresh for each test. */
    protected LocationService service;

    /** For subclasses. */
    protected LocationServiceContract() {}

    /**
     * A new service holding no bindings, whose expiry follows {@code clock}.
     *
     * @param clock the clock
     * @return the service
     */
    protected abstract LocationService newService(KitClock clock);

    /** Creates the service under test. */
    @BeforeEach
    void createService() {
        service = newService(clock);
    }

    private static Binding binding(String uri, Integer q, long seconds, String callId, long cseq) {
        return new Binding(
                new NameAddress(Optional.empty(), SipUri.parse(uri), true, Parameters.none()),
                Optional.ofNullable(q).map(QValue::new),
                T0.plusSeconds(seconds),
                callId,
                cseq);
    }

    private boolean write(String aor, List<Binding> bindings) {
        return service.replace(aor, service.lookup(aor).version(), bindings);
    }

    @Test
    void anUnknownAddressOfRecord_hasNoBindings() {
        assertThat(service.lookup(ALICE).bindings()).isEmpty();
    }

    @Test
    void bindingsComeBackUnchanged() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("+sip.instance", "\"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>\"");
        params.put("reg-id", "1");
        params.put("ob", null);
        Binding rich = new Binding(
                new NameAddress(
                        Optional.of("\"Alice's desk\""),
                        SipUri.parse("sips:alice@[2001:db8::10]:5061;transport=tls"),
                        true,
                        Parameters.of(params)),
                Optional.of(new QValue(125)),
                T0.plusMillis(3_600_500),
                "a84b4c76e66710@pc33.bank.example",
                4_294_967_295L);
        Binding plain = binding("sip:alice@192.0.2.4:5070", null, 600, "c2", 1);

        assertThat(write(ALICE, List.of(rich, plain))).isTrue();

        List<Binding> back = service.lookup(ALICE).bindings();
        assertThat(back).containsExactlyInAnyOrder(rich, plain);
        Binding richBack =
                back.stream().filter(b -> b.q().isPresent()).findFirst().orElseThrow();
        assertThat(richBack.contact().toString()).isEqualTo(rich.contact().toString());
        assertThat(richBack.expiresAt()).isEqualTo(rich.expiresAt());
    }

    @Test
    void bindingsAreListedByQValue_highestFirst_noneCountingAsOne() {
        write(
                ALICE,
                List.of(
                        binding("sip:a@192.0.2.1", 500, 600, "c", 1),
                        binding("sip:b@192.0.2.2", null, 600, "c", 1),
                        binding("sip:c@192.0.2.3", 900, 600, "c", 1),
                        binding("sip:d@192.0.2.4", 0, 600, "c", 1)));
        assertThat(service.lookup(ALICE).bindings())
                .extracting(b -> b.contact().uri().toString())
                .containsExactly("sip:b@192.0.2.2", "sip:c@192.0.2.3", "sip:a@192.0.2.1", "sip:d@192.0.2.4");
    }

    @Test
    void aReplaceComputedFromAnOldVersion_failsAndChangesNothing() {
        long v0 = service.lookup(ALICE).version();
        assertThat(service.replace(ALICE, v0, List.of(binding("sip:a@192.0.2.1", null, 600, "c", 1))))
                .isTrue();
        long v1 = service.lookup(ALICE).version();
        assertThat(v1).isNotEqualTo(v0);

        assertThat(service.replace(ALICE, v0, List.of(binding("sip:b@192.0.2.2", null, 600, "c", 2))))
                .isFalse();
        assertThat(service.lookup(ALICE).bindings())
                .extracting(b -> b.contact().uri().toString())
                .containsExactly("sip:a@192.0.2.1");
        assertThat(service.lookup(ALICE).version()).isEqualTo(v1);
    }

    @Test
    void theVersionMovesOnWithEveryChange() {
        List<Long> versions = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            write(ALICE, List.of(binding("sip:a@192.0.2.1", null, 600, "c", i)));
            versions.add(service.lookup(ALICE).version());
        }
        assertThat(versions).doesNotHaveDuplicates();
    }

    @Test
    void anEmptyList_removesTheAddressOfRecord() {
        write(ALICE, List.of(binding("sip:a@192.0.2.1", null, 600, "c", 1)));
        assertThat(write(ALICE, List.of())).isTrue();
        assertThat(service.lookup(ALICE).bindings()).isEmpty();
        assertThat(write(ALICE, List.of(binding("sip:a@192.0.2.1", null, 600, "c", 2))))
                .isTrue();
        assertThat(service.lookup(ALICE).bindings()).hasSize(1);
    }

    @Test
    void aBindingDisappearsAtItsExpiry_onTheServicesClock() {
        write(
                ALICE,
                List.of(binding("sip:a@192.0.2.1", null, 60, "c", 1), binding("sip:b@192.0.2.2", null, 120, "c", 1)));
        clock.advance(Duration.ofSeconds(59));
        assertThat(service.lookup(ALICE).bindings()).hasSize(2);
        clock.advance(Duration.ofSeconds(1));
        assertThat(service.lookup(ALICE).bindings())
                .extracting(b -> b.contact().uri().toString())
                .containsExactly("sip:b@192.0.2.2");
        clock.advance(Duration.ofSeconds(60));
        assertThat(service.lookup(ALICE).bindings()).isEmpty();
    }

    @Test
    void purging_dropsOnlyExpiredBindings() {
        write(
                ALICE,
                List.of(binding("sip:a@192.0.2.1", null, 60, "c", 1), binding("sip:b@192.0.2.2", null, 600, "c", 1)));
        write(BOB, List.of(binding("sip:bob@192.0.2.9", null, 30, "d", 1)));
        clock.advance(Duration.ofSeconds(61));

        assertThat(service.purgeExpired()).isBetween(0, 2);
        assertThat(service.lookup(ALICE).bindings())
                .extracting(b -> b.contact().uri().toString())
                .containsExactly("sip:b@192.0.2.2");
        assertThat(service.lookup(BOB).bindings()).isEmpty();
        // a change computed after the purge still applies
        assertThat(write(ALICE, List.of(binding("sip:c@192.0.2.3", null, 900, "c", 2))))
                .isTrue();
    }

    /**
     * {@link LocationService#countBindings} is optional: a store that cannot count returns empty
     * (the registrar's total limit then does not apply); one that can counts what it holds, exactly
     * after writes, and after expiry at least the live bindings and at most what was written.
     */
    @Test
    void countingBindings_whenTheStoreCan_followsWritesAndPurges() {
        if (service.countBindings().isEmpty()) {
            write(ALICE, List.of(binding("sip:a@192.0.2.1", null, 60, "c", 1)));
            assertThat(service.countBindings())
                    .as("a store that cannot count says so every time")
                    .isEmpty();
            return;
        }
        assertThat(service.countBindings()).hasValue(0);
        write(
                ALICE,
                List.of(binding("sip:a@192.0.2.1", null, 60, "c", 1), binding("sip:b@192.0.2.2", null, 600, "c", 1)));
        write(BOB, List.of(binding("sip:bob@192.0.2.9", null, 30, "d", 1)));
        assertThat(service.countBindings()).hasValue(3);
        write(ALICE, List.of(binding("sip:b@192.0.2.2", null, 600, "c", 2)));
        assertThat(service.countBindings()).hasValue(2);

        clock.advance(Duration.ofSeconds(31)); // BOB's binding expires
        service.purgeExpired();
        assertThat(service.countBindings().getAsLong()).isBetween(1L, 2L);
        write(ALICE, List.of());
        service.purgeExpired();
        assertThat(service.countBindings().getAsLong()).isBetween(0L, 1L);
    }

    @Test
    void addressesOfRecordAreIndependent() {
        write(ALICE, List.of(binding("sip:a@192.0.2.1", null, 600, "c", 1)));
        write(BOB, List.of(binding("sip:b@192.0.2.2", null, 600, "d", 1)));
        write(ALICE, List.of());
        assertThat(service.lookup(BOB).bindings()).hasSize(1);
    }

    @Test
    void concurrentWriters_loseNoUpdate() throws Exception {
        int writers = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int id = w;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        Binding b = binding("sip:w" + id + "n" + i + "@192.0.2.1", null, 600, "c" + id, i + 1L);
                        while (true) {
                            Bindings current = service.lookup(ALICE);
                            List<Binding> next = new ArrayList<>(current.bindings());
                            next.add(b);
                            if (service.replace(ALICE, current.version(), next)) {
                                break;
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(service.lookup(ALICE).bindings()).hasSize(writers * each);
    }
}
