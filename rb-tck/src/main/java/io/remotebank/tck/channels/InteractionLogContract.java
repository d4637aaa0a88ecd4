package io.remotebank.tck.channels;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.channels.Address;
import io.remotebank.channels.spi.InteractionLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link InteractionLog} (rb-channels): extend it and return a fresh, empty
 * log from {@link #newLog()}; return a second log on the same data from {@link #sameDataElsewhere()}
 * when the log is shared between processes, so that the cluster cases run across instances.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class InteractionLogContract {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final Address FOLLOWER =
            new Address.WeChatOpenId("wx0123456789abcdef", "o6_bmjrPTlm6_2sgVt7hMZOPfL2M");
    private static final Address OTHER_APP =
            new Address.WeChatOpenId("wxfedcba9876543210", "o6_bmjrPTlm6_2sgVt7hMZOPfL2M");
    private static final Address MINI =
            new Address.MiniProgramOpenId("wx0123456789abcdef", "o6_bmjrPTlm6_2sgVt7hMZOPfL2M");

    /** The log under test, fresh for each test. */
    protected InteractionLog log;

    /** For subclasses. */
    protected InteractionLogContract() {}

    /**
     * A fresh, empty log.
     *
     * @return the log
     * @throws Exception when it cannot be made
     */
    protected abstract InteractionLog newLog() throws Exception;

    /**
     * Another instance on the same data as {@link #log} (another process's view). Default: the same
     * instance, for a log of one process.
     *
     * @return the instance
     * @throws Exception when it cannot be made
     */
    protected InteractionLog sameDataElsewhere() throws Exception {
        return log;
    }

    /** Opens the log. */
    @BeforeEach
    protected void openLog() throws Exception {
        log = newLog();
    }

    @Test
    void unknownAddress_hasNoInteraction() {
        assertThat(log.lastInteraction(FOLLOWER)).isEmpty();
    }

    @Test
    void recordedInteraction_comesBackExactly() {
        log.record(FOLLOWER, T0.plusMillis(123));

        assertThat(log.lastInteraction(FOLLOWER)).contains(T0.plusMillis(123));
    }

    @Test
    void laterInteraction_replacesTheEarlier_andAnEarlierOneChangesNothing() {
        log.record(FOLLOWER, T0);
        log.record(FOLLOWER, T0.plusSeconds(60));
        log.record(FOLLOWER, T0.plusSeconds(30));

        assertThat(log.lastInteraction(FOLLOWER)).contains(T0.plusSeconds(60));
    }

    @Test
    void addresses_ofOtherAppsAndChannels_areIndependent() {
        log.record(FOLLOWER, T0);

        assertThat(log.lastInteraction(OTHER_APP)).isEmpty();
        assertThat(log.lastInteraction(MINI)).isEmpty();
    }

    @Test
    void concurrentRecords_keepTheLatest() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Instant at = T0.plusSeconds(i);
                done.add(pool.submit(() -> {
                    start.await();
                    log.record(FOLLOWER, at);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(log.lastInteraction(FOLLOWER)).contains(T0.plusSeconds(199));
    }

    @Test
    void recordOnOneNode_isSeenOnTheOther() throws Exception {
        InteractionLog other = sameDataElsewhere();

        log.record(FOLLOWER, T0);
        other.record(FOLLOWER, T0.minusSeconds(60));

        assertThat(other.lastInteraction(FOLLOWER)).contains(T0);
        assertThat(log.lastInteraction(FOLLOWER)).contains(T0);
    }

    @Test
    void twoNodesRecordingAtOnce_keepTheLatest_forEveryAddress() throws Exception {
        InteractionLog other = sameDataElsewhere();
        List<Address> followers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            followers.add(new Address.WeChatOpenId("wx0123456789abcdef", "o6_follower_" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                InteractionLog node = i % 2 == 0 ? log : other;
                Address address = followers.get(i % followers.size());
                Instant at = T0.plusSeconds(i);
                done.add(pool.submit(() -> {
                    start.await();
                    node.record(address, at);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        for (int a = 0; a < followers.size(); a++) {
            // The last of the 60 records that went to this address: i = 50 + a.
            assertThat(log.lastInteraction(followers.get(a))).contains(T0.plusSeconds(50 + a));
            assertThat(other.lastInteraction(followers.get(a))).contains(T0.plusSeconds(50 + a));
        }
    }
}
