package io.remotebank.core.internal.audit;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.AuditException;
import io.remotebank.core.CoreError;
import io.remotebank.core.RbException;
import io.remotebank.core.audit.AuditEvent;
import io.remotebank.core.audit.AuditReceipt;
import io.remotebank.core.audit.Checkpoint;
import io.remotebank.core.audit.Durability;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.FieldEncryption;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.crypto.KeyType;
import io.remotebank.core.crypto.PublicKeyInfo;
import io.remotebank.core.crypto.SignatureEncoding;
import io.remotebank.core.crypto.SignatureOptions;
import io.remotebank.core.spi.AuditStore;
import io.remotebank.core.spi.KeyProvider;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machinery behind {@code AuditTrail}: one lock orders appends (sequence number, hash chain,
 * Merkle tree); one background thread writes batches, forces them, completes the appends they
 * cover and makes checkpoints. A checkpoint is only ever written after the records it covers are
 * durable, so a crash never leaves a checkpoint ahead of its records.
 */
@API(status = INTERNAL, since = "0.1")
public final class TrailEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrailEngine.class);
    private static final HexFormat HEX = HexFormat.of();

    /** The configuration the public builder collects. */
    @API(status = INTERNAL, since = "0.1")
    public record Settings(
            AuditStore store,
            CryptoSuite suite,
            KeyProvider signerKeys,
            KeyId signerKey,
            Optional<String> signerUserId,
            Optional<FieldEncryption> fields,
            Durability durability,
            Duration groupCommitInterval,
            long checkpointEvery,
            Duration checkpointInterval,
            Clock clock) {}

    private record Pending(long sequence, byte[] leafHash, CompletableFuture<AuditReceipt> future) {}

    private final Settings settings;
    private final AuditStore store;
    private final MerkleTree tree;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final ReentrantLock writeLock = new ReentrantLock(); // orders store writes; taken before lock
    private final ReentrantLock checkpointLock = new ReentrantLock();
    private final SignatureOptions signatureOptions;
    private final String signatureAlgorithm;
    private final Thread writer;

    // Guarded by lock.
    private byte[] previousLeafHash;
    private List<byte[]> batch = new ArrayList<>();
    private ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private volatile long durableSize;
    private volatile boolean closing;
    private volatile RbException failure;

    // Guarded by checkpointLock.
    private volatile Checkpoint latest;
    private Instant lastCheckpointTime;

    /**
     * Opens the engine over a store, replaying what it holds.
     *
     * @param settings the configuration
     * @return the running engine
     * @throws AuditException with {@link CoreError#AUDIT_TAMPERED} when the stored records do not
     *     match their own chain or the latest checkpoint
     */
    public static TrailEngine open(Settings settings) {
        TrailEngine engine = new TrailEngine(settings);
        engine.writer.start();
        return engine;
    }

    private TrailEngine(Settings settings) {
        this.settings = settings;
        this.store = settings.store();
        this.tree = new MerkleTree(settings.suite());
        PublicKeyInfo publicKey = settings.signerKeys().publicKey(settings.signerKey());
        this.signatureAlgorithm = publicKey.type().suite().signatureAlgorithm();
        this.signatureOptions = publicKey.type() == KeyType.SM2
                ? SignatureOptions.sm2(
                        settings.signerUserId().orElse(SignatureOptions.SM2_DEFAULT_USER_ID), SignatureEncoding.DER)
                : SignatureOptions.ecdsa(SignatureEncoding.DER);
        replay(publicKey);
        this.lastCheckpointTime = settings.clock().instant();
        this.writer = new Thread(this::writeLoop, "rb-audit-writer");
        this.writer.setDaemon(true);
    }

    /** Appends an event; the future completes when it is stored with the configured durability. */
    public CompletableFuture<AuditReceipt> append(AuditEvent event) {
        Instant time = event.time().orElseGet(() -> settings.clock().instant());
        byte[] body = RecordCodec.body(event, time, settings.fields());
        CompletableFuture<AuditReceipt> future = new CompletableFuture<>();
        lock.lock();
        try {
            ensureOpen();
            long sequence = tree.size();
            byte[] record = RecordCodec.record(sequence, previousLeafHash, body);
            byte[] leaf = tree.leafHash(record, 0, record.length);
            tree.appendLeafHash(leaf);
            previousLeafHash = leaf;
            batch.add(record);
            if (settings.durability() == Durability.NONE) {
                future.complete(new AuditReceipt(sequence, HEX.formatHex(leaf)));
                if (batch.size() >= 4096) {
                    work.signal();
                }
            } else {
                waiting.add(new Pending(sequence, leaf, future));
                if (settings.durability() == Durability.GROUP_COMMIT) {
                    work.signal();
                }
            }
        } finally {
            lock.unlock();
        }
        if (settings.durability() == Durability.PER_EVENT) {
            try {
                drain(true);
            } catch (RbException e) {
                if (!future.isDone()) {
                    throw e;
                }
                return future; // failed with the store's error, by whichever thread met it first
            }
            if (countDue()) {
                checkpoint();
            }
        }
        return future;
    }

    /** The number of events accepted. */
    public long size() {
        lock.lock();
        try {
            return tree.size();
        } finally {
            lock.unlock();
        }
    }

    /** The number of events known to be stored with the configured durability. */
    public long durableSize() {
        lock.lock();
        try {
            return durableSize;
        } finally {
            lock.unlock();
        }
    }

    /** The root of the tree over every accepted event, hex. */
    public String root() {
        lock.lock();
        try {
            return HEX.formatHex(tree.root(tree.size()));
        } finally {
            lock.unlock();
        }
    }

    /** The latest checkpoint, if one was made. */
    public Optional<Checkpoint> latestCheckpoint() {
        return Optional.ofNullable(latest);
    }

    /** Writes and forces everything accepted so far. */
    public void flush() {
        ensureOpen();
        drain(true);
    }

    /**
     * Makes a checkpoint now over everything accepted (after forcing it), or returns the latest
     * one when nothing was added since.
     *
     * @return the checkpoint
     */
    public Checkpoint checkpoint() {
        if (failure == null) {
            drain(true);
        }
        checkpointLock.lock();
        try {
            ensureNotFailed();
            long size = durableSize;
            byte[] root;
            lock.lock();
            try {
                root = tree.root(size);
            } finally {
                lock.unlock();
            }
            Checkpoint last = latest;
            if (last != null && last.size() == size) {
                return last;
            }
            Instant time = settings.clock().instant();
            String rootHex = HEX.formatHex(root);
            String text = checkpointText(size, rootHex, time);
            byte[] signature = settings.signerKeys()
                    .sign(settings.signerKey(), text.getBytes(StandardCharsets.UTF_8), signatureOptions);
            Checkpoint checkpoint = new Checkpoint(
                    size,
                    rootHex,
                    time,
                    settings.suite().digestAlgorithm(),
                    signatureAlgorithm,
                    settings.signerKey(),
                    signatureOptions.userId(),
                    Base64.getEncoder().encodeToString(signature));
            store.appendCheckpoint(checkpoint.toJson().getBytes(StandardCharsets.UTF_8));
            latest = checkpoint;
            lastCheckpointTime = time;
            return checkpoint;
        } catch (RbException e) {
            fail(e, List.of());
            throw e;
        } finally {
            checkpointLock.unlock();
        }
    }

    /** RFC 6962 inclusion path, for a tree size no larger than what is durable. */
    public List<byte[]> inclusionPath(long sequence, long treeSize) {
        lock.lock();
        try {
            checkProofRange(treeSize);
            if (sequence < 0 || sequence >= treeSize) {
                throw new AuditException(
                        CoreError.AUDIT_PROOF_RANGE,
                        "event " + sequence + " is not in a tree of " + treeSize + " events");
            }
            return tree.inclusionPath(sequence, treeSize);
        } finally {
            lock.unlock();
        }
    }

    /** RFC 6962 consistency path between two durable sizes. */
    public List<byte[]> consistencyPath(long first, long second) {
        lock.lock();
        try {
            checkProofRange(second);
            if (first < 0 || first > second) {
                throw new AuditException(
                        CoreError.AUDIT_PROOF_RANGE, "cannot prove " + first + " consistent with " + second);
            }
            return tree.consistencyPath(first, second);
        } finally {
            lock.unlock();
        }
    }

    /** The leaf hash of an event, hex. */
    public String leafHash(long sequence) {
        lock.lock();
        try {
            if (sequence < 0 || sequence >= tree.size()) {
                throw new AuditException(CoreError.AUDIT_PROOF_RANGE, "no event " + sequence);
            }
            return HEX.formatHex(tree.leaf(sequence));
        } finally {
            lock.unlock();
        }
    }

    /** The root of the first {@code size} events, hex. */
    public String root(long size) {
        lock.lock();
        try {
            checkProofRange(size);
            return HEX.formatHex(tree.root(size));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closing) {
                return;
            }
            closing = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (failure == null) {
                drain(true);
                checkpoint();
            }
        } finally {
            store.close();
        }
    }

    private String checkpointText(long size, String root, Instant time) {
        return Checkpoint.FORMAT + "\nhash: " + settings.suite().digestAlgorithm() + "\nsize: " + size + "\nroot: "
                + root + "\ntime: " + time + "\nkey: " + settings.signerKey().value() + "\n";
    }

    private void checkProofRange(long treeSize) {
        if (treeSize < 0 || treeSize > durableSize) {
            throw new AuditException(
                    CoreError.AUDIT_PROOF_RANGE,
                    "a proof needs a tree size from 0 to the " + durableSize + " stored events, got " + treeSize);
        }
    }

    private boolean countDue() {
        Checkpoint last = latest;
        return durableSize - (last == null ? 0 : last.size()) >= settings.checkpointEvery();
    }

    private boolean timeDue() {
        Checkpoint last = latest;
        long covered = last == null ? 0 : last.size();
        return durableSize > covered
                && !settings.clock().instant().isBefore(lastCheckpointTime.plus(settings.checkpointInterval()));
    }

    /**
     * Writes what was appended so far (and forces it when asked), then completes the appends it
     * covers. Store writes happen under {@link #writeLock} only, so batches reach the store in order;
     * appenders keep going under {@link #lock} meanwhile. Must not be called holding {@link #lock}.
     */
    private void drain(boolean force) {
        writeLock.lock();
        ArrayDeque<Pending> covered = new ArrayDeque<>();
        try {
            List<byte[]> records;
            long upTo;
            lock.lock();
            try {
                ensureNotFailed();
                records = batch;
                batch = new ArrayList<>();
                covered = waiting;
                waiting = new ArrayDeque<>();
                upTo = tree.size();
            } finally {
                lock.unlock();
            }
            if (records.isEmpty() && upTo == durableSize) {
                return;
            }
            if (!records.isEmpty()) {
                store.append(records);
            }
            if (force) {
                store.force();
            }
            durableSize = upTo;
            for (Pending p : covered) {
                p.future().complete(new AuditReceipt(p.sequence(), HEX.formatHex(p.leafHash())));
            }
        } catch (RbException e) {
            fail(e, covered);
            throw e;
        } catch (RuntimeException e) {
            AuditException wrapped =
                    new AuditException(CoreError.AUDIT_APPEND_FAILED, "the audit store failed: " + e, e);
            fail(wrapped, covered);
            throw wrapped;
        } finally {
            writeLock.unlock();
        }
    }

    private void writeLoop() {
        long interval = settings.groupCommitInterval().toNanos();
        while (true) {
            lock.lock();
            try {
                if (closing || failure != null) {
                    return;
                }
                if (batch.isEmpty()) {
                    work.awaitNanos(interval);
                }
                if (closing || failure != null) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            try {
                // With PER_EVENT each appender writes, forces and makes the count checkpoints itself,
                // so checkpoints fall exactly every N events; this thread only keeps time.
                boolean perEvent = settings.durability() == Durability.PER_EVENT;
                if (!perEvent) {
                    drain(settings.durability() != Durability.NONE);
                }
                if ((!perEvent && countDue()) || timeDue()) {
                    checkpoint();
                }
            } catch (RbException e) {
                return; // fail() has stopped the trail and failed every waiting append
            }
        }
    }

    private void ensureOpen() {
        ensureNotFailed();
        if (closing) {
            throw new AuditException(CoreError.AUDIT_CLOSED, "the audit trail is closed");
        }
    }

    private void ensureNotFailed() {
        RbException cause = failure;
        if (cause != null) {
            throw new AuditException(
                    CoreError.AUDIT_CLOSED,
                    "the audit trail stopped after a storage failure: " + cause.getMessage(),
                    cause);
        }
    }

    /** After a failure nothing more is accepted, and every append not yet durable fails. */
    private void fail(RbException cause, Iterable<Pending> alsoCovered) {
        lock.lock();
        try {
            if (failure == null) {
                failure = cause;
                LOG.error("Audit trail stopped: {}", cause.getMessage());
            }
            AuditException failed = new AuditException(
                    CoreError.AUDIT_APPEND_FAILED, "the audit event was not stored: " + cause.getMessage(), cause);
            for (Pending p : alsoCovered) {
                p.future().completeExceptionally(failed);
            }
            for (Pending p : waiting) {
                p.future().completeExceptionally(failed);
            }
            waiting.clear();
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void replay(PublicKeyInfo publicKey) {
        long stored = store.size();
        byte[] previous = new byte[32];
        for (long from = 0; from < stored; ) {
            List<byte[]> records = store.read(from, 8192);
            for (byte[] record : records) {
                long sequence = from;
                RecordCodec.Header header = RecordCodec.header(record)
                        .orElseThrow(
                                () -> tampered("record " + sequence + " does not start as a record of this format"));
                if (header.sequence() != sequence) {
                    throw tampered("record " + sequence + " says it is record " + header.sequence());
                }
                if (!java.util.Arrays.equals(header.previousLeafHash(), previous)) {
                    throw tampered("record " + sequence + " does not chain to record " + (sequence - 1));
                }
                previous = tree.leafHash(record, 0, record.length);
                tree.appendLeafHash(previous);
                from++;
            }
            if (records.isEmpty()) {
                break;
            }
        }
        previousLeafHash = previous;
        durableSize = tree.size();
        List<byte[]> checkpoints = store.checkpoints();
        if (!checkpoints.isEmpty()) {
            Checkpoint last =
                    Checkpoint.parse(new String(checkpoints.get(checkpoints.size() - 1), StandardCharsets.UTF_8));
            if (last.size() > tree.size()) {
                throw tampered(
                        "the latest checkpoint covers " + last.size() + " events but the store holds " + tree.size());
            }
            if (!last.root().equals(HEX.formatHex(tree.root(last.size())))) {
                throw tampered("the events do not match the latest checkpoint's root at size " + last.size());
            }
            if (last.keyId().equals(settings.signerKey()) && !last.verify(publicKey)) {
                throw tampered("the latest checkpoint's signature does not verify with key " + last.keyId());
            }
            latest = last;
        }
        store.recoveryNote().ifPresent(note -> LOG.warn("Audit trail opened after recovery: {}", note));
    }

    private static AuditException tampered(String message) {
        return new AuditException(CoreError.AUDIT_TAMPERED, message + "; run `rb audit verify` on the trail");
    }
}
