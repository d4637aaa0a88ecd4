package io.remotebank.core.internal.audit;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.audit.Checkpoint;
import io.remotebank.core.spi.CheckpointWitness;
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
     * Starts publishing to a witness.
     *
     * @param witness the witness
     * @param alreadyWitnessed the latest checkpoint it held when the trail opened, if known
     */
    public WitnessPublisher(CheckpointWitness witness, Optional<Checkpoint> alreadyWitnessed) {
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
            // A refusal (the witness saw a later checkpoint) or an outage. Once per outage, not per checkpoint: the next checkpoint tries again.
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
