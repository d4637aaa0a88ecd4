package io.remotebank.core.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.AuditException;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.crypto.PublicKeyInfo;
import io.remotebank.core.internal.audit.MerkleTree;
import io.remotebank.core.internal.audit.RecordCodec;
import io.remotebank.core.spi.AuditStore;
import io.remotebank.core.spi.CheckpointWitness;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * Checks a stored trail with nothing but the signers' public keys: no decryption, no access to the
 * key provider. It recomputes the Merkle tree and the hash chain from the records, checks every
 * checkpoint's signature, and compares the roots.
 *
 * <p>It detects any modification, insertion, deletion or reordering of records, and any truncation
 * of records covered by a signed checkpoint. Records prove something only under a signed
 * checkpoint: records after the last one fail the verification ({@link
 * AuditVerification.Kind#UNANCHORED}) unless the caller accepts them with {@link
 * #acceptingUnanchoredTail()}, and a trail without a checkpoint never passes. Each problem names its
 * first bad record (for a change hidden by a rewritten chain, the range between the last matching and
 * the first failing checkpoint).
 *
 * <p>A rollback (the last checkpoints removed together with the records they cover) leaves a trail
 * that is consistent with itself; only a reference from outside the trail shows it: a checkpoint
 * exported earlier ({@link #since}) or a {@link CheckpointWitness} ({@link #witnessedBy}). The trail
 * must still hold each such checkpoint and extend it (an RFC 6962 section 2.1.2 consistency proof
 * from it to the trail's latest matching checkpoint).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AuditVerifier {

    private static final int BATCH = 65_536;

    private final Map<KeyId, PublicKeyInfo> keys;
    private final Optional<PublicKeyInfo> anyKey;
    private final Optional<CryptoSuite> suite;
    private final boolean acceptUnanchoredTail;
    private final Optional<Checkpoint> since;
    private final Optional<CheckpointWitness> witness;

    private AuditVerifier(
            Map<KeyId, PublicKeyInfo> keys,
            Optional<PublicKeyInfo> anyKey,
            Optional<CryptoSuite> suite,
            boolean acceptUnanchoredTail,
            Optional<Checkpoint> since,
            Optional<CheckpointWitness> witness) {
        this.keys = Map.copyOf(keys);
        this.anyKey = anyKey;
        this.suite = suite;
        this.acceptUnanchoredTail = acceptUnanchoredTail;
        this.since = since;
        this.witness = witness;
    }

    /**
     * A verifier that trusts one public key for every checkpoint, whatever key id it names.
     *
     * @param publicKey the signer's public key
     * @return the verifier
     */
    public static AuditVerifier trusting(PublicKeyInfo publicKey) {
        return new AuditVerifier(
                Map.of(),
                Optional.of(Arguments.notNull(publicKey, "publicKey")),
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.empty());
    }

    /**
     * A verifier that trusts given keys by key id (e.g. across signer rotation).
     *
     * @param keys public keys by the key id checkpoints name
     * @return the verifier
     */
    public static AuditVerifier trusting(Map<KeyId, PublicKeyInfo> keys) {
        return new AuditVerifier(
                Arguments.notNull(keys, "keys"),
                Optional.empty(),
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.empty());
    }

    /**
     * The hash to use when the trail has no checkpoint to name it (default: SHA-256).
     *
     * @param suite the suite
     * @return a verifier with that default
     */
    public AuditVerifier withDefaultSuite(CryptoSuite suite) {
        return new AuditVerifier(
                keys, anyKey, Optional.of(Arguments.notNull(suite, "suite")), acceptUnanchoredTail, since, witness);
    }

    /**
     * Accepts records after the last signed checkpoint: the verification then passes with {@link
     * AuditVerification.Status#UNANCHORED_TAIL_ACCEPTED} (never {@code INTACT}) when nothing else is
     * wrong. Use it to look at a live trail between checkpoints; those records are vouched for by
     * nothing. A trail without any checkpoint still fails.
     *
     * @return a verifier that accepts an unanchored tail
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public AuditVerifier acceptingUnanchoredTail() {
        return new AuditVerifier(keys, anyKey, suite, true, since, witness);
    }

    /**
     * Also checks the trail against a checkpoint exported from it earlier and kept where its writer
     * cannot reach: the trail must still hold that checkpoint and extend it (RFC 6962 consistency),
     * or it was rolled back ({@link AuditVerification.Kind#ROLLBACK}).
     *
     * @param exportedEarlier the checkpoint; its signature is checked with the trusted keys
     * @return a verifier that checks against it
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public AuditVerifier since(Checkpoint exportedEarlier) {
        return new AuditVerifier(
                keys,
                anyKey,
                suite,
                acceptUnanchoredTail,
                Optional.of(Arguments.notNull(exportedEarlier, "exportedEarlier")),
                witness);
    }

    /**
     * Also checks the trail against every checkpoint a witness holds: the trail must hold each one
     * and extend the latest, or it was rolled back ({@link AuditVerification.Kind#ROLLBACK}). The
     * witness is read during {@link #verify}, not closed.
     *
     * @param witness the witness the trail published to
     * @return a verifier that checks against it
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public AuditVerifier witnessedBy(CheckpointWitness witness) {
        return new AuditVerifier(
                keys, anyKey, suite, acceptUnanchoredTail, since, Optional.of(Arguments.notNull(witness, "witness")));
    }

    /**
     * Verifies a store.
     *
     * @param store the store (open it read-only: {@link AuditStores#directoryReadOnly})
     * @return what was found
     */
    public AuditVerification verify(AuditStore store) {
        Arguments.notNull(store, "store");
        VerificationRun run = new VerificationRun();
        List<Checkpoint> checkpoints = readCheckpoints(store, run);
        run.hashSuite = suiteOf(checkpoints, run.problems);
        run.tree = new MerkleTree(run.hashSuite);
        scanRecords(store, run);
        checkCheckpoints(checkpoints, run);
        checkAnchoring(checkpoints.isEmpty() && run.unreadableCheckpoints == 0, run);
        RollbackCheck rollback = new RollbackCheck(run, this::signatureHolds);
        List<AuditVerification.Reference> references = new ArrayList<>();
        since.ifPresent(reference -> references.add(rollback.since(reference)));
        witness.ifPresent(w -> rollback.witness(w).ifPresent(references::add));
        List<AuditVerification.Problem> problems = new ArrayList<>(run.problems);
        problems.sort((a, b) -> Long.compare(
                a.record() < 0 ? Long.MAX_VALUE : a.record(), b.record() < 0 ? Long.MAX_VALUE : b.record()));
        MerkleTree tree = run.tree;
        return new AuditVerification(
                tree.size(),
                run.hashSuite.digestAlgorithm(),
                HexFormat.of().formatHex(tree.root(tree.size())),
                run.verifiedCheckpoints,
                run.anchored,
                tree.size() - run.anchored,
                acceptUnanchoredTail,
                references,
                problems,
                store.recoveryNote());
    }

    private static List<Checkpoint> readCheckpoints(AuditStore store, VerificationRun run) {
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (byte[] line : store.checkpoints()) {
            try {
                checkpoints.add(Checkpoint.parse(new String(line, StandardCharsets.UTF_8)));
            } catch (AuditException e) {
                run.unreadableCheckpoints++;
                run.add(
                        AuditVerification.Kind.INCONSISTENT_CHECKPOINT,
                        -1,
                        "a checkpoint line is unreadable: " + e.getMessage());
            }
        }
        return checkpoints;
    }

    /** Rebuilds the tree from the records and checks their sequence numbers, chain and framing. */
    private static void scanRecords(AuditStore store, VerificationRun run) {
        MerkleTree tree = run.tree;
        TreeSet<Long> damaged = new TreeSet<>(store.damagedRecords());
        if (!damaged.isEmpty()) {
            run.add(
                    AuditVerification.Kind.DAMAGED,
                    damaged.first(),
                    damaged.size() + " record(s) fail their CRC check, the first is record " + damaged.first());
        }
        long size = store.size();
        byte[] previous = new byte[32];
        EnumSet<AuditVerification.Kind> reported = EnumSet.noneOf(AuditVerification.Kind.class);
        for (long from = 0; from < size; ) {
            List<byte[]> records = store.read(from, BATCH);
            if (records.isEmpty()) {
                break;
            }
            for (byte[] record : records) {
                long index = from++;
                Optional<RecordCodec.Header> header = RecordCodec.header(record);
                if (header.isEmpty()) {
                    if (reported.add(AuditVerification.Kind.MALFORMED)) {
                        run.add(
                                AuditVerification.Kind.MALFORMED,
                                index,
                                "record " + index + " does not start with {\"seq\":N,\"prev\":\"<hash>\"");
                    }
                } else {
                    if (header.get().sequence() != index && reported.add(AuditVerification.Kind.SEQUENCE)) {
                        run.add(
                                AuditVerification.Kind.SEQUENCE,
                                index,
                                "record " + index + " says it is record "
                                        + header.get().sequence()
                                        + ": records were inserted, deleted or reordered here");
                    }
                    if (!Arrays.equals(header.get().previousLeafHash(), previous)
                            && reported.add(AuditVerification.Kind.CHAIN)) {
                        long bad = Math.max(index - 1, 0);
                        run.add(
                                AuditVerification.Kind.CHAIN,
                                bad,
                                "record " + index
                                        + " does not carry the hash of record " + (index - 1) + ": record " + bad
                                        + " was altered, or records around it were removed or inserted");
                    }
                }
                previous = tree.leafHash(record, 0, record.length);
                tree.appendLeafHash(previous);
            }
        }
        run.firstPrecise = run.problems.stream()
                .filter(p -> p.record() >= 0)
                .mapToLong(AuditVerification.Problem::record)
                .min()
                .orElse(Long.MAX_VALUE);
    }

    /** Checks each stored checkpoint's signature and root; finds the largest that matches. */
    private void checkCheckpoints(List<Checkpoint> checkpoints, VerificationRun run) {
        MerkleTree tree = run.tree;
        long lastGood = 0;
        long lastSize = -1;
        boolean modifiedReported = false;
        for (Checkpoint checkpoint : checkpoints) {
            if (!signatureHolds(checkpoint, "the checkpoint at size " + checkpoint.size(), run.problems)) {
                continue;
            }
            run.verifiedCheckpoints++;
            if (!checkpoint.hashAlgorithm().equals(run.hashSuite.digestAlgorithm()) || checkpoint.size() < lastSize) {
                run.add(
                        AuditVerification.Kind.INCONSISTENT_CHECKPOINT,
                        -1,
                        "the checkpoint at size " + checkpoint.size() + " does not follow the ones before it");
                continue;
            }
            lastSize = checkpoint.size();
            run.signedRoots.put(checkpoint.size(), checkpoint.root());
            run.covered = Math.max(run.covered, Math.min(checkpoint.size(), tree.size()));
            if (checkpoint.size() > tree.size()) {
                run.add(
                        AuditVerification.Kind.TRUNCATED,
                        tree.size(),
                        "a signed checkpoint covers "
                                + checkpoint.size() + " records but the store holds " + tree.size() + ": records "
                                + tree.size() + " to " + (checkpoint.size() - 1) + " were cut off");
                continue;
            }
            byte[] root = tree.root(checkpoint.size());
            if (!HexFormat.of().formatHex(root).equals(checkpoint.root())) {
                if (!modifiedReported) {
                    long first = run.firstPrecise;
                    boolean named = first >= lastGood && first < checkpoint.size();
                    run.add(
                            AuditVerification.Kind.MODIFIED,
                            named ? first : lastGood,
                            "the records do not match the signed checkpoint at size " + checkpoint.size()
                                    + (named
                                            ? ": the first altered record is " + first
                                            : ": the first altered record is between " + lastGood + " and "
                                                    + (checkpoint.size() - 1)));
                    modifiedReported = true;
                }
                continue;
            }
            if (!modifiedReported && checkpoint.size() >= run.anchored) {
                lastGood = checkpoint.size();
                run.anchored = checkpoint.size();
                run.anchoredRoot = root;
            }
        }
    }

    /** Records prove something only under a signed checkpoint. */
    private void checkAnchoring(boolean noCheckpoint, VerificationRun run) {
        long size = run.tree.size();
        if (noCheckpoint) {
            run.add(
                    AuditVerification.Kind.NO_CHECKPOINT,
                    size == 0 ? -1 : 0,
                    "the trail holds no signed checkpoint, so none of its " + size
                            + " records is anchored and the trail proves nothing: its checkpoints were deleted,"
                            + " or it was never checkpointed (a trail makes one when it closes)");
            return;
        }
        // Without any checkpoint that verifies, the signature problems already say why nothing is anchored.
        if (run.verifiedCheckpoints > 0 && size > run.covered && !acceptUnanchoredTail) {
            run.add(
                    AuditVerification.Kind.UNANCHORED,
                    run.covered,
                    (size - run.covered) + " record(s) from record " + run.covered
                            + " on come after the last signed checkpoint: no signature covers them, so whoever"
                            + " can write the trail's files could have appended or rewritten them; verify again"
                            + " after the next checkpoint, or accept an unanchored tail explicitly");
        }
    }

    /** Whether a checkpoint is signed by a trusted key; reports why not. */
    boolean signatureHolds(Checkpoint checkpoint, String label, List<AuditVerification.Problem> out) {
        Optional<PublicKeyInfo> key = anyKey.isPresent() ? anyKey : Optional.ofNullable(keys.get(checkpoint.keyId()));
        if (key.isEmpty()) {
            out.add(new AuditVerification.Problem(
                    AuditVerification.Kind.UNKNOWN_SIGNER,
                    -1,
                    label + " is signed by " + checkpoint.keyId() + ", which is not trusted"));
            return false;
        }
        if (!checkpoint.verify(key.get())) {
            out.add(new AuditVerification.Problem(
                    AuditVerification.Kind.BAD_SIGNATURE,
                    -1,
                    label + " has a signature that does not verify with the trusted key"));
            return false;
        }
        return true;
    }

    private CryptoSuite suiteOf(List<Checkpoint> checkpoints, List<AuditVerification.Problem> problems) {
        Map<String, CryptoSuite> byHash = new HashMap<>();
        byHash.put(CryptoSuite.international().digestAlgorithm(), CryptoSuite.international());
        byHash.put(CryptoSuite.sm().digestAlgorithm(), CryptoSuite.sm());
        for (Checkpoint checkpoint : checkpoints) {
            CryptoSuite named = byHash.get(checkpoint.hashAlgorithm());
            if (named != null) {
                return named;
            }
        }
        if (!checkpoints.isEmpty()) {
            problems.add(new AuditVerification.Problem(
                    AuditVerification.Kind.INCONSISTENT_CHECKPOINT, -1, "no checkpoint names a known hash"));
        }
        return suite.orElse(CryptoSuite.international());
    }
}
