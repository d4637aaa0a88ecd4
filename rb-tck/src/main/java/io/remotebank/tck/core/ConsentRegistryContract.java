package io.remotebank.tck.core;

import static org.apiguardian.api.API.Status.STABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.ContactChannel;
import io.remotebank.core.CoreError;
import io.remotebank.core.CustomerId;
import io.remotebank.core.RbException;
import io.remotebank.core.consent.ConsentPurpose;
import io.remotebank.core.consent.ConsentRecord;
import io.remotebank.core.spi.ConsentRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apiguardian.api.API;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link ConsentRegistry}: extend it and return a fresh, empty registry
 * from {@link #newRegistry()}.
 */
@API(status = STABLE, since = "0.1")
public abstract class ConsentRegistryContract {

    private static final CustomerId ALICE = CustomerId.of("C1001");
    private static final CustomerId BOB = CustomerId.of("C1002");
    private static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");

    /** The registry under test, fresh for each test. */
    protected ConsentRegistry registry;

    /** For subclasses. */
    protected ConsentRegistryContract() {}

    /**
     * A new registry that holds no records.
     *
     * @return the registry
     */
    protected abstract ConsentRegistry newRegistry();

    /** Creates the registry under test. */
    @BeforeEach
    void createRegistry() {
        registry = newRegistry();
    }

    private static ConsentRecord grant(CustomerId c, ConsentPurpose p, Instant at) {
        return ConsentRecord.granted(c, p, at, ContactChannel.APP_PUSH, "form:v3/" + at.getEpochSecond());
    }

    private static ConsentRecord withdraw(CustomerId c, ConsentPurpose p, Instant at) {
        return ConsentRecord.withdrawn(c, p, at, ContactChannel.SMS, "sms-reply:TD/" + at.getEpochSecond());
    }

    @Test
    void noRecord_meansNoConsent() {
        assertThat(registry.isGranted(ALICE, ConsentPurpose.MARKETING_SMS)).isFalse();
        assertThat(registry.current(ALICE, ConsentPurpose.MARKETING_SMS)).isEmpty();
        assertThat(registry.history(ALICE)).isEmpty();
    }

    @Test
    void grantThenWithdrawal_andTheStateAtEachTime() {
        registry.record(grant(ALICE, ConsentPurpose.MARKETING_SMS, T0));
        registry.record(withdraw(ALICE, ConsentPurpose.MARKETING_SMS, T0.plusSeconds(3600)));

        assertThat(registry.isGranted(ALICE, ConsentPurpose.MARKETING_SMS)).isFalse();
        assertThat(registry.wasGranted(ALICE, ConsentPurpose.MARKETING_SMS, T0.minusSeconds(1)))
                .isFalse();
        assertThat(registry.wasGranted(ALICE, ConsentPurpose.MARKETING_SMS, T0)).isTrue();
        assertThat(registry.wasGranted(ALICE, ConsentPurpose.MARKETING_SMS, T0.plusSeconds(3599)))
                .isTrue();
        assertThat(registry.wasGranted(ALICE, ConsentPurpose.MARKETING_SMS, T0.plusSeconds(3600)))
                .isFalse();
        assertThat(registry.asOf(ALICE, ConsentPurpose.MARKETING_SMS, T0.minusSeconds(1)))
                .isEmpty();
    }

    @Test
    void purposesAndCustomers_areIndependent() {
        registry.record(grant(ALICE, ConsentPurpose.FACE_BIOMETRICS, T0));

        assertThat(registry.isGranted(ALICE, ConsentPurpose.FACE_BIOMETRICS)).isTrue();
        assertThat(registry.isGranted(ALICE, ConsentPurpose.MARKETING_SMS)).isFalse();
        assertThat(registry.isGranted(BOB, ConsentPurpose.FACE_BIOMETRICS)).isFalse();
        assertThat(registry.history(BOB)).isEmpty();
    }

    @Test
    void history_keepsEveryRecord_inRecordingOrder() {
        ConsentRecord first = grant(ALICE, ConsentPurpose.MARKETING_SMS, T0.plusSeconds(10));
        ConsentRecord second = grant(ALICE, ConsentPurpose.SALES_RECORDING, T0);
        ConsentRecord third = withdraw(ALICE, ConsentPurpose.MARKETING_SMS, T0.plusSeconds(20));

        registry.record(first);
        registry.record(second);
        registry.record(third);

        assertThat(registry.history(ALICE)).containsExactly(first, second, third);
    }

    @Test
    void lateRecordedOlderGrant_doesNotOverrideANewerWithdrawal() {
        registry.record(withdraw(ALICE, ConsentPurpose.MARKETING_WECHAT, T0.plusSeconds(60)));
        registry.record(grant(ALICE, ConsentPurpose.MARKETING_WECHAT, T0)); // a paper form entered late

        assertThat(registry.isGranted(ALICE, ConsentPurpose.MARKETING_WECHAT)).isFalse();
        assertThat(registry.wasGranted(ALICE, ConsentPurpose.MARKETING_WECHAT, T0.plusSeconds(30)))
                .isTrue();
    }

    @Test
    void sameTime_lastRecordedWins() {
        registry.record(grant(ALICE, ConsentPurpose.MARKETING_VOICE, T0));
        registry.record(withdraw(ALICE, ConsentPurpose.MARKETING_VOICE, T0));

        assertThat(registry.isGranted(ALICE, ConsentPurpose.MARKETING_VOICE)).isFalse();
    }

    @Test
    void recordsComeBackUnchanged() {
        ConsentRecord record = ConsentRecord.granted(
                ALICE,
                ConsentPurpose.of("bank.custom-purpose"),
                T0.plusNanos(123_456_789),
                ContactChannel.BRANCH,
                "paper-form:2026/11/28/0042 签字");

        registry.record(record);

        assertThat(registry.current(ALICE, ConsentPurpose.of("bank.custom-purpose")))
                .contains(record);
    }

    @Test
    void missingArguments_areRejected() {
        assertThatThrownBy(() -> registry.record(null))
                .isInstanceOf(RbException.class)
                .satisfies(e -> assertThat(((RbException) e).code()).isEqualTo(CoreError.ARGUMENT_MISSING));
        assertThatThrownBy(() -> registry.history(null)).isInstanceOf(RbException.class);
        assertThatThrownBy(() -> registry.asOf(ALICE, ConsentPurpose.MARKETING_SMS, null))
                .isInstanceOf(RbException.class);
    }

    @Test
    void manyThreads_recordWithoutLoss() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                futures.add(pool.submit(() -> registry.record(
                        grant(n % 2 == 0 ? ALICE : BOB, ConsentPurpose.MARKETING_SMS, T0.plusSeconds(n)))));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(registry.history(ALICE)).hasSize(100);
        assertThat(registry.history(BOB)).hasSize(100);
    }
}
