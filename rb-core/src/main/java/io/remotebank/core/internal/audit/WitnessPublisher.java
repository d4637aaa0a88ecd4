package io.remotebank.core.internal.audit;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.AuditException;
import io.remotebank.core.CoreError;
import io.remotebank.core.audit.Checkpoint;
import io.remotebank.core.spi.CheckpointWitness;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a trail's checkpoints to its witness on a thread of its own, so that a slow or
 * unreachable witness never holds up an append or a group commit. Only the latest checkpoint waiting
 * is published: it extends every earlier one, so a witness that fell behind catches up in one step.
 * A publication that fails is not retried on a timer; the next checkpoint (at least every checkpoint
 * interval while events arrive, and one on close) carries it.
 */
@API(status = INTERNAL, since = "0.1")
public final class WitnessPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(WitnessPublisher.class);

    private final CheckpointWitness witness;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Thread thread;

    // Guarded by lock.
    private Checkpoint pending;
    private boolean closing;
    private boolean failing;

    private volatile Checkpoint witnessed;

    /**
     * Checks a reopened trail against its witness and starts publishing to it. A witness that has
     * seen a checkpoint the store no longer holds or matches proves a rollback: the trail refuses to
     * write on top of it. A witness that cannot be read only delays its catching up.
     *
     * @param witness the witness
     * @param tree the tree replayed from the store
     * @param latestStored the store's latest checkpoint, published at once when the witness lacks it
     * @return the running publisher
     * @throws AuditException with {@link CoreError#AUDIT_TAMPERED} on a rollback
     */
    public static WitnessPublisher start(
            CheckpointWitness witness, MerkleTree tree, Optional<Checkpoint> latestStored) {
        Optional<Checkpoint> held;
        try {
            held = witness.latest();
        } catch (RuntimeException e) {
            LOG.warn(
                    "{} cannot be read; the trail opens unchecked against it: {}",
                    witness.description(),
                    e.getMessage());
            held = Optional.empty();
        }
        if (held.isPresent()) {
            Checkpoint seen = held.get();
            if (seen.size() > tree.size()) {
                throw tampered(witness.description() + " has witnessed a checkpoint at size " + seen.size()
                        + " but the store holds " + tree.size() + " events: the trail was rolled back");
            }
            if (!seen.root().equals(HexFormat.of().formatHex(tree.root(seen.size())))) {
                throw tampered("the events do not match the checkpoint at size " + seen.size() + " that "
                        + witness.description() + " has witnessed: the trail was rolled back and rewritten");
            }
        }
        WitnessPublisher publisher = new WitnessPublisher(witness, held);
        long witnessedSize = held.map(Checkpoint::size).orElse(-1L);
        Optional<Checkpoint> behind = latestStored.filter(last -> last.size() > witnessedSize);
        behind.ifPresent(publisher::offer); // e.g. the witness was down when the trail last closed
        return publisher;
    }

    private static AuditException tampered(String message) {
        return new AuditException(CoreError.AUDIT_TAMPERED, message + "; run `rb audit verify` on the trail");
    }

    private WitnessPublisher(CheckpointWitness witness, Optional<Checkpoint> alreadyWitnessed) {
        this.witness = witness;
        this.witnessed = alreadyWitnessed.orElse(null);
        this.thread = new Thread(this::run, "rb-audit-witness");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues a checkpoint; returns at once. */
    public void offer(Checkpoint checkpoint) {
        lock.lock();
        try {
            if (pending == null || checkpoint.size() > pending.size()) {
                pending = checkpoint;
                work.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The latest checkpoint the witness accepted. */
    public Optional<Checkpoint> witnessed() {
        return Optional.ofNullable(witnessed);
    }

    /**
     * Publishes what is still waiting, stops the thread and closes the witness. Waits for the last
     * publication, which a JDBC witness bounds with its query timeout.
     */
    public void close() {
        lock.lock();
        try {
            closing = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(60));
            } catch (InterruptedException e) {
                interrupted = true; // the last checkpoint must still reach the witness
            }
        }
        try {
            witness.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing {} failed: {}", witness.description(), e.getMessage());
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (true) {
            Checkpoint next;
            lock.lock();
            try {
                while (pending == null && !closing) {
                    work.awaitUninterruptibly();
                }
                if (pending == null) {
                    return;
                }
                next = pending;
                pending = null;
            } finally {
                lock.unlock();
            }
            publish(next);
        }
    }

    private void publish(Checkpoint checkpoint) {
        Checkpoint last = witnessed;
        if (last != null && last.size() == checkpoint.size() && last.root().equals(checkpoint.root())) {
            return;
        }
        try {
            witness.publish(checkpoint);
            witnessed = checkpoint;
            if (failing) {
                failing = false;
                LOG.info("{} accepts checkpoints again (size {})", witness.description(), checkpoint.size());
            }
        } catch (RuntimeException e) {
            // A refusal (the witness saw a later checkpoint) or an outage. Once per outage, not per checkpoint: the
            // next checkpoint tries again.
            if (!failing) {
                failing = true;
                LOG.error(
                        "Checkpoint at size {} not witnessed by {}; the next checkpoint tries again: {}",
                        checkpoint.size(),
                        witness.description(),
                        e.getMessage());
            }
        }
    }
}
