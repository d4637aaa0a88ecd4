package io.remotebank.core.audit;

import io.remotebank.core.internal.audit.Merkle;
import io.remotebank.core.internal.audit.MerkleTree;
import io.remotebank.core.spi.CheckpointWitness;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The part of a verification that needs a reference from outside the trail: a checkpoint exported
 * earlier, or every checkpoint a witness holds. A rollback (the last checkpoints removed with their
 * records) leaves a trail consistent with itself; only such a reference shows it.
 */
final class RollbackCheck {

    /** Checks a checkpoint's signature with the verifier's trusted keys; reports why not. */
    @FunctionalInterface
    interface Signatures {
        boolean holds(Checkpoint checkpoint, String label, List<AuditVerification.Problem> out);
    }

    private final VerificationRun run;
    private final Signatures signatures;

    RollbackCheck(VerificationRun run, Signatures signatures) {
        this.run = run;
        this.signatures = signatures;
    }

    AuditVerification.Reference since(Checkpoint reference) {
        String label = "the checkpoint exported earlier (size " + reference.size() + ")";
        boolean consistent = check(reference, label, run.problems);
        return new AuditVerification.Reference("since", reference.size(), reference.root(), consistent);
    }

    Optional<AuditVerification.Reference> witness(CheckpointWitness w) {
        List<Checkpoint> witnessed;
        try {
            witnessed = w.checkpoints();
        } catch (RuntimeException e) { // a vendor's witness may fail in any way; the verification goes on
            run.add(
                    AuditVerification.Kind.WITNESS_UNAVAILABLE,
                    -1,
                    w.description() + " could not be read, so the trail was not checked for a rollback: "
                            + e.getMessage());
            return Optional.empty();
        }
        if (witnessed.isEmpty()) {
            return Optional.empty();
        }
        // Newest first: the latest witnessed checkpoint that fails tells how far back a rollback went;
        // the earlier ones that fail too are counted, not repeated.
        List<AuditVerification.Problem> first = new ArrayList<>();
        int failed = 0;
        for (int i = witnessed.size() - 1; i >= 0; i--) {
            Checkpoint c = witnessed.get(i);
            String label = "the witnessed checkpoint at size " + c.size() + " (" + w.description() + ")";
            List<AuditVerification.Problem> found = new ArrayList<>();
            if (!check(c, label, found)) {
                failed++;
                if (first.isEmpty()) {
                    first.addAll(found);
                }
            }
        }
        for (int i = 0; i < first.size(); i++) {
            AuditVerification.Problem p = first.get(i);
            run.problems.add(
                    failed > 1 && i == 0
                            ? new AuditVerification.Problem(
                                    p.kind(),
                                    p.record(),
                                    p.message() + " (and " + (failed - 1)
                                            + " earlier witnessed checkpoint(s) fail too)")
                            : p);
        }
        Checkpoint latest = witnessed.get(witnessed.size() - 1);
        return Optional.of(new AuditVerification.Reference("witness", latest.size(), latest.root(), failed == 0));
    }

    /**
     * Checks a checkpoint from outside the trail: signed by a trusted key, covering no more records
     * than the trail holds, extended by the trail (RFC 6962 2.1.2 consistency proof from it to the
     * trail's latest matching checkpoint, checked as RFC 9162 2.1.4.2 does), and still in the trail.
     */
    private boolean check(Checkpoint reference, String label, List<AuditVerification.Problem> out) {
        if (!signatures.holds(reference, label, out)) {
            return false;
        }
        if (!reference.hashAlgorithm().equals(run.hashSuite.digestAlgorithm())) {
            out.add(new AuditVerification.Problem(
                    AuditVerification.Kind.INCONSISTENT_CHECKPOINT,
                    -1,
                    label + " names hash " + reference.hashAlgorithm() + " but the trail uses "
                            + run.hashSuite.digestAlgorithm()));
            return false;
        }
        MerkleTree tree = run.tree;
        long m = reference.size();
        if (m > tree.size()) {
            out.add(new AuditVerification.Problem(
                    AuditVerification.Kind.ROLLBACK,
                    tree.size(),
                    label + " covers " + m + " records but the trail holds " + tree.size() + ": records "
                            + tree.size() + " to " + (m - 1)
                            + " and the checkpoints over them were removed (the trail was rolled back)"));
            return false;
        }
        // Prove against the latest checkpoint that matches the records; past it, against the records.
        boolean toAnchor = run.anchoredRoot != null && run.anchored >= m;
        long n = toAnchor ? run.anchored : tree.size();
        byte[] newRoot = toAnchor ? run.anchoredRoot : tree.root(n);
        boolean extended;
        try {
            extended = Merkle.verifyConsistency(
                    run.hashSuite, m, n, tree.consistencyPath(m, n), reference.rootBytes(), newRoot);
        } catch (IllegalArgumentException e) {
            extended = false; // a root that is not hex
        }
        if (!extended) {
            out.add(new AuditVerification.Problem(
                    AuditVerification.Kind.ROLLBACK,
                    -1,
                    label + " is not extended by the trail (the RFC 6962 consistency proof from size " + m
                            + " to size " + n + " fails): records before " + m
                            + " were changed after it was made, so the trail was rolled back and rewritten"));
            return false;
        }
        if (!reference.root().equals(run.signedRoots.get(m))) {
            out.add(new AuditVerification.Problem(
                    AuditVerification.Kind.ROLLBACK,
                    m < tree.size() ? m : -1,
                    label + " is missing from the trail's checkpoints: checkpoints were removed (rolled back)"
                            + (m > run.covered
                                    ? ", and the records from " + run.covered + " on are covered by no checkpoint"
                                    : "")));
            return false;
        }
        return true;
    }
}
