package io.remotebank.core.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.AuditException;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.FieldEncryption;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.crypto.KeyType;
import io.remotebank.core.internal.audit.TrailEngine;
import io.remotebank.core.spi.AuditStore;
import io.remotebank.core.spi.CheckpointWitness;
import io.remotebank.core.spi.KeyProvider;
import io.remotebank.core.time.Clocks;
import io.remotebank.core.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apiguardian.api.API;

/**
 * The tamper-evident audit trail every module writes to: events are the leaves of an RFC 6962
 * Merkle tree, chained by hash, stored append-only, and anchored by signed {@link Checkpoint}s
 * every N events and every T seconds, so that anyone with the signer's public key can check that
 * nothing was changed, inserted, removed or reordered ({@link AuditVerifier}).
 *
 * <p><b>The rule for module authors:</b> write the event as part of the operation it records, and
 * when {@link #append} throws, treat the operation as failed (do not send the message, do not
 * report the KYC decision). An event is stored with the configured {@link Durability} when {@code
 * append} returns.
 *
 * <pre>{@code
 * AuditTrail trail = AuditTrail.builder(AuditStores.directory(dir))
 *         .suite(CryptoSuite.sm())
 *         .signer(keys, KeyId.of("audit/signer"))
 *         .fieldEncryption(FieldEncryption.create(keys, CryptoSuite.sm()))
 *         .open();
 * }</pre>
 *
 * Thread-safe. Close it to write the last events and a final checkpoint.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AuditTrail implements AutoCloseable {

    private final TrailEngine engine;
    private final CryptoSuite suite;

    private AuditTrail(TrailEngine engine, CryptoSuite suite) {
        this.engine = engine;
        this.suite = suite;
    }

    /**
     * Starts configuring a trail over a store.
     *
     * @param store where events and checkpoints go
     * @return the builder
     */
    public static Builder builder(AuditStore store) {
        return new Builder(Arguments.notNull(store, "store"));
    }

    /**
     * Appends an event and waits until it is stored with the configured durability.
     *
     * @param event the event
     * @return its sequence number and leaf hash
     * @throws AuditException with {@link CoreError#AUDIT_EVENT_INVALID} for a malformed event (nothing
     *     is stored), {@link CoreError#AUDIT_APPEND_FAILED} or {@link CoreError#AUDIT_CLOSED} when it
     *     cannot be stored: the audited operation must then fail too
     */
    public AuditReceipt append(AuditEvent event) {
        try {
            return engine.append(Arguments.notNull(event, "event")).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof AuditException a) {
                throw a;
            }
            throw new AuditException(
                    CoreError.AUDIT_APPEND_FAILED, "the audit event was not stored: " + e.getCause(), e);
        }
    }

    /**
     * Appends an event without waiting: the stage completes when it is stored with the configured
     * durability (exceptionally with an {@link AuditException} when it cannot be). Events are
     * ordered as the calls are.
     *
     * @param event the event
     * @return the receipt, once stored
     * @throws AuditException at once for a malformed event or a closed trail
     */
    public CompletionStage<AuditReceipt> appendAsync(AuditEvent event) {
        CompletableFuture<AuditReceipt> future = engine.append(Arguments.notNull(event, "event"));
        return future.minimalCompletionStage();
    }

    /** The number of events accepted so far. */
    public long size() {
        return engine.size();
    }

    /** The hash algorithm of the tree ({@code SHA-256} or {@code SM3}). */
    public String hashAlgorithm() {
        return suite.digestAlgorithm();
    }

    /** The root over every accepted event, hex. */
    public String root() {
        return engine.root();
    }

    /** The most recent signed checkpoint, if any. */
    public Optional<Checkpoint> latestCheckpoint() {
        return engine.latestCheckpoint();
    }

    /**
     * The latest checkpoint the witness accepted ({@link Builder#witness}); it may lag the latest
     * checkpoint, since the witness is written to off the append path.
     *
     * @return the checkpoint, or empty without a witness or before it accepted one
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public Optional<Checkpoint> latestWitnessed() {
        return engine.latestWitnessed();
    }

    /** Makes every accepted event durable now. */
    public void flush() {
        engine.flush();
    }

    /**
     * Makes every accepted event durable and signs a checkpoint over them now (or returns the latest
     * checkpoint when nothing was added since).
     *
     * @return the checkpoint
     */
    public Checkpoint checkpoint() {
        return engine.checkpoint();
    }

    /**
     * Proves that an event is in the tree of a given size (e.g. a checkpoint's).
     *
     * @param sequence the event's sequence number
     * @param treeSize the tree size, at most the number of stored events
     * @return the proof; check it with {@link InclusionProof#verify}
     * @throws AuditException with {@link CoreError#AUDIT_PROOF_RANGE} outside the stored range
     */
    public InclusionProof inclusionProof(long sequence, long treeSize) {
        return new InclusionProof(sequence, treeSize, hex(engine.inclusionPath(sequence, treeSize)));
    }

    /**
     * Proves that the tree of {@code firstSize} events is a prefix of the tree of {@code secondSize}.
     *
     * @param firstSize the older size
     * @param secondSize the newer size, at most the number of stored events
     * @return the proof; check it with {@link ConsistencyProof#verify}
     */
    public ConsistencyProof consistencyProof(long firstSize, long secondSize) {
        return new ConsistencyProof(firstSize, secondSize, hex(engine.consistencyPath(firstSize, secondSize)));
    }

    /**
     * The root of the tree of the first {@code size} stored events, hex.
     *
     * @param size the tree size
     * @return the root
     */
    public String root(long size) {
        return engine.root(size);
    }

    /**
     * The leaf hash of an event, hex.
     *
     * @param sequence the event's sequence number
     * @return its leaf hash
     */
    public String leafHash(long sequence) {
        return engine.leafHash(sequence);
    }

    /**
     * Writes what is pending, signs a final checkpoint, publishes it to the witness (if any), and
     * closes the store and the witness.
     */
    @Override
    public void close() {
        engine.close();
    }

    private static List<String> hex(List<byte[]> path) {
        HexFormat hex = HexFormat.of();
        return path.stream().map(hex::formatHex).toList();
    }

    /** Configures an {@link AuditTrail}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private final AuditStore store;
        private CryptoSuite suite = CryptoSuite.international();
        private KeyProvider signerKeys;
        private KeyId signerKey;
        private String signerUserId;
        private FieldEncryption fields;
        private Durability durability = Durability.GROUP_COMMIT;
        private Duration groupCommitInterval = Duration.ofMillis(10);
        private long checkpointEvery = 1000;
        private Duration checkpointInterval = Duration.ofSeconds(10);
        private Clock clock = Clocks.system();
        private Scheduler scheduler = Scheduler.system();
        private CheckpointWitness witness;

        private Builder(AuditStore store) {
            this.store = store;
        }

        /**
         * The hash of the Merkle tree: the suite's ({@code SHA-256} or {@code SM3}). Default:
         * international.
         *
         * @param suite the suite
         * @return this builder
         */
        public Builder suite(CryptoSuite suite) {
            this.suite = Arguments.notNull(suite, "suite");
            return this;
        }

        /**
         * The key that signs checkpoints: a key pair of the suite's signing type in a key provider
         * (EC P-256 for the international suite, SM2 for the SM suite). Required; {@link #open()}
         * refuses a key of the other suite.
         *
         * @param keys the key provider
         * @param keyId the key pair's id
         * @return this builder
         */
        public Builder signer(KeyProvider keys, KeyId keyId) {
            this.signerKeys = Arguments.notNull(keys, "keys");
            this.signerKey = Arguments.notNull(keyId, "keyId");
            return this;
        }

        /**
         * The SM2 user ID checkpoints are signed with (default {@code 1234567812345678}); ignored for
         * ECDSA. Each checkpoint records it.
         *
         * @param userId the user ID
         * @return this builder
         */
        public Builder signerUserId(String userId) {
            this.signerUserId = Arguments.notBlank(userId, "signer user id");
            return this;
        }

        /**
         * How personal data in event details is encrypted (per subject). Without it, an event with
         * personal data is refused.
         *
         * @param fields the field encryption
         * @return this builder
         */
        public Builder fieldEncryption(FieldEncryption fields) {
            this.fields = Arguments.notNull(fields, "fields");
            return this;
        }

        /**
         * When {@code append} returns relative to the disk (default {@link Durability#GROUP_COMMIT}).
         *
         * @param durability the mode
         * @return this builder
         */
        public Builder durability(Durability durability) {
            this.durability = Arguments.notNull(durability, "durability");
            return this;
        }

        /**
         * The longest a group commit waits: 1 ms to 1 s (default 10 ms).
         *
         * @param interval the interval
         * @return this builder
         */
        public Builder groupCommitInterval(Duration interval) {
            Arguments.notNull(interval, "groupCommitInterval");
            Arguments.inRange(interval.toMillis(), 1, 1000, "group commit interval in ms");
            this.groupCommitInterval = interval;
            return this;
        }

        /**
         * A checkpoint after every so many events: 1 to 1,000,000,000 (default 1,000).
         *
         * @param events the count
         * @return this builder
         */
        public Builder checkpointEvery(long events) {
            this.checkpointEvery = Arguments.inRange(events, 1, 1_000_000_000L, "checkpoint interval in events");
            return this;
        }

        /**
         * A checkpoint at least this often while events arrive: 100 ms to 1 day (default 10 s).
         *
         * @param interval the interval
         * @return this builder
         */
        public Builder checkpointInterval(Duration interval) {
            Arguments.notNull(interval, "checkpointInterval");
            Arguments.inRange(interval.toMillis(), 100, Duration.ofDays(1).toMillis(), "checkpoint interval in ms");
            this.checkpointInterval = interval;
            return this;
        }

        /**
         * The clock for event times (when an event has none) and checkpoint times.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Arguments.notNull(clock, "clock");
            return this;
        }

        /**
         * Where the trail's timers run and in whose time they are measured: the group commit's
         * interval and the time-based checkpoints. Default: {@link Scheduler#system()}. Give the
         * scheduler of a virtual time (rb-testing's {@code ManualTime}) together with its clock to
         * run checkpoint intervals on virtual time.
         *
         * @param scheduler the scheduler
         * @return this builder
         */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Arguments.notNull(scheduler, "scheduler");
            return this;
        }

        /**
         * A witness that keeps a copy of every checkpoint where this trail's writer cannot rewrite it,
         * so that a rollback (the last checkpoints removed with their records) is seen. Checkpoints are
         * published off the append path, after they are durable in the store; a failed publication is
         * logged and carried by the next checkpoint. The trail closes the witness when it closes.
         *
         * @param witness the witness
         * @return this builder
         */
        @API(status = EXPERIMENTAL, since = "0.1")
        public Builder witness(CheckpointWitness witness) {
            this.witness = Arguments.notNull(witness, "witness");
            return this;
        }

        /**
         * Opens the trail: replays what the store holds and checks it against its latest checkpoint
         * and against the latest checkpoint its witness holds.
         *
         * @return the trail
         * @throws AuditException with {@link CoreError#AUDIT_TAMPERED} when the stored trail does not
         *     match its chain or its latest checkpoint, or the witness has seen a checkpoint the store
         *     no longer holds or matches (a rollback)
         * @throws ValidationException with {@link CoreError#AUDIT_SIGNER_MISMATCH} when the signer's
         *     key type is not the suite's signing key type (a P-256 key with the SM suite, an SM2 key
         *     with the international one)
         * @throws io.remotebank.core.CryptoException with {@code core.crypto.key-not-found} when the
         *     key provider has no such signer. When opening fails, the store is closed.
         */
        public AuditTrail open() {
            if (signerKeys == null) {
                throw new ValidationException(
                        CoreError.ARGUMENT_MISSING, "an audit trail needs a signer: builder.signer(keys, keyId)");
            }
            try {
                KeyType signerType = signerKeys.publicKey(signerKey).type();
                if (signerType != suite.signingKeyType()) {
                    // Without this, an SM3 tree would silently get ECDSA checkpoints (or the reverse).
                    throw new ValidationException(
                            CoreError.AUDIT_SIGNER_MISMATCH,
                            "the signer " + signerKey + " is a " + signerType + " key but the trail's suite "
                                    + suite.name() + " signs checkpoints with " + suite.signingKeyType()
                                    + " keys: generate the signer with suite.signingKeyType()");
                }
                TrailEngine engine = TrailEngine.open(new TrailEngine.Settings(
                        store,
                        suite,
                        signerKeys,
                        signerKey,
                        Optional.ofNullable(signerUserId),
                        Optional.ofNullable(fields),
                        durability,
                        groupCommitInterval,
                        checkpointEvery,
                        checkpointInterval,
                        clock,
                        scheduler,
                        Optional.ofNullable(witness)));
                return new AuditTrail(engine, suite);
            } catch (RuntimeException e) {
                // The trail owns the store from here: a trail that does not open must not keep it (or
                // its directory's lock) open, so that the caller can fix the cause and open it again.
                try {
                    store.close();
                } catch (RuntimeException closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
        }
    }
}
