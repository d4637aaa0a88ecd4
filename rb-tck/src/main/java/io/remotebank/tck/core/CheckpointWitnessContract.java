package io.remotebank.tck.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.AuditException;
import io.remotebank.core.CoreError;
import io.remotebank.core.audit.Actor;
import io.remotebank.core.audit.AuditEvent;
import io.remotebank.core.audit.AuditStores;
import io.remotebank.core.audit.AuditTrail;
import io.remotebank.core.audit.Checkpoint;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.crypto.KeyProviders;
import io.remotebank.core.spi.CheckpointWitness;
import io.remotebank.core.spi.KeyProvider;
import java.util.ArrayList;
import java.util.List;
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
 * The compatibility kit of {@link CheckpointWitness}: extend it, return a fresh, empty witness from
 * {@link #newWitness()}, and, for a durable witness, close and open it again in {@link
 * #reopen(CheckpointWitness)}. The checkpoints it publishes are real ones, signed by a trail the kit
 * writes.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class CheckpointWitnessContract {

    private static final int CHECKPOINTS = 20;

    /** The witness under test. */
    protected CheckpointWitness witness;

    /** Checkpoints of one trail at sizes 1 to 20. */
    private final List<Checkpoint> history = Signed.HISTORY;

    /** A checkpoint of another trail at size 5: the same size as history's fifth, another root. */
    private final Checkpoint fork = Signed.FORK;

    /** For subclasses. */
    protected CheckpointWitnessContract() {}

    /**
     * A new witness that holds nothing.
     *
     * @return the witness
     */
    protected abstract CheckpointWitness newWitness();

    /**
     * Closes a witness and opens it again over the same data; a witness that keeps nothing across a
     * restart returns empty, and the durability test is skipped with a message.
     *
     * @param witness the witness to close
     * @return the reopened witness
     */
    protected Optional<CheckpointWitness> reopen(CheckpointWitness witness) {
        return Optional.empty();
    }

    /** The checkpoints every test publishes, signed once. */
    private static final class Signed {
        static final List<Checkpoint> HISTORY = checkpoints("kit/trail-a", CHECKPOINTS, "approved");
        static final Checkpoint FORK = checkpoints("kit/trail-b", 5, "rejected").get(4);
    }

    /** Creates the witness under test. */
    @BeforeEach
    void createWitness() {
        witness = newWitness();
        assertThat(witness.checkpoints()).as("a new witness holds nothing").isEmpty();
        assertThat(witness.latest()).isEmpty();
    }

    /** Closes it. */
    @AfterEach
    void closeWitness() {
        if (witness != null) {
            witness.close();
        }
    }

    /** Checkpoints at sizes 1..count of a trail of the given events, made as a trail makes them. */
    private static List<Checkpoint> checkpoints(String signer, int count, String decision) {
        KeyProvider keys = KeyProviders.inMemory();
        KeyId key = KeyId.of(signer);
        keys.generate(key, CryptoSuite.international().signingKeyType());
        List<Checkpoint> out = new ArrayList<>();
        try (AuditTrail trail = AuditTrail.builder(AuditStores.inMemory())
                .signer(keys, key)
                .checkpointEvery(1_000_000)
                .open()) {
            for (int i = 0; i < count; i++) {
                trail.append(AuditEvent.builder("identity.flow.decided", Actor.system("kit"))
                        .detail("decision", decision)
                        .detail("n", i)
                        .build());
                out.add(trail.checkpoint());
            }
        }
        return List.copyOf(out);
    }

    private static List<String> json(List<Checkpoint> checkpoints) {
        return checkpoints.stream().map(Checkpoint::toJson).toList();
    }

    private static void assertRefused(Runnable publication) {
        assertThatThrownBy(publication::run)
                .isInstanceOfSatisfying(
                        AuditException.class, e -> assertThat(e.code()).isEqualTo(CoreError.AUDIT_TAMPERED));
    }

    @Test
    void publishedCheckpoints_comeBackUnchanged_smallestFirst() {
        witness.publish(history.get(0));
        witness.publish(history.get(3));
        witness.publish(history.get(9));

        assertThat(json(witness.checkpoints()))
                .containsExactly(
                        history.get(0).toJson(),
                        history.get(3).toJson(),
                        history.get(9).toJson());
        assertThat(witness.latest())
                .hasValueSatisfying(
                        c -> assertThat(c.toJson()).isEqualTo(history.get(9).toJson()));
        assertThat(witness.latest().orElseThrow()).isEqualTo(history.get(9));
    }

    @Test
    void publishingTheLatestAgain_changesNothing() {
        witness.publish(history.get(2));
        witness.publish(history.get(2));

        assertThat(json(witness.checkpoints())).containsExactly(history.get(2).toJson());
    }

    @Test
    void aSmallerCheckpoint_isRefused_andChangesNothing() {
        witness.publish(history.get(4));
        witness.publish(history.get(7));

        assertRefused(() -> witness.publish(history.get(5)));
        assertRefused(() -> witness.publish(history.get(4)));

        assertThat(json(witness.checkpoints()))
                .containsExactly(history.get(4).toJson(), history.get(7).toJson());
    }

    @Test
    void anotherRootAtTheSameSize_isRefused_andChangesNothing() {
        witness.publish(history.get(4));

        assertRefused(() -> witness.publish(fork));

        assertThat(json(witness.checkpoints())).containsExactly(history.get(4).toJson());
        witness.publish(history.get(5));
        assertThat(witness.latest()).contains(history.get(5));
    }

    @Test
    void description_isNotBlank() {
        assertThat(witness.description()).isNotBlank();
    }

    @Test
    void checkpoints_surviveReopening_andTheRulesStillHold() {
        witness.publish(history.get(1));
        witness.publish(history.get(6));
        Optional<CheckpointWitness> reopened = reopen(witness);
        Assumptions.assumeTrue(reopened.isPresent(), "this witness keeps nothing across a restart");
        witness = reopened.get();

        assertThat(json(witness.checkpoints()))
                .containsExactly(history.get(1).toJson(), history.get(6).toJson());
        assertRefused(() -> witness.publish(history.get(3)));
        witness.publish(history.get(8));
        assertThat(witness.latest()).contains(history.get(8));
    }

    /**
     * Several publishers race with every checkpoint in order while others read: each publication is
     * stored or refused, never half; the history stays strictly increasing, holds only published
     * checkpoints, and ends with the largest; every read sees such a history.
     */
    @Test
    void concurrentPublishersAndReaders_keepAnIncreasingHistory() throws Exception {
        int publishers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(publishers + 2);
        CountDownLatch start = new CountDownLatch(1);
        Set<String> seenBadly = ConcurrentHashMap.newKeySet();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int p = 0; p < publishers; p++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (Checkpoint c : history) {
                        try {
                            witness.publish(c);
                        } catch (AuditException e) {
                            assertThat(e.code()).isEqualTo(CoreError.AUDIT_TAMPERED);
                        }
                    }
                    return null;
                }));
            }
            for (int r = 0; r < 2; r++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 20; i++) {
                        if (!increasing(witness.checkpoints())) {
                            seenBadly.add("read " + i);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Checkpoint> stored = witness.checkpoints();
        assertThat(seenBadly).isEmpty();
        assertThat(increasing(stored)).as("sizes strictly increase: %s", stored).isTrue();
        assertThat(json(history)).containsAll(json(stored));
        assertThat(witness.latest()).contains(history.get(CHECKPOINTS - 1));
    }

    private static boolean increasing(List<Checkpoint> checkpoints) {
        for (int i = 1; i < checkpoints.size(); i++) {
            if (checkpoints.get(i).size() <= checkpoints.get(i - 1).size()) {
                return false;
            }
        }
        return true;
    }

    /** The trail publishes to the witness off its append path; closing it publishes the last one. */
    @Test
    void aTrail_publishesItsCheckpoints_andTheLastOneOnClose() {
        KeyProvider keys = KeyProviders.inMemory();
        KeyId key = KeyId.of("kit/trail-c");
        keys.generate(key, CryptoSuite.international().signingKeyType());
        CheckpointWitness published = witness;
        Checkpoint last;
        AuditTrail trail = AuditTrail.builder(AuditStores.inMemory())
                .signer(keys, key)
                .checkpointEvery(10)
                .witness(published)
                .open();
        try {
            for (int i = 0; i < 35; i++) {
                trail.append(AuditEvent.builder("routing.contact.assigned", Actor.system("kit"))
                        .detail("n", i)
                        .build());
            }
        } finally {
            trail.close(); // also closes the witness
        }
        last = trail.latestCheckpoint().orElseThrow();
        witness = null; // closed by the trail

        assertThat(last.size()).isEqualTo(35);
        assertThat(trail.latestWitnessed()).contains(last);
        Optional<CheckpointWitness> reopened = reopen(published);
        if (reopened.isPresent()) {
            witness = reopened.get();
            assertThat(witness.latest()).contains(last);
        }
    }
}
