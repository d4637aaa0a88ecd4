package io.remotebank.tck.segmentation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.core.ContactChannel;
import io.remotebank.segmentation.nba.Action;
import io.remotebank.segmentation.nba.ContactGate;
import io.remotebank.segmentation.nba.ContactVerdict;
import io.remotebank.segmentation.nba.Propensity;
import io.remotebank.segmentation.profile.ProfileBatch;
import io.remotebank.segmentation.rules.Condition;
import io.remotebank.segmentation.rules.Formula;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link ContactGate}, the contact policy that {@code NextBestAction} asks
 * before it chooses an action: extend it, return the gate under test from {@link #newGate} and
 * customers it reads from {@link #customers}. The kit checks what the chooser relies on: a verdict for
 * every customer, channel and time; the same verdict for the same question (the chooser may ask
 * again); a refusal with a reason and a detail; the profiles left as they were; and the same answers
 * from many threads at once (a batch is decided on several threads).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class ContactGateContract {

    /** Times the kit asks at: noon and three in the morning in Shanghai, and the epoch. */
    protected static final List<Instant> TIMES =
            List.of(Instant.parse("2025-06-30T04:00:00Z"), Instant.parse("2025-06-29T19:00:00Z"), Instant.EPOCH);

    /** The gate under test. */
    protected ContactGate gate;

    /** The customers. */
    protected ProfileBatch batch;

    /** For subclasses. */
    protected ContactGateContract() {}

    /**
     * The gate under test.
     *
     * @return a new gate
     */
    protected abstract ContactGate newGate();

    /**
     * Customers the gate reads, with their rows set; a mix that the gate allows and refuses shows the
     * most.
     *
     * @return a batch of at least one customer
     */
    protected abstract ProfileBatch customers();

    /** Creates the gate and the customers. */
    @BeforeEach
    void create() {
        gate = newGate();
        batch = customers();
    }

    /**
     * An action on a channel, eligible for everyone, as the chooser would ask about it.
     *
     * @param channel the channel
     * @return the action
     */
    protected Action action(ContactChannel channel) {
        return new Action(
                "kit-" + channel.code(),
                "kit",
                channel,
                Condition.compile("kit", "true", batch.schema()),
                Propensity.fixed(0.5),
                Formula.compile("kit", "1.0", batch.schema()));
    }

    private List<ContactVerdict> everyVerdict() {
        List<ContactVerdict> out = new ArrayList<>();
        for (ContactChannel channel : ContactChannel.values()) {
            Action a = action(channel);
            for (Instant at : TIMES) {
                for (int row = 0; row < batch.rows(); row++) {
                    out.add(gate.check(batch, row, a, at));
                }
            }
        }
        return out;
    }

    @Test
    void everyQuestion_getsAVerdict() {
        assertThat(batch.rows()).as("the kit needs customers").isPositive();
        assertThat(everyVerdict()).doesNotContainNull();
    }

    @Test
    void aRefusal_hasAReasonAndADetail() {
        for (ContactVerdict v : everyVerdict()) {
            if (v instanceof ContactVerdict.Refused refused) {
                assertThat(refused.reason()).isNotNull();
                assertThat(refused.detail()).isNotBlank();
            }
        }
    }

    @Test
    void theSameQuestion_getsTheSameVerdict() {
        assertThat(everyVerdict()).isEqualTo(everyVerdict());
    }

    @Test
    void checking_leavesTheProfilesAsTheyWere() {
        List<Object> before = snapshot();
        everyVerdict();
        assertThat(snapshot()).isEqualTo(before);
    }

    private List<Object> snapshot() {
        List<Object> values = new ArrayList<>();
        for (int row = 0; row < batch.rows(); row++) {
            values.add(batch.ids()[row]);
            values.add(batch.toMap(row));
        }
        values.add(batch.rows());
        return values;
    }

    @Test
    void manyThreadsAtOnce_getTheAnswersOneThreadGets() throws Exception {
        List<ContactVerdict> serial = everyVerdict();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<ContactVerdict>>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(this::everyVerdict));
            }
            for (Future<List<ContactVerdict>> run : runs) {
                assertThat(run.get(30, TimeUnit.SECONDS)).isEqualTo(serial);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
