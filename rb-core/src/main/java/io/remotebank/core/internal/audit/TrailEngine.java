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
import io.remotebank.core.spi.CheckpointWitness;
import io.remotebank.core.spi.KeyProvider;
import io.remotebank.core.time.Cancellable;
import io.remotebank.core.time.Scheduler;
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
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machinery behind {@code AuditTrail}. Appenders take one lock to get a sequence number, extend
 * the hash chain and the Merkle tree, and queue the record. Every store write, force and checkpoint
 * happens on the trail's own writer thread: a caller's thread being interrupted (which closes an
 * NIO file channel it is using) can never break the store, and writes reach it in order. A
 * checkpoint is only written after the records it covers are durable.
 */
@API(status = INTERNAL, since = "0.1")
public final class TrailEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrailEngine.class);
    private static final HexFormat HEX = HexFormat.of();

    /**
     * The configuration the public builder collects.
     *
     * @param store where records go
     * @param suite the tree's hash
     * @param signerKeys the key provider holding the checkpoint signer
     * @param signerKey the signer
     * @param signerUserId the SM2 user ID, when not the default
     * @param fields the encryption of personal data
     * @param durability when appends complete
     * @param groupCommitInterval the longest the writer waits
     * @param checkpointEvery a checkpoint after this many events
     * @param checkpointInterval and at least this often while events come
     * @param clock times of events and checkpoints
     * @param scheduler runs the writer's tick every group-commit interval
     * @param witness where each checkpoint is also published, off the append path
     */
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
            Clock clock,
            Scheduler scheduler,
            Optional<CheckpointWitness> witness) {}

    private record Pending(long sequence, byte[] leafHash, CompletableFuture<AuditReceipt> future) {}

    private final Settings settings;
    private final AuditStore store;
    private final MerkleTree tree;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final SignatureOptions signatureOptions;
    private final String signatureAlgorithm;
    private final Thread writer;
    private final WitnessPublisher publisher; // null without a witness
    private volatile Cancellable ticks = () -> false;

    // Guarded by lock.
    private byte[] previousLeafHash;
    private List<byte[]> batch = new ArrayList<>();
    private ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private List<CompletableFuture<Void>> flushRequests = new ArrayList<>();
    private List<CompletableFuture<Checkpoint>> checkpointRequests = new ArrayList<>();

    private volatile long durableSize;
    private volatile boolean closing;
    private volatile RbException failure;
    private volatile Checkpoint latest;
    private volatile Instant lastCheckpointTime;

    /**
     * Opens the engine over a store, replaying what it holds, and starts its writer thread.
     *
     * @param settings the configuration
     * @return the running engine
     * @throws AuditException with {@link CoreError#AUDIT_TAMPERED} when the stored records do not
     *     match their own chain or the latest checkpoint
     */
    public static TrailEngine open(Settings settings) {
        TrailEngine engine = new TrailEngine(settings);
        // The writer waits for work, never on the JVM's time: this tick (on the injected scheduler,
        // virtual in tests) wakes it every group-commit interval to write what NONE durability
        // batched and to make a checkpoint whose interval has passed.
        Duration interval = settings.groupCommitInterval();
        engine.ticks = settings.scheduler().scheduleWithFixedDelay(interval, interval, engine::tick);
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
        this.publisher = settings.witness()
                .map(w -> WitnessPublisher.start(w, tree, Optional.ofNullable(latest)))
                .orElse(null);
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
                work.signal();
            }
        } finally {
            lock.unlock();
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

    /** The latest checkpoint the witness accepted, if there is a witness and it accepted one. */
    public Optional<Checkpoint> latestWitnessed() {
        return publisher == null ? Optional.empty() : publisher.witnessed();
    }

    /** Writes and forces everything accepted so far; waits until done. */
    public void flush() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        request(() -> flushRequests.add(done));
        join(done);
    }

    /**
     * Makes a checkpoint over everything accepted (after forcing it), or returns the latest one when
     * nothing was added since; waits until done.
     *
     * @return the checkpoint
     */
    public Checkpoint checkpoint() {
        CompletableFuture<Checkpoint> done = new CompletableFuture<>();
        request(() -> checkpointRequests.add(done));
        return join(done);
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

    /** The root of the first {@code size} durable events, hex. */
    public String root(long size) {
        lock.lock();
        try {
            checkProofRange(size);
            return HEX.formatHex(tree.root(size));
        } finally {
            lock.unlock();
        }
    }

    /** Stops taking events, lets the writer store what it has and sign a last checkpoint, closes the store. */
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
        ticks.cancel();
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(60));
            } catch (InterruptedException e) {
                interrupted = true; // finish closing; the writer must not be left half way
            }
        }
        if (publisher != null) {
            publisher.close();
        }
        store.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Wakes the writer (scheduler thread) when time can change what it does: records that NONE
     * durability batched, or durable events that a time-based checkpoint may have to cover. An idle
     * trail's writer stays asleep.
     */
    private void tick() {
        lock.lock();
        try {
            Checkpoint last = latest;
            if (!batch.isEmpty() || durableSize > (last == null ? 0 : last.size())) {
                work.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private void request(Runnable add) {
        lock.lock();
        try {
            ensureOpen();
            add.run();
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RbException rb) {
                throw rb;
            }
            throw e;
        }
    }

    private void writeLoop() {
        boolean perEvent = settings.durability() == Durability.PER_EVENT;
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        while (true) {
            List<byte[]> records;
            ArrayDeque<Pending> covered;
            List<CompletableFuture<Void>> flushes;
            List<CompletableFuture<Checkpoint>> checkpoints;
            long upTo;
            boolean last;
            lock.lock();
            try {
                if (batch.isEmpty() && flushRequests.isEmpty() && checkpointRequests.isEmpty() && !closing) {
                    work.await(); // an append, a request, close or the scheduler's tick
                }
                records = batch;
                batch = new ArrayList<>();
                covered = waiting;
                waiting = new ArrayDeque<>();
                flushes = flushRequests;
                flushRequests = new ArrayList<>();
                checkpoints = checkpointRequests;
                checkpointRequests = new ArrayList<>();
                upTo = tree.size();
                last = closing;
            } catch (InterruptedException e) {
                LOG.error("The audit writer was interrupted; the trail stops taking events");
                fail(
                        new AuditException(CoreError.AUDIT_APPEND_FAILED, "the audit writer was interrupted", e),
                        inFlight);
                return;
            } finally {
                lock.unlock();
            }
            inFlight.clear();
            covered.forEach(p -> inFlight.add(p.future()));
            inFlight.addAll(flushes);
            inFlight.addAll(checkpoints);
            try {
                if (perEvent) {
                    // One force per event; count checkpoints then fall exactly every N events.
                    for (byte[] record : records) {
                        store.append(List.of(record));
                        store.force();
                        durableSize++;
                        Pending p = covered.poll();
                        p.future().complete(new AuditReceipt(p.sequence(), HEX.formatHex(p.leafHash())));
                        if (countDue()) {
                            makeCheckpoint();
                        }
                    }
                } else {
                    if (!records.isEmpty()) {
                        store.append(records);
                    }
                    boolean force = settings.durability() == Durability.GROUP_COMMIT
                            ? !records.isEmpty()
                            : !flushes.isEmpty() || !checkpoints.isEmpty() || last;
                    if (force || !flushes.isEmpty()) {
                        store.force();
                    }
                    durableSize = upTo;
                    for (Pending p : covered) {
                        p.future().complete(new AuditReceipt(p.sequence(), HEX.formatHex(p.leafHash())));
                    }
                    if (countDue()) {
                        makeCheckpoint();
                    }
                }
                if (timeDue()) {
                    makeCheckpoint();
                }
                flushes.forEach(f -> f.complete(null));
                for (CompletableFuture<Checkpoint> c : checkpoints) {
                    c.complete(makeCheckpoint());
                }
                if (last) {
                    makeCheckpoint();
                    return;
                }
            } catch (RbException e) {
                fail(e, inFlight);
                return;
            } catch (RuntimeException e) {
                fail(new AuditException(CoreError.AUDIT_APPEND_FAILED, "the audit writer failed: " + e, e), inFlight);
                return;
            }
        }
    }

    /** Signs a checkpoint over everything durable (writer thread only). */
    private Checkpoint makeCheckpoint() {
        long size = durableSize;
        Checkpoint previous = latest;
        if (previous != null && previous.size() == size) {
            return previous;
        }
        byte[] root;
        lock.lock();
        try {
            root = tree.root(size);
        } finally {
            lock.unlock();
        }
        Checkpoint unsigned = new Checkpoint(
                size,
                HEX.formatHex(root),
                settings.clock().instant(),
                settings.suite().digestAlgorithm(),
                signatureAlgorithm,
                settings.signerKey(),
                signatureOptions.userId(),
                "");
        byte[] signature = settings.signerKeys()
                .sign(settings.signerKey(), unsigned.signedText().getBytes(StandardCharsets.UTF_8), signatureOptions);
        Checkpoint checkpoint = new Checkpoint(
                unsigned.size(),
                unsigned.root(),
                unsigned.time(),
                unsigned.hashAlgorithm(),
                unsigned.signatureAlgorithm(),
                unsigned.keyId(),
                unsigned.userId(),
                Base64.getEncoder().encodeToString(signature));
        store.appendCheckpoint(checkpoint.toJson().getBytes(StandardCharsets.UTF_8));
        if (publisher != null) {
            publisher.offer(checkpoint); // after it is durable in the store, never before
        }
        latest = checkpoint;
        lastCheckpointTime = checkpoint.time();
        return checkpoint;
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

    private void checkProofRange(long treeSize) {
        long durable = durableSize;
        if (treeSize < 0 || treeSize > durable) {
            throw new AuditException(
                    CoreError.AUDIT_PROOF_RANGE,
                    "a proof needs a tree size from 0 to the " + durable + " stored events, got " + treeSize);
        }
    }

    private void ensureOpen() {
        RbException cause = failure;
        if (cause != null) {
            throw new AuditException(
                    CoreError.AUDIT_CLOSED,
                    "the audit trail stopped after a storage failure: " + cause.getMessage(),
                    cause);
        }
        if (closing) {
            throw new AuditException(CoreError.AUDIT_CLOSED, "the audit trail is closed");
        }
    }

    /** After a failure nothing more is accepted, and every append and request not yet done fails. */
    private void fail(RbException cause, List<CompletableFuture<?>> inFlight) {
        lock.lock();
        try {
            if (failure == null) {
                failure = cause;
                ticks.cancel();
                LOG.error("Audit trail stopped: {}", cause.getMessage());
            }
            AuditException failed = new AuditException(
                    CoreError.AUDIT_APPEND_FAILED, "the audit event was not stored: " + cause.getMessage(), cause);
            inFlight.forEach(f -> f.completeExceptionally(failed));
            waiting.forEach(p -> p.future().completeExceptionally(failed));
            flushRequests.forEach(f -> f.completeExceptionally(failed));
            checkpointRequests.forEach(f -> f.completeExceptionally(failed));
            waiting.clear();
            flushRequests.clear();
            checkpointRequests.clear();
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
