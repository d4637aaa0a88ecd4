package io.remotebank.core.audit;

import static org.apiguardian.api.API.Status.STABLE;

import io.remotebank.core.Arguments;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What {@link AuditVerifier} found.
 *
 * @param records the records the store holds
 * @param hashAlgorithm the tree's hash
 * @param root the root over all records, hex
 * @param checkpoints the checkpoints whose signature verified with a trusted key
 * @param anchoredSize the size of the largest signed checkpoint that matches the records (0 if none)
 * @param unanchored records after that checkpoint: intact as far as the chain tells, but not yet
 *     covered by a signature
 * @param problems every kind of tampering or damage found, each naming its first bad record
 * @param recoveryNote what the store reported on opening (e.g. a torn last record after a crash)
 */
@API(status = STABLE, since = "0.1")
public record AuditVerification(
        long records,
        String hashAlgorithm,
        String root,
        int checkpoints,
        long anchoredSize,
        long unanchored,
        List<Problem> problems,
        Optional<String> recoveryNote) {

    /** Copies the list. */
    public AuditVerification {
        problems = List.copyOf(Arguments.noNulls(problems, "problems"));
    }

    /** Whether nothing was found wrong (a torn last record left by a crash is not tampering). */
    public boolean intact() {
        return problems.isEmpty();
    }

    /**
     * One thing found wrong.
     *
     * @param kind what
     * @param record the first record concerned (a sequence number), or -1 for a checkpoint problem
     * @param message what, for people
     */
    @API(status = STABLE, since = "0.1")
    public record Problem(Kind kind, long record, String message) {}

    /** The kinds of problem. */
    @API(status = STABLE, since = "0.1")
    public enum Kind {
        /** A record does not start as a record of the format does. */
        MALFORMED,
        /** A record's framing check (CRC) fails: it was altered on disk or damaged. */
        DAMAGED,
        /** A record's sequence number is not its position: records were inserted, deleted or reordered. */
        SEQUENCE,
        /** A record does not carry the hash of the record before it: that earlier record was altered. */
        CHAIN,
        /** The records do not match a signed checkpoint's root: something it covers was altered. */
        MODIFIED,
        /** A signed checkpoint covers more records than the store holds: records were cut off the end. */
        TRUNCATED,
        /** A checkpoint's signature does not verify with the trusted key. */
        BAD_SIGNATURE,
        /** A checkpoint names a key that is not trusted. */
        UNKNOWN_SIGNER,
        /** A checkpoint names another hash algorithm than the others, or a smaller size than an earlier one. */
        INCONSISTENT_CHECKPOINT
    }
}
