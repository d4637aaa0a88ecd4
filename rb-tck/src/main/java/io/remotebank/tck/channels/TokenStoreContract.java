package io.remotebank.tck.channels;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.channels.wechat.spi.TokenStore;
import io.remotebank.channels.wechat.token.AccessToken;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of the WeChat access-token store ({@link TokenStore}, in rb-channels-wechat):
 * extend it and return a fresh, empty store from {@link #newStore()}; return a second store on the
 * same data from {@link #sameDataElsewhere()} when the store is shared between processes, so that the
 * lease is proven across instances.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class TokenStoreContract {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final String APP = "wx0123456789abcdef";

    /** The store under test, fresh for each test. */
    protected TokenStore store;

    /** For subclasses. */
    protected TokenStoreContract() {}

    /**
     * A fresh, empty store.
     *
     * @return the store
     * @throws Exception when it cannot be made
     */
    protected abstract TokenStore newStore() throws Exception;

    /**
     * Another instance on the same data as {@link #store} (another process's view). Default: the same
     * instance, for a store of one process.
     *
     * @return the instance
     * @throws Exception when it cannot be made
     */
    protected TokenStore sameDataElsewhere() throws Exception {
        return store;
    }

    /** Opens the store. */
    @BeforeEach
    protected void openStore() throws Exception {
        store = newStore();
    }

    /** Closes the store. */
    @AfterEach
    protected void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    private static AccessToken token(String value, Duration life) {
        return new AccessToken(value, T0.plus(life));
    }

    @Test
    void emptyStore_hasNoToken() {
        assertThat(store.read(APP)).isEmpty();
    }

    @Test
    void leaseHolder_publishes_andEveryoneReadsIt() throws Exception {
        assertThat(store.tryLease(APP, "node-a", T0, T0.plusSeconds(30))).isTrue();

        assertThat(store.publish(APP, "node-a", token("TOKEN-1", Duration.ofHours(2))))
                .isTrue();

        assertThat(sameDataElsewhere().read(APP)).contains(token("TOKEN-1", Duration.ofHours(2)));
    }

    @Test
    void liveLease_isExclusive_evenForItsOwnHolder() throws Exception {
        assertThat(store.tryLease(APP, "node-a", T0, T0.plusSeconds(30))).isTrue();

        assertThat(sameDataElsewhere().tryLease(APP, "node-b", T0.plusSeconds(1), T0.plusSeconds(31)))
                .isFalse();
        assertThat(store.tryLease(APP, "node-a", T0.plusSeconds(1), T0.plusSeconds(31)))
                .isFalse();
    }

    @Test
    void expiredLease_canBeTaken_andTheOldHolderCanNoLongerPublish() throws Exception {
        store.tryLease(APP, "node-a", T0, T0.plusSeconds(30));

        assertThat(sameDataElsewhere().tryLease(APP, "node-b", T0.plusSeconds(30), T0.plusSeconds(60)))
                .isTrue();
        assertThat(store.publish(APP, "node-a", token("LATE", Duration.ofHours(2))))
                .isFalse();
        assertThat(store.read(APP)).isEmpty();
    }

    @Test
    void publishWithoutTheLease_storesNothing() {
        assertThat(store.publish(APP, "node-a", token("ROGUE", Duration.ofHours(2))))
                .isFalse();
        assertThat(store.read(APP)).isEmpty();
    }

    @Test
    void release_letsTheNextHolderIn_andOnlyTheHolderCanRelease() throws Exception {
        store.tryLease(APP, "node-a", T0, T0.plusSeconds(30));
        store.release(APP, "node-b");
        assertThat(sameDataElsewhere().tryLease(APP, "node-b", T0, T0.plusSeconds(30)))
                .isFalse();

        store.release(APP, "node-a");

        assertThat(sameDataElsewhere().tryLease(APP, "node-b", T0, T0.plusSeconds(30)))
                .isTrue();
    }

    @Test
    void invalidate_expiresTheCurrentToken_once() {
        store.tryLease(APP, "node-a", T0, T0.plusSeconds(30));
        store.publish(APP, "node-a", token("TOKEN-1", Duration.ofHours(2)));

        assertThat(store.invalidate(APP, "TOKEN-1")).isTrue();
        assertThat(store.invalidate(APP, "TOKEN-1")).isFalse();
        assertThat(store.read(APP))
                .hasValueSatisfying(t -> assertThat(t.expiresAt()).isBefore(T0));
    }

    @Test
    void invalidatingAnOldToken_leavesTheNewOneAlone() {
        store.tryLease(APP, "node-a", T0, T0.plusSeconds(30));
        store.publish(APP, "node-a", token("TOKEN-1", Duration.ofHours(2)));
        store.tryLease(APP, "node-a", T0, T0.plusSeconds(30));
        store.publish(APP, "node-a", token("TOKEN-2", Duration.ofHours(2)));

        assertThat(store.invalidate(APP, "TOKEN-1")).isFalse();
        assertThat(store.read(APP)).contains(token("TOKEN-2", Duration.ofHours(2)));
    }

    @Test
    void appsAreIndependent() {
        assertThat(store.tryLease(APP, "node-a", T0, T0.plusSeconds(30))).isTrue();
        assertThat(store.tryLease("ww0123456789abcdef", "node-a", T0, T0.plusSeconds(30)))
                .isTrue();
    }

    @Test
    void twentyConcurrentLeaseAttempts_exactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                TokenStore view = i % 2 == 0 ? store : sameDataElsewhere();
                String holder = "node-" + i;
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return view.tryLease(APP, holder, T0, T0.plusSeconds(30));
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> outcome : outcomes) {
                won += outcome.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
