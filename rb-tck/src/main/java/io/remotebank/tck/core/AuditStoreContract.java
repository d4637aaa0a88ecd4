package io.remotebank.tck.core;

import static org.apiguardian.api.API.Status.STABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.spi.AuditStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apiguardian.api.API;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link AuditStore}: extend it, return a fresh, empty store from {@link
 * #newStore()}, and, for a durable store, reopen it in {@link #reopen(AuditStore)}.
 */
@API(status = STABLE, since = "0.1")
public abstract class AuditStoreContract {

    /** The store under test. */
    protected AuditStore store;

    /** For subclasses. */
    protected AuditStoreContract() {}

    /**
     * A new store that holds nothing.
     *
     * @return the store
     */
    protected abstract AuditStore newStore();

    /**
     * Closes a store and opens it again over the same data; a store that keeps nothing across a
     * restart returns empty, and the durability tests are skipped with a message.
     *
     * @param store the store to close
     * @return the reopened store
     */
    protected Optional<AuditStore> reopen(AuditStore store) {
        return Optional.empty();
    }

    /** Creates the store under test. */
    @BeforeEach
    void createStore() {
        store = newStore();
        assertThat(store.size()).as("a new store is empty").isZero();
        assertThat(store.checkpoints()).isEmpty();
    }

    /** Closes the store under test. */
    @AfterEach
    void closeStore() {
        store.close();
    }

    private static byte[] record(int i) {
        return ("{\"seq\":" + i + ",\"text\":\"事件 " + i + " \\\"quoted\\\"\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static List<byte[]> records(int from, int count) {
        List<byte[]> out = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            out.add(record(i));
        }
        return out;
    }

    @Test
    void appendedRecords_comeBackUnchanged_inOrder() {
        store.append(records(0, 3));
        store.append(records(3, 2));
        store.force();

        assertThat(store.size()).isEqualTo(5);
        List<byte[]> read = store.read(0, 10);
        assertThat(read).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(read.get(i)).isEqualTo(record(i));
        }
    }

    @Test
    void read_returnsTheAskedRange() {
        store.append(records(0, 100));

        assertThat(store.read(10, 5)).hasSize(5).first().isEqualTo(record(10));
        assertThat(store.read(98, 10)).hasSize(2).last().isEqualTo(record(99));
        assertThat(store.read(100, 10)).isEmpty();
        assertThat(store.read(0, 0)).isEmpty();
    }

    @Test
    void emptyBatch_changesNothing() {
        store.append(List.of());

        assertThat(store.size()).isZero();
    }

    @Test
    void largeBatches_ofVariedLengths_roundTrip() {
        Random random = new Random(42);
        List<byte[]> batch = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            byte[] r = new byte[1 + random.nextInt(600)];
            for (int j = 0; j < r.length; j++) {
                r[j] = (byte) (0x20 + random.nextInt(0x5f)); // printable, no line breaks
            }
            batch.add(r);
        }

        store.append(batch);
        store.force();

        assertThat(store.size()).isEqualTo(5_000);
        List<byte[]> read = new ArrayList<>();
        for (long from = 0; from < 5_000; from += 777) {
            read.addAll(store.read(from, 777));
        }
        for (int i = 0; i < 5_000; i++) {
            assertThat(read.get(i)).as("record " + i).isEqualTo(batch.get(i));
        }
    }

    @Test
    void checkpoints_comeBackInOrder() {
        store.append(records(0, 2));
        store.appendCheckpoint("{\"size\":1}".getBytes(StandardCharsets.UTF_8));
        store.appendCheckpoint("{\"size\":2}".getBytes(StandardCharsets.UTF_8));

        assertThat(store.checkpoints())
                .extracting(b -> new String(b, StandardCharsets.UTF_8))
                .containsExactly("{\"size\":1}", "{\"size\":2}");
    }

    @Test
    void readOutsideTheStore_isRejected() {
        store.append(records(0, 2));

        assertThatThrownBy(() -> store.read(3, 1)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> store.read(-1, 1)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void forcedRecordsAndCheckpoints_surviveReopening() {
        store.append(records(0, 10));
        store.force();
        store.appendCheckpoint("{\"size\":10}".getBytes(StandardCharsets.UTF_8));
        Optional<AuditStore> reopened = reopen(store);
        Assumptions.assumeTrue(reopened.isPresent(), "this store keeps nothing across a restart");
        store = reopened.get();

        assertThat(store.size()).isEqualTo(10);
        assertThat(store.read(9, 1).get(0)).isEqualTo(record(9));
        assertThat(store.checkpoints()).hasSize(1);
        store.append(records(10, 1));
        assertThat(store.read(10, 1).get(0)).isEqualTo(record(10));
    }
}
