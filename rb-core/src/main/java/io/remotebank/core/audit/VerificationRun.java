package io.remotebank.core.audit;

import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.internal.audit.MerkleTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What one {@link AuditVerifier#verify} run has found so far. */
final class VerificationRun {
    final List<AuditVerification.Problem> problems = new ArrayList<>();
    CryptoSuite hashSuite;
    MerkleTree tree;
    int unreadableCheckpoints;
    long firstPrecise = Long.MAX_VALUE; // the first bad record the chain, sequence or CRC name
    int verifiedCheckpoints;
    long covered; // the largest size a checkpoint with a valid signature covers
    long anchored; // the largest size whose checkpoint matches the records
    byte[] anchoredRoot;
    final Map<Long, String> signedRoots = new HashMap<>(); // size -> root of every validly signed checkpoint

    void add(AuditVerification.Kind kind, long record, String message) {
        problems.add(new AuditVerification.Problem(kind, record, message));
    }
}
