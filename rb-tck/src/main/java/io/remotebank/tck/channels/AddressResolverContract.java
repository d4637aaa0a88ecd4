package io.remotebank.tck.channels;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.channels.Address;
import io.remotebank.channels.spi.AddressResolver;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.CustomerId;
import java.time.ZoneId;
import java.util.ArrayList;
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
 * The compatibility kit of {@link AddressResolver}: extend it and return a resolver that holds
 * exactly the directory the kit gives {@link #newResolver}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class AddressResolverContract {

    /** A customer with an SMS, a WeChat and a WeCom address, in New York. */
    protected static final CustomerId ALICE = CustomerId.of("C1001");
    /** A customer with an SMS address only, no zone. */
    protected static final CustomerId BOB = CustomerId.of("C1002");
    /** A customer the directory does not know. */
    protected static final CustomerId NOBODY = CustomerId.of("C9999");

    /** Alice's SMS address. */
    protected static final Address ALICE_SMS = Address.Msisdn.of("13812345678");
    /** Alice's WeChat address. */
    protected static final Address ALICE_WECHAT = new Address.WeChatOpenId("wx0123456789abcdef", "oAlice0001");
    /** Alice's WeCom address. */
    protected static final Address ALICE_WECOM = new Address.WeComUser("ww0123456789abcdef", "alice");
    /** Bob's SMS address. */
    protected static final Address BOB_SMS = Address.Msisdn.of("+14155550123");

    /** The resolver under test. */
    protected AddressResolver resolver;

    /** For subclasses. */
    protected AddressResolverContract() {}

    /**
     * A resolver holding exactly this directory.
     *
     * @param addresses each customer's addresses, one per channel
     * @param zones the customers' time zones
     * @return the resolver
     */
    protected abstract AddressResolver newResolver(
            Map<CustomerId, List<Address>> addresses, Map<CustomerId, ZoneId> zones);

    /**
     * Whether the resolver finds the customer behind an address (for opt-out replies). Default true;
     * a resolver that does not leaves {@link AddressResolver#customerOf} at its default.
     */
    protected boolean supportsCustomerLookup() {
        return true;
    }

    /** Whether the resolver knows customers' time zones. Default true. */
    protected boolean supportsZones() {
        return true;
    }

    /** Creates the resolver under test. */
    @BeforeEach
    void createResolver() {
        resolver = newResolver(
                Map.of(ALICE, List.of(ALICE_SMS, ALICE_WECHAT, ALICE_WECOM), BOB, List.of(BOB_SMS)),
                Map.of(ALICE, ZoneId.of("America/New_York")));
    }

    @Test
    void resolve_givesTheCustomersAddressOnTheChannel() {
        assertThat(resolver.resolve(ALICE, ContactChannel.SMS)).contains(ALICE_SMS);
        assertThat(resolver.resolve(ALICE, ContactChannel.WECHAT)).contains(ALICE_WECHAT);
        assertThat(resolver.resolve(ALICE, ContactChannel.WECOM)).contains(ALICE_WECOM);
        assertThat(resolver.resolve(BOB, ContactChannel.SMS)).contains(BOB_SMS);
    }

    @Test
    void resolve_isEmpty_forAChannelWithoutAddress_orAnUnknownCustomer() {
        assertThat(resolver.resolve(BOB, ContactChannel.WECHAT)).isEmpty();
        assertThat(resolver.resolve(ALICE, ContactChannel.MINI_PROGRAM)).isEmpty();
        assertThat(resolver.resolve(NOBODY, ContactChannel.SMS)).isEmpty();
    }

    @Test
    void resolvedAddresses_areAlwaysOnTheChannelAsked() {
        for (CustomerId c : List.of(ALICE, BOB, NOBODY)) {
            for (ContactChannel channel : ContactChannel.values()) {
                Optional<Address> a = resolver.resolve(c, channel);
                a.ifPresent(address -> assertThat(address.channel()).isEqualTo(channel));
            }
        }
    }

    @Test
    void customerOf_findsTheOwner_orNothing_neverAnotherCustomer() {
        Optional<CustomerId> alice = resolver.customerOf(ALICE_WECHAT);
        Optional<CustomerId> bob = resolver.customerOf(BOB_SMS);
        Optional<CustomerId> stranger = resolver.customerOf(Address.Msisdn.of("13900000000"));
        if (supportsCustomerLookup()) {
            assertThat(alice).contains(ALICE);
            assertThat(bob).contains(BOB);
        } else {
            assertThat(alice).isEmpty();
            assertThat(bob).isEmpty();
        }
        assertThat(stranger).isEmpty();
    }

    @Test
    void zoneOf_givesTheCustomersZone_orNothing() {
        if (supportsZones()) {
            assertThat(resolver.zoneOf(ALICE)).contains(ZoneId.of("America/New_York"));
        } else {
            assertThat(resolver.zoneOf(ALICE)).isEmpty();
        }
        assertThat(resolver.zoneOf(BOB)).isEmpty();
        assertThat(resolver.zoneOf(NOBODY)).isEmpty();
    }

    @Test
    void manyThreads_resolveConsistently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        if (!resolver.resolve(ALICE, ContactChannel.SMS).equals(Optional.of(ALICE_SMS))
                                || resolver.resolve(NOBODY, ContactChannel.SMS).isPresent()) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
