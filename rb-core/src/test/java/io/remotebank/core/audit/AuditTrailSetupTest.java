package io.remotebank.core.audit;

import static io.remotebank.core.ErrorAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.crypto.KeyProviders;
import io.remotebank.core.crypto.KeyType;
import io.remotebank.core.spi.KeyProvider;
import io.remotebank.core.time.Cancellable;
import io.remotebank.core.time.Scheduler;
import io.remotebank.core.time.Ticker;
import io.remotebank.testsupport.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the trail's builder refuses, and the time it runs on. */
class AuditTrailSetupTest {

    @TempDir
    Path dir;

    static Stream<Arguments> mismatchedSigners() {
        return Stream.of(
                Arguments.of(CryptoSuite.sm(), KeyType.EC_P256), // ECDSA checkpoints over an SM3 tree
                Arguments.of(CryptoSuite.international(), KeyType.SM2));
    }

    @ParameterizedTest(name = "{0} suite with a {1} signer")
    @MethodSource("mismatchedSigners")
    void aSignerOfTheOtherSuite_isRefused_andTheStoreIsLeftClosed(CryptoSuite suite, KeyType signerType) {
        KeyProvider keys = KeyProviders.inMemory();
        KeyId wrong = KeyId.of("audit/wrong");
        keys.generate(wrong, signerType);

        Throwable thrown = catchThrowable(() -> AuditTrail.builder(AuditStores.directory(dir))
                .suite(suite)
                .signer(keys, wrong)
                .open());

        assertThat(thrown).isExactlyInstanceOf(ValidationException.class);
        assertCode(thrown, CoreError.AUDIT_SIGNER_MISMATCH);
        assertThat(thrown.getMessage())
                .contains(
                        "audit/wrong", signerType.name(), suite.signingKeyType().name());
        // The refused trail released the directory: the right signer opens it at once.
        KeyId right = KeyId.of("audit/right");
        keys.generate(right, suite.signingKeyType());
        try (AuditTrail trail = AuditTrail.builder(AuditStores.directory(dir))
                .suite(suite)
                .signer(keys, right)
                .open()) {
            assertThat(trail.size()).isZero();
        }
    }

    @Test
    void theGroupCommitTick_runsOnTheGivenScheduler_andStopsWhenTheTrailCloses() {
        Fixtures f = new Fixtures(CryptoSuite.international());
        RecordingScheduler scheduler = new RecordingScheduler();

        AuditTrail trail = f.trail(AuditStores.inMemory())
                .groupCommitInterval(Duration.ofMillis(25))
                .scheduler(scheduler)
                .open();

        assertThat(scheduler.scheduled).singleElement().satisfies(task -> {
            assertThat(task.delay).isEqualTo(Duration.ofMillis(25));
            assertThat(task.cancelled).isFalse();
        });
        trail.close();
        assertThat(scheduler.scheduled)
                .allSatisfy(task -> assertThat(task.cancelled).isTrue());
    }

    @Test
    void aTimeCheckpoint_comesWithTheSchedulersTick_atTheClocksTime() {
        Fixtures f = new Fixtures(CryptoSuite.sm());
        RecordingScheduler scheduler = new RecordingScheduler();
        try (AuditTrail trail = f.trail(AuditStores.inMemory())
                .checkpointEvery(1_000_000)
                .checkpointInterval(Duration.ofSeconds(10))
                .scheduler(scheduler)
                .open()) {
            trail.append(Fixtures.event(0));
            f.clock.advanceSeconds(11);

            scheduler.runDue(); // the writer wakes, sees the interval passed on the clock

            eventually(() -> trail.latestCheckpoint().isPresent());
            assertThat(trail.latestCheckpoint().orElseThrow().time()).isEqualTo(Fixtures.T0.plusSeconds(11));
        }
    }

    /** Waits for a state the background writer reaches; fails after ten seconds. */
    private static void eventually(BooleanSupplier condition) {
        Await.until("the audit writer reaches the state", condition);
    }

    /** A scheduler that only records: a test runs what it scheduled. */
    static final class RecordingScheduler implements Scheduler {
        final List<Task> scheduled = new ArrayList<>();

        @Override
        public synchronized Cancellable schedule(Duration delay, Runnable task) {
            Task t = new Task(delay, task);
            scheduled.add(t);
            return t;
        }

        @Override
        public Ticker ticker() {
            return () -> 0;
        }

        void runDue() {
            List<Task> due;
            synchronized (this) {
                due = scheduled.stream().filter(t -> !t.cancelled && !t.ran).toList();
            }
            for (Task t : due) {
                t.ran = true;
                t.task.run();
            }
        }

        static final class Task implements Cancellable {
            final Duration delay;
            final Runnable task;
            volatile boolean cancelled;
            volatile boolean ran;

            Task(Duration delay, Runnable task) {
                this.delay = delay;
                this.task = task;
            }

            @Override
            public boolean cancel() {
                boolean was = !cancelled;
                cancelled = true;
                return was;
            }
        }
    }
}
