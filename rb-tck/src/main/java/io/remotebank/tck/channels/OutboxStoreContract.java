package io.remotebank.tck.channels;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.channels.Address;
import io.remotebank.channels.Category;
import io.remotebank.channels.ChannelsError;
import io.remotebank.channels.ChannelsException;
import io.remotebank.channels.IdempotencyKey;
import io.remotebank.channels.Message;
import io.remotebank.channels.MessageId;
import io.remotebank.channels.MessageRecord;
import io.remotebank.channels.MessageStatus;
import io.remotebank.channels.Recipient;
import io.remotebank.channels.RejectionReason;
import io.remotebank.channels.SendResult;
import io.remotebank.channels.SuppressionReason;
import io.remotebank.channels.spi.OutboxStore;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link OutboxStore}: extend it and return a fresh, empty store from
 * {@link #newStore()}; override {@link #reopen} when the store keeps records across a restart.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class OutboxStoreContract {

    private static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");
    private static final CustomerId ALICE = CustomerId.of("C1001");
    private static final Address ALICE_SMS = Address.Msisdn.of("13812345678");

    /** The store under test, fresh for each test. */
    protected OutboxStore store;

    /** For subclasses. */
    protected OutboxStoreContract() {}

    /**
     * A new store that holds no records.
     *
     * @return the store
     */
    protected abstract OutboxStore newStore();

    /**
     * Closes a store and opens it again on the same data, for the durability test.
     *
     * @param old the store, to be closed
     * @return the reopened store, or empty when the store keeps nothing across a restart
     */
    protected Optional<OutboxStore> reopen(OutboxStore old) {
        return Optional.empty();
    }

    /** Creates the store under test. */
    @BeforeEach
    void createStore() {
        store = newStore();
    }

    /** Closes it. */
    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    private static Message otp(String key) {
        return Message.builder(Recipient.of(ALICE_SMS, ALICE), Category.OTP, key)
                .template("otp.login", Map.of("code", "493817"))
                .build();
    }

    private static MessageRecord accepted(String key, Instant at) {
        MessageId id = MessageId.random();
        return MessageRecord.created(otp(key), new SendResult.Accepted(id), at);
    }

    @Test
    void insertedRecords_comeBackUnchanged_byIdAndByChannelAndKey() {
        Message rich = Message.builder(
                        Recipient.of(
                                new Address.WeChatOpenId("wx0123456789abcdef", "o6_bmjrPTlm6_2sgVt7hMZOPfL2M"),
                                CustomerId.of("C-9:x")),
                        Category.MARKETING,
                        "campaign-42:C-9:x")
                .template("campaign.x", Map.of("name", "张三", "odd", "a=b&c\\d", "empty", ""))
                .deadline(T0.plus(Duration.ofDays(1)))
                .zone(ZoneId.of("America/New_York"))
                .build();
        MessageId id = MessageId.random();
        MessageRecord deferred = MessageRecord.created(rich, new SendResult.Deferred(id, T0.plusSeconds(3600)), T0);
        Message text = Message.builder(Recipient.of(ALICE_SMS), Category.TRANSACTIONAL, "tx:1")
                .text("A debit of CNY 20.00.\nLine two, 中文, \"quotes\" & 'apostrophes'.")
                .build();
        MessageRecord plain = MessageRecord.created(text, new SendResult.Accepted(MessageId.random()), T0);

        assertThat(store.insertIfAbsent(deferred)).isEqualTo(deferred);
        assertThat(store.insertIfAbsent(plain)).isEqualTo(plain);

        assertThat(store.find(id)).contains(deferred);
        assertThat(store.find(ContactChannel.WECHAT, IdempotencyKey.of("campaign-42:C-9:x")))
                .contains(deferred);
        assertThat(store.find(plain.id())).contains(plain);
        assertThat(store.find(MessageId.random())).isEmpty();
        assertThat(store.find(ContactChannel.SMS, IdempotencyKey.of("nope"))).isEmpty();
    }

    @Test
    void everyKindOfResult_comesBackUnchanged() {
        Message unresolved = Message.builder(
                        Recipient.customer(ALICE, ContactChannel.SMS), Category.NOTIFICATION, "n:1")
                .text("Your statement is ready.")
                .build();
        MessageId s = MessageId.random();
        MessageId r = MessageId.random();
        MessageRecord suppressed = MessageRecord.created(
                otp("s:1"), new SendResult.Suppressed(s, SuppressionReason.FREQUENCY_CAP, "cap of 3 per PT24H"), T0);
        MessageRecord rejected = MessageRecord.created(
                unresolved, new SendResult.Rejected(r, RejectionReason.NO_ADDRESS, "no sms address"), T0);
        store.insertIfAbsent(suppressed);
        store.insertIfAbsent(rejected);

        assertThat(store.find(s)).contains(suppressed);
        assertThat(store.find(r)).contains(rejected);
        assertThat(store.find(s).orElseThrow().status()).isEqualTo(MessageStatus.SUPPRESSED);
        assertThat(store.find(r).orElseThrow().status()).isEqualTo(MessageStatus.REJECTED);
    }

    @Test
    void sameChannelAndKey_returnsTheFirstRecord_andWritesNothing() {
        MessageRecord first = accepted("otp:1", T0);
        MessageRecord second = accepted("otp:1", T0.plusSeconds(5));

        store.insertIfAbsent(first);
        assertThat(store.insertIfAbsent(second)).isEqualTo(first);

        assertThat(store.find(second.id())).isEmpty();
    }

    @Test
    void sameKeyOnAnotherChannel_isAnotherMessage() {
        MessageRecord sms = accepted("k", T0);
        Message wechat = Message.builder(
                        Recipient.of(new Address.WeChatOpenId("wx0123456789abcdef", "openid-1")), Category.OTP, "k")
                .text("code 1")
                .build();
        MessageRecord other = MessageRecord.created(wechat, new SendResult.Accepted(MessageId.random()), T0);

        store.insertIfAbsent(sms);
        assertThat(store.insertIfAbsent(other)).isEqualTo(other);
    }

    @Test
    void claimDue_leasesQueuedDueUnleasedRecords_earliestFirst_upToTheLimit() {
        MessageRecord late =
                MessageRecord.created(otp("late"), new SendResult.Deferred(MessageId.random(), T0.plusSeconds(60)), T0);
        MessageRecord second = accepted("second", T0.plusMillis(2));
        MessageRecord first = accepted("first", T0.plusMillis(1));
        MessageRecord suppressed = MessageRecord.created(
                otp("supp"), new SendResult.Suppressed(MessageId.random(), SuppressionReason.OPTED_OUT, "x"), T0);
        List.of(late, second, first, suppressed).forEach(store::insertIfAbsent);

        Instant now = T0.plusSeconds(1);
        List<MessageRecord> claimed = store.claimDue(now, 1, "d1", now.plusSeconds(30));
        assertThat(claimed).containsExactly(first);
        assertThat(store.claimDue(now, 10, "d1", now.plusSeconds(30))).containsExactly(second);
        assertThat(store.claimDue(now, 10, "d2", now.plusSeconds(30))).isEmpty();
        // At 60 s the late one is due, and the leases taken above (until 31 s) have ended.
        assertThat(store.claimDue(T0.plusSeconds(60), 10, "d2", T0.plusSeconds(90)))
                .containsExactly(first, second, late);
    }

    @Test
    void aLeasedRecord_isClaimedAgain_onlyWhenTheLeaseEnds_orAfterAnUpdate() {
        MessageRecord a = accepted("a", T0);
        MessageRecord b = accepted("b", T0);
        store.insertIfAbsent(a);
        store.insertIfAbsent(b);
        assertThat(store.claimDue(T0, 10, "d1", T0.plusSeconds(30))).hasSize(2);

        assertThat(store.claimDue(T0.plusSeconds(29), 10, "d2", T0.plusSeconds(60)))
                .isEmpty();
        // An update ends the lease: a record queued again for later is due then.
        MessageRecord retry = a.with(
                MessageStatus.QUEUED,
                T0.plusSeconds(10),
                1,
                Optional.of("p"),
                Optional.empty(),
                Optional.of("throttled"),
                T0.plusSeconds(1));
        store.update(retry);
        assertThat(store.claimDue(T0.plusSeconds(10), 10, "d2", T0.plusSeconds(40)))
                .containsExactly(retry);
        // The other lease ends at 30 s.
        assertThat(store.claimDue(T0.plusSeconds(30), 10, "d3", T0.plusSeconds(60)))
                .containsExactly(b);
    }

    @Test
    void update_writesTheChangingFields_andFindsByProviderId() {
        MessageRecord r = accepted("u", T0);
        store.insertIfAbsent(r);
        MessageRecord submitted = r.with(
                MessageStatus.SUBMITTED,
                r.dueAt(),
                2,
                Optional.of("smpp:carrier-a"),
                Optional.of("0a1b2c3d"),
                Optional.of("previous: throttled"),
                T0.plusSeconds(3));
        store.update(submitted);

        assertThat(store.find(r.id())).contains(submitted);
        assertThat(store.findByProviderMessageId("smpp:carrier-a", "0a1b2c3d")).contains(submitted);
        assertThat(store.findByProviderMessageId("smpp:carrier-b", "0a1b2c3d")).isEmpty();
        assertThat(store.claimDue(T0.plusSeconds(10), 10, "d", T0.plusSeconds(40)))
                .isEmpty();

        MessageRecord unknown = accepted("never-inserted", T0);
        assertThatThrownBy(() -> store.update(unknown))
                .isInstanceOfSatisfying(
                        ChannelsException.class, e -> assertThat(e.code()).isEqualTo(ChannelsError.STORE_FAILED));
    }

    @Test
    void countScheduled_countsAcceptedAndDeferred_ofOneRecipientAndCategory_strictlyBetween() {
        store.insertIfAbsent(accepted("c1", T0));
        store.insertIfAbsent(accepted("c2", T0.plusSeconds(10)));
        store.insertIfAbsent(
                MessageRecord.created(otp("c3"), new SendResult.Deferred(MessageId.random(), T0.plusSeconds(100)), T0));
        store.insertIfAbsent(MessageRecord.created(
                otp("c4"), new SendResult.Suppressed(MessageId.random(), SuppressionReason.FREQUENCY_CAP, "x"), T0));
        Message toBob = Message.builder(Recipient.of(Address.Msisdn.of("+14155550123")), Category.OTP, "c5")
                .text("x")
                .build();
        store.insertIfAbsent(MessageRecord.created(toBob, new SendResult.Accepted(MessageId.random()), T0));
        String alice = Recipient.of(ALICE_SMS, ALICE).capKey();

        assertThat(store.countScheduled(alice, Category.OTP, T0.minusSeconds(1), T0.plusSeconds(1000)))
                .isEqualTo(3);
        assertThat(store.countScheduled(alice, Category.OTP, T0, T0.plusSeconds(100)))
                .isEqualTo(1);
        assertThat(store.countScheduled(alice, Category.OTP, T0.plusSeconds(50), T0.plusSeconds(101)))
                .isEqualTo(1);
        assertThat(store.countScheduled(alice, Category.MARKETING, T0.minusSeconds(1), T0.plusSeconds(1000)))
                .isZero();
    }

    @Test
    void manyThreadsInsertingOneKey_storeOneRecord_andAllSeeIt() throws Exception {
        int threads = 8;
        Set<MessageId> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int k = 0; k < 20; k++) {
                        seen.add(store.insertIfAbsent(accepted("race:" + k, T0)).id());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> d : done) {
                d.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(seen).hasSize(20);
    }

    @Test
    void concurrentClaims_neverLeaseOneRecordTwice() throws Exception {
        int records = 200;
        for (int i = 0; i < records; i++) {
            store.insertIfAbsent(accepted("claim:" + i, T0));
        }
        int threads = 4;
        List<MessageId> claimed = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String owner = "d" + t;
                done.add(pool.submit(() -> {
                    start.await();
                    List<MessageRecord> batch;
                    do {
                        batch = store.claimDue(T0, 7, owner, T0.plusSeconds(60));
                        batch.forEach(r -> claimed.add(r.id()));
                    } while (!batch.isEmpty());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> d : done) {
                d.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(new HashSet<>(claimed)).hasSize(records);
        assertThat(claimed).hasSize(records);
    }

    @Test
    void records_surviveAReopen() {
        MessageRecord r = accepted("durable", T0);
        store.insertIfAbsent(r);
        Optional<OutboxStore> reopened = reopen(store);
        Assumptions.assumeTrue(reopened.isPresent(), "this store keeps nothing across a restart");
        store = reopened.get();

        assertThat(store.find(r.id())).contains(r);
        assertThat(store.claimDue(T0, 10, "after-restart", T0.plusSeconds(60))).containsExactly(r);
    }
}
