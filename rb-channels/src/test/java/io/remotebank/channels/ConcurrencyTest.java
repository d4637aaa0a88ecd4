package io.remotebank.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.core.ContactChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Many threads sending with overlapping idempotency keys: one result and one message per key. */
class ConcurrencyTest {

    private static final int THREADS = 16;
    private static final int KEYS = 40;
    private static final int SENDS_PER_THREAD = 120;

    @Test
    void overlappingKeys_fromManyThreads_giveOneResultPerKey_andOneSubmissionPerKey() throws Exception {
        try (Fixture f = new Fixture()) {
            Map<String, Set<SendResult>> results = new ConcurrentHashMap<>();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < SENDS_PER_THREAD; i++) {
                            String key = "otp:" + ((i * 7 + thread) % KEYS);
                            // Each thread sends to another address: only the first send of a key counts.
                            Address to = thread % 2 == 0 ? Fixture.ALICE_SMS : Fixture.BOB_SMS;
                            SendResult r = f.messaging.send(Fixture.otp(to, key));
                            results.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet())
                                    .add(r);
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

            assertThat(results).hasSize(KEYS);
            results.forEach((key, set) -> assertThat(set).as(key).hasSize(1));
            Set<MessageId> ids =
                    results.values().stream().map(s -> s.iterator().next().id()).collect(Collectors.toSet());
            assertThat(ids).hasSize(KEYS);
            for (String key : results.keySet()) {
                assertThat(f.messaging.find(ContactChannel.SMS, IdempotencyKey.of(key)))
                        .map(MessageRecord::id)
                        .contains(results.get(key).iterator().next().id());
            }
            assertThat(f.auditActions()).hasSize(KEYS);

            while (f.messaging.dispatchDue() > 0) {
                // drain
            }
            assertThat(f.sms.submissions()).hasSize(KEYS);
            assertThat(f.sms.delivered().keySet()).isEqualTo(ids);
        }
    }
}
