package io.remotebank.signaling.sip.registrar;

import static io.remotebank.signaling.sip.registrar.RegisterRequests.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.ValidationException;
import io.remotebank.core.time.Cancellable;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.SipUri;
import io.remotebank.signaling.sip.registrar.spi.LocationService;
import io.remotebank.signaling.sip.transaction.TransactionLayer;
import io.remotebank.signaling.sip.transaction.TransactionSettings;
import io.remotebank.signaling.sip.transaction.TransactionUser;
import io.remotebank.signaling.sip.transaction.VirtualScheduler;
import io.remotebank.testsupport.ManualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expired bindings leave the store on the scheduler; bindings are bounded per AOR and in all. */
class RegistrarBoundsTest {

    private final ManualClock clock = ManualClock.atNineAm();
    private final VirtualScheduler time = new VirtualScheduler();
    private final InMemoryLocationService locations = new InMemoryLocationService(clock);

    private Registrar.Builder registrar() {
        return Registrar.builder(locations).clock(clock).domains("bank.example");
    }

    /** Moves the clock and the scheduler together, a second at a time. */
    private void advance(Duration d) {
        for (long s = 0; s < d.toSeconds(); s++) {
            clock.advance(Duration.ofSeconds(1));
            time.advance(1_000);
        }
    }

    private long cseq;

    private SipResponse registerUser(Registrar registrar, int user, String contact, String expires) {
        return registrar.register(register()
                .to("<sip:user" + user + "@bank.example>")
                .callId("reg-" + user + "@ua.example")
                .cseq(++cseq)
                .contact(contact)
                .expires(expires)
                .build());
    }

    @Test
    void expiredBindings_leaveTheStore_atTheNextPurge() {
        // tag::purge[]
        Registrar registrar = registrar()
                .purgeInterval(Duration.ofSeconds(30))
                .maxBindingsPerAddressOfRecord(10)
                .maxBindings(100_000)
                .build();
        Cancellable purging = registrar.startPurging(time); // or factoryInFrontOf(...)
        // end::purge[]
        assertThat(purging).isNotNull();
        for (int i = 0; i < 100; i++) {
            assertThat(registerUser(registrar, i, "<sip:u@192.0.2.4>", "60").statusCode())
                    .isEqualTo(200);
        }
        registerUser(registrar, 1000, "<sip:u@192.0.2.5>", "3600");

        advance(Duration.ofSeconds(59));
        assertThat(locations.size()).isEqualTo(101);
        advance(Duration.ofSeconds(1)); // they expire at 60 s, when a purge runs
        assertThat(locations.size()).as("only the long binding is left").isEqualTo(1);
        assertThat(locations.countBindings()).hasValue(1);
        assertThat(registrar.lookup(SipUri.parse("sip:user1000@bank.example"))).hasSize(1);
    }

    @Test
    void purgingRunsOncePerRegistrar_andStopsWhenCancelled() {
        Registrar registrar = registrar().purgeInterval(Duration.ofSeconds(10)).build();
        Cancellable purging = registrar.startPurging(time);
        registrar.startPurging(time); // a second start does not double the work
        assertThat(time.pending()).isEqualTo(1);
        registerUser(registrar, 1, "<sip:u@192.0.2.4>", "60");
        purging.cancel();
        advance(Duration.ofSeconds(120));
        assertThat(time.pending()).isZero();
        assertThat(locations.size()).as("hidden, but no longer purged").isEqualTo(1);
        assertThat(registrar.lookup(SipUri.parse("sip:user1@bank.example"))).isEmpty();
    }

    @Test
    void inFrontOfAnEndpoint_purgingRunsOnTheTransactionLayersScheduler() {
        Registrar registrar = registrar().purgeInterval(Duration.ofSeconds(30)).build();
        TransactionLayer layer = TransactionLayer.create(TransactionSettings.ofDefaults(), time, tx -> {});
        TransactionUser user = registrar.factoryInFrontOf(l -> tx -> {}).apply(layer);
        assertThat(user).isNotNull();
        registerUser(registrar, 1, "<sip:u@192.0.2.4>", "60");
        advance(Duration.ofSeconds(90));
        assertThat(locations.size()).isZero();
    }

