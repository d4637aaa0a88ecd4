package io.remotebank.core.audit;

import static org.apiguardian.api.API.Status.STABLE;

import io.remotebank.core.Arguments;
import io.remotebank.core.AuditException;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.crypto.PublicKeyInfo;
import io.remotebank.core.internal.audit.MerkleTree;
import io.remotebank.core.internal.audit.RecordCodec;
import io.remotebank.core.spi.AuditStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
 * of records covered by a signed checkpoint; records after the last checkpoint are reported as not
 * yet anchored. Each problem names its first bad record (for a change hidden by a rewritten chain,
 * the range between the last matching and the first failing checkpoint).
 */
@API(status = STABLE, since = "0.1")
public final class AuditVerifier {

    private static final int BATCH = 65_536;

    private final Map<KeyId, PublicKeyInfo> keys;
    private final Optional<PublicKeyInfo> anyKey;
    private final Optional<CryptoSuite> suite;

    private AuditVerifier(Map<KeyId, PublicKeyInfo> keys, Optional<PublicKeyInfo> anyKey, Optional<CryptoSuite> suite) {
        this.keys = Map.copyOf(keys);
        this.anyKey = anyKey;
        this.suite = suite;
    }

    /**
     * A verifier that trusts one public key for every checkpoint, whatever key id it names.
     *
     * @param publicKey the signer's public key
     * @return the verifier
     */
    public static AuditVerifier trusting(PublicKeyInfo publicKey) {
        return new AuditVerifier(Map.of(), Optional.of(Arguments.notNull(publicKey, "publicKey")), Optional.empty());
    }

    /**
     * A verifier that trusts given keys by key id (e.g. across signer rotation).
     *
     * @param keys public keys by the key id checkpoints name
     * @return the verifier
     */
    public static AuditVerifier trusting(Map<KeyId, PublicKeyInfo> keys) {
        return new AuditVerifier(Arguments.notNull(keys, "keys"), Optional.empty(), Optional.empty());
    }

    /**
     * The hash to use when the trail has no checkpoint to name it (default: SHA-256).
     *
     * @param suite the suite
     * @return a verifier with that default
     */
    public AuditVerifier withDefaultSuite(CryptoSuite suite) {
        return new AuditVerifier(keys, anyKey, Optional.of(Arguments.notNull(suite, "suite")));
    }

