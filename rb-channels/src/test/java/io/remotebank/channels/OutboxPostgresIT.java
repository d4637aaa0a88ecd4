package io.remotebank.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.channels.policy.ContactPolicy;
import io.remotebank.channels.simulator.SimulatedProvider;
import io.remotebank.channels.spi.OutboxStore;
import io.remotebank.core.ContactChannel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox on a real PostgreSQL server: end to end, two processes' worth of senders and dispatchers, a crash. */
class OutboxPostgresIT {

    private String table;

    @BeforeEach
    void requireServer() {
        Postgres.require();
        table = Postgres.freshTable();
    }

    @AfterEach
    void dropTable() {
        if (table != null) {
            Postgres.drop(table);
        }
    }

    @Test
    void otp_isStored_dispatched_delivered_andARepeatedKeyReturnsTheFirstResult() {
        try (OutboxStore store = Postgres.store(table);
                Fixture f = new Fixture(
                        Instant.parse("2026-11-28T02:00:00Z"), b -> b.store(store), ContactPolicy.ofDefaults())) {
            SendResult r = f.messaging.send(Fixture.otp(Fixture.ALICE_SMS, "otp:pg:1"));
            assertThat(f.messaging.send(Fixture.otp(Fixture.BOB_SMS, "otp:pg:1")))
                    .isEqualTo(r);
            assertThat(store.find(r.id())).isPresent();

            assertThat(f.messaging.dispatchDue()).isEqualTo(1);

            assertThat(store.find(r.id()).orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
            assertThat(f.statuses(r.id())).containsExactly(MessageStatus.SUBMITTED, MessageStatus.DELIVERED);
        }
    }

    @Test
    void twoServicesOnOneTable_overlappingKeys_oneResultPerKey_andEachMessageSubmittedOnce() throws Exception {
        int keys = 30;
        try (OutboxStore storeA = Postgres.store(table);
                OutboxStore storeB = Postgres.store(table);
                Fixture a = new Fixture(
                        Instant.parse("2026-11-28T02:00:00Z"),
                        b -> b.store(storeA).dispatcherId("a"),
                        ContactPolicy.ofDefaults(),
                        SimulatedProvider.sms());
                Fixture b = new Fixture(
                        Instant.parse("2026-11-28T02:00:00Z"),
                        x -> x.store(storeB).dispatcherId("b"),
                        ContactPolicy.ofDefaults(),
                        SimulatedProvider.sms())) {
            Map<String, Set<MessageId>> ids = new ConcurrentHashMap<>();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    Fixture side = t % 2 == 0 ? a : b;
                    int thread = t;
                    done.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < 60; i++) {
                            String key = "pg:" + ((i + thread) % keys);
                            SendResult r = side.messaging.send(Fixture.otp(Fixture.ALICE_SMS, key));
                            ids.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet())
                                    .add(r.id());
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> d : done) {
                    d.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(ids).hasSize(keys);
            ids.forEach((k, v) -> assertThat(v).as(k).hasSize(1));

            // Both dispatchers at once: every message leased and submitted by exactly one of them.
            Future<Integer> fromA;
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                fromA = two.submit(() -> drain(a));
                Future<Integer> fromB = two.submit(() -> drain(b));
                assertThat(fromA.get(60, TimeUnit.SECONDS) + fromB.get(60, TimeUnit.SECONDS))
                        .isEqualTo(keys);
            } finally {
                two.shutdownNow();
            }
            Set<MessageId> submitted = new HashSet<>();
            submitted.addAll(a.sms.delivered().keySet());
            submitted.addAll(b.sms.delivered().keySet());
            assertThat(a.sms.submissions().size() + b.sms.submissions().size()).isEqualTo(keys);
            assertThat(submitted).hasSize(keys);
            for (int i = 0; i < keys; i++) {
                assertThat(storeA.find(ContactChannel.SMS, IdempotencyKey.of("pg:" + i)))
                        .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(MessageStatus.DELIVERED));
            }
        }
    }

    private static int drain(Fixture f) {
        int total = 0;
        int n;
        while ((n = f.messaging.dispatchDue()) > 0) {
            total += n;
        }
        return total;
    }

    @Test
    void killedWithSigkill_midRun_everyAcceptedMessageReachesTheProviderExactlyOnceAfterDeduplication(@TempDir Path dir)
            throws Exception {
        CrashHarness.Outcome outcome = CrashHarness.run(dir, Postgres.storeArgs(table));
        System.out.println("PostgreSQL crash run: " + outcome);
        assertThat(outcome.stored()).isGreaterThanOrEqualTo(outcome.acceptedBeforeKill());
    }
}