    @Test
    void aRegisterPastThePerAorLimit_gets403_andChangesNothing() {
        Registrar registrar = registrar().maxBindingsPerAddressOfRecord(2).build();
        registerUser(registrar, 1, "<sip:u@192.0.2.1>", "600");
        registerUser(registrar, 1, "<sip:u@192.0.2.2>", "600");

        SipResponse refused = registerUser(registrar, 1, "<sip:u@192.0.2.3>", "600");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.reasonPhrase()).isEqualTo("Too Many Contacts");
        assertThat(refused.headerValues("Warning")).singleElement().asString().contains("at most 2");
        List<Binding> kept = registrar.lookup(SipUri.parse("sip:user1@bank.example"));
        assertThat(kept)
                .extracting(b -> b.contact().uri().toString())
                .containsExactlyInAnyOrder("sip:u@192.0.2.1", "sip:u@192.0.2.2");

        // a user at the limit can still refresh and move its bindings
        assertThat(registerUser(registrar, 1, "<sip:u@192.0.2.1>", "900").statusCode())
                .isEqualTo(200);
        assertThat(registrar
                        .register(register()
                                .to("<sip:user1@bank.example>")
                                .callId("reg-1@ua.example")
                                .cseq(++cseq)
                                .contact("<sip:u@192.0.2.2>;expires=0")
                                .contact("<sip:u@192.0.2.3>")
                                .expires("600")
                                .build())
                        .statusCode())
                .isEqualTo(200);
        assertThat(registrar.lookup(SipUri.parse("sip:user1@bank.example"))).hasSize(2);
    }

    @Test
    void aRegisterPastTheTotalLimit_gets503WithRetryAfter_andChangesNothing() {
        Registrar registrar =
                registrar().maxBindings(3).purgeInterval(Duration.ofSeconds(30)).build();
        registrar.startPurging(time);
        for (int i = 1; i <= 3; i++) {
            assertThat(registerUser(registrar, i, "<sip:u@192.0.2.4>", "60").statusCode())
                    .isEqualTo(200);
        }
        SipResponse refused = registerUser(registrar, 4, "<sip:u@192.0.2.4>", "60");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headerValues("Retry-After")).containsExactly("30");
        assertThat(registrar.lookup(SipUri.parse("sip:user4@bank.example"))).isEmpty();
        assertThat(locations.countBindings()).hasValue(3);
        assertThat(registerUser(registrar, 1, "<sip:u@192.0.2.4>", "120").statusCode())
                .as("a refresh adds nothing")
                .isEqualTo(200);

        advance(Duration.ofSeconds(60)); // users 2 and 3 expire and are purged
        assertThat(registerUser(registrar, 4, "<sip:u@192.0.2.4>", "60").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aStoreThatCannotCount_hasNoTotalLimit_butStillThePerAorOne() {
        LocationService uncounted = new LocationService() {
            @Override
            public Bindings lookup(String addressOfRecord) {
                return locations.lookup(addressOfRecord);
            }

            @Override
            public boolean replace(String addressOfRecord, long expectedVersion, List<Binding> bindings) {
                return locations.replace(addressOfRecord, expectedVersion, bindings);
            }
        };
        Registrar registrar = Registrar.builder(uncounted)
                .clock(clock)
                .maxBindings(1)
                .maxBindingsPerAddressOfRecord(1)
                .build();
        for (int i = 1; i <= 3; i++) {
            assertThat(registerUser(registrar, i, "<sip:u@192.0.2.4>", "60").statusCode())
                    .isEqualTo(200);
        }
        assertThat(registerUser(registrar, 1, "<sip:u@192.0.2.5>", "60").statusCode())
                .isEqualTo(403);
    }

    @Test
    void limitsOutOfRangeAreRefusedWithACode() {
        Registrar.Builder b = registrar();
        assertThatThrownBy(() -> b.maxBindings(0))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("maxBindings");
        assertThatThrownBy(() -> b.maxBindingsPerAddressOfRecord(10_001))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("maxBindingsPerAddressOfRecord");
        assertThatThrownBy(() -> b.purgeInterval(Duration.ZERO)).hasMessageContaining("purgeInterval");
    }
}