    /**
     * Verifies a store.
     *
     * @param store the store (open it read-only: {@link AuditStores#directoryReadOnly})
     * @return what was found
     */
    public AuditVerification verify(AuditStore store) {
        Arguments.notNull(store, "store");
        List<AuditVerification.Problem> problems = new ArrayList<>();
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (byte[] line : store.checkpoints()) {
            try {
                checkpoints.add(Checkpoint.parse(new String(line, StandardCharsets.UTF_8)));
            } catch (AuditException e) {
                problems.add(new AuditVerification.Problem(
                        AuditVerification.Kind.INCONSISTENT_CHECKPOINT,
                        -1,
                        "a checkpoint line is unreadable: " + e.getMessage()));
            }
        }
        CryptoSuite hashSuite = suiteOf(checkpoints, problems);
        MerkleTree tree = new MerkleTree(hashSuite);
        TreeSet<Long> damaged = new TreeSet<>(store.damagedRecords());
        if (!damaged.isEmpty()) {
            problems.add(problem(
                    AuditVerification.Kind.DAMAGED,
                    damaged.first(),
                    damaged.size() + " record(s) fail their CRC check, the first is record " + damaged.first()));
        }
        long size = store.size();
        byte[] previous = new byte[32];
        boolean sequenceReported = false;
        boolean chainReported = false;
        boolean malformedReported = false;
        for (long from = 0; from < size; ) {
            List<byte[]> records = store.read(from, BATCH);
            if (records.isEmpty()) {
                break;
            }
            for (byte[] record : records) {
                long index = from++;
                Optional<RecordCodec.Header> header = RecordCodec.header(record);
                if (header.isEmpty()) {
                    if (!malformedReported) {
                        problems.add(problem(
                                AuditVerification.Kind.MALFORMED,
                                index,
                                "record " + index + " does not start with {\"seq\":N,\"prev\":\"<hash>\""));
                        malformedReported = true;
                    }
                } else {
                    if (header.get().sequence() != index && !sequenceReported) {
                        problems.add(problem(
                                AuditVerification.Kind.SEQUENCE,
                                index,
                                "record " + index + " says it is record "
                                        + header.get().sequence()
                                        + ": records were inserted, deleted or reordered here"));
                        sequenceReported = true;
                    }
                    if (!Arrays.equals(header.get().previousLeafHash(), previous) && !chainReported) {
                        long bad = Math.max(index - 1, 0);
                        problems.add(problem(
                                AuditVerification.Kind.CHAIN,
                                bad,
                                "record " + index
                                        + " does not carry the hash of record " + (index - 1) + ": record " + bad
                                        + " was altered, or records around it were removed or inserted"));
                        chainReported = true;
                    }
                }
                previous = tree.leafHash(record, 0, record.length);
                tree.appendLeafHash(previous);
            }
        }
        // The exact first bad record, where the chain, the sequence numbers or the CRCs name one.
        long firstPrecise = problems.stream()
                .filter(p -> p.record() >= 0)
                .mapToLong(AuditVerification.Problem::record)
                .min()
                .orElse(Long.MAX_VALUE);
        int verifiedCheckpoints = 0;
        long anchored = 0;
        long lastGood = 0;
        long lastSize = -1;
        boolean modifiedReported = false;
        for (Checkpoint checkpoint : checkpoints) {
            Optional<PublicKeyInfo> key =
                    anyKey.isPresent() ? anyKey : Optional.ofNullable(keys.get(checkpoint.keyId()));
            if (key.isEmpty()) {
                problems.add(problem(
                        AuditVerification.Kind.UNKNOWN_SIGNER,
                        -1,
                        "the checkpoint at size " + checkpoint.size() + " is signed by " + checkpoint.keyId()
                                + ", which is not trusted"));
                continue;
            }
            if (!checkpoint.verify(key.get())) {
                problems.add(problem(
                        AuditVerification.Kind.BAD_SIGNATURE,
                        -1,
                        "the checkpoint at size " + checkpoint.size()
                                + " has a signature that does not verify with the trusted key"));
                continue;
            }
            verifiedCheckpoints++;
            if (!checkpoint.hashAlgorithm().equals(hashSuite.digestAlgorithm()) || checkpoint.size() < lastSize) {
                problems.add(problem(
                        AuditVerification.Kind.INCONSISTENT_CHECKPOINT,
                        -1,
                        "the checkpoint at size " + checkpoint.size() + " does not follow the ones before it"));
                continue;
            }
            lastSize = checkpoint.size();
            if (checkpoint.size() > tree.size()) {
                problems.add(problem(
                        AuditVerification.Kind.TRUNCATED,
                        tree.size(),
                        "a signed checkpoint covers "
                                + checkpoint.size() + " records but the store holds " + tree.size() + ": records "
                                + tree.size() + " to " + (checkpoint.size() - 1) + " were cut off"));
                continue;
            }
            String root = HexFormat.of().formatHex(tree.root(checkpoint.size()));
            if (!root.equals(checkpoint.root())) {
                if (!modifiedReported) {
                    boolean named = firstPrecise >= lastGood && firstPrecise < checkpoint.size();
                    problems.add(problem(
                            AuditVerification.Kind.MODIFIED,
                            named ? firstPrecise : lastGood,
                            "the records do not match the signed checkpoint at size " + checkpoint.size()
                                    + (named
                                            ? ": the first altered record is " + firstPrecise
                                            : ": the first altered record is between " + lastGood + " and "
                                                    + (checkpoint.size() - 1))));
                    modifiedReported = true;
                }
                continue;
            }
            if (!modifiedReported) {
                lastGood = checkpoint.size();
                anchored = Math.max(anchored, checkpoint.size());
            }
        }
        problems.sort((a, b) -> Long.compare(
                a.record() < 0 ? Long.MAX_VALUE : a.record(), b.record() < 0 ? Long.MAX_VALUE : b.record()));
        return new AuditVerification(
                tree.size(),
                hashSuite.digestAlgorithm(),
                HexFormat.of().formatHex(tree.root(tree.size())),
                verifiedCheckpoints,
                anchored,
                tree.size() - anchored,
                problems,
                store.recoveryNote());
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
            problems.add(
                    problem(AuditVerification.Kind.INCONSISTENT_CHECKPOINT, -1, "no checkpoint names a known hash"));
        }
        return suite.orElse(CryptoSuite.international());
    }

    private static AuditVerification.Problem problem(AuditVerification.Kind kind, long record, String message) {
        return new AuditVerification.Problem(kind, record, message);
    }
}
