package io.remotebank.core.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What {@link AuditVerifier} found.
 *
 * <p>Records prove something only under a signed checkpoint. The {@link #status()} is {@link
 * Status#INTACT} when nothing is wrong and every record is under one; {@link
 * Status#UNANCHORED_TAIL_ACCEPTED} when records after the last checkpoint were accepted on the
 * caller's explicit request (they are vouched for by nothing); {@link Status#FAILED} otherwise, each
 * reason in {@link #problems()}.
 *
 * @param records the records the store holds
 * @param hashAlgorithm the tree's hash
 * @param root the root over all records, hex
 * @param checkpoints the checkpoints whose signature verified with a trusted key
 * @param anchoredSize the size of the largest signed checkpoint that matches the records (0 if none)
 * @param unanchored records after that checkpoint: their chain holds, but no signature covers them,
 *     so a forger could have written or rewritten them
 * @param unanchoredTailAccepted whether the caller accepted unanchored records ({@link
 *     AuditVerifier#acceptingUnanchoredTail()}); without that they are a problem
 * @param references the checkpoints from outside the trail (exported earlier, or witnessed) that
 *     were checked against it
 * @param problems every kind of tampering, damage or missing anchor found, each naming its first bad
 *     record
 * @param recoveryNote what the store reported on opening (e.g. a torn last record after a crash)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record AuditVerification(
        long records,
        String hashAlgorithm,
        String root,
        int checkpoints,
        long anchoredSize,
        long unanchored,
        boolean unanchoredTailAccepted,
        List<Reference> references,
        List<Problem> problems,
        Optional<String> recoveryNote) {

    /** Copies the lists. */
    public AuditVerification {
        references = List.copyOf(Arguments.noNulls(references, "references"));
        problems = List.copyOf(Arguments.noNulls(problems, "problems"));
        Arguments.notNull(recoveryNote, "recoveryNote");
    }

    /**
     * A result without references from outside the trail and without an accepted unanchored tail,
     * as this record was before those existed.
     *
     * @param records the records the store holds
     * @param hashAlgorithm the tree's hash
     * @param root the root over all records, hex
     * @param checkpoints the checkpoints whose signature verified with a trusted key
     * @param anchoredSize the size of the largest signed checkpoint that matches the records
     * @param unanchored records after that checkpoint
     * @param problems what was found
     * @param recoveryNote what the store reported on opening
     */
    public AuditVerification(
            long records,
            String hashAlgorithm,
            String root,
            int checkpoints,
            long anchoredSize,
            long unanchored,
            List<Problem> problems,
            Optional<String> recoveryNote) {
        this(
                records,
                hashAlgorithm,
                root,
                checkpoints,
                anchoredSize,
                unanchored,
                false,
                List.of(),
                problems,
                recoveryNote);
    }

    /**
     * The outcome in one word.
     *
     * @return {@link Status#FAILED} when any problem was found, {@link
     *     Status#UNANCHORED_TAIL_ACCEPTED} when only an accepted unanchored tail stands between the
     *     trail and {@link Status#INTACT}
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public Status status() {
        if (!problems.isEmpty()) {
            return Status.FAILED;
        }
        return unanchored > 0 ? Status.UNANCHORED_TAIL_ACCEPTED : Status.INTACT;
    }

    /**
     * Whether nothing was found wrong and every record is under a signed checkpoint (a torn last
     * record left by a crash is not tampering). Never true with an unanchored tail, accepted or not.
     *
     * @return whether the status is {@link Status#INTACT}
     */
    public boolean intact() {
        return status() == Status.INTACT;
    }

    /**
     * Whether the trail passed: intact, or intact but for an unanchored tail the caller accepted.
     *
     * @return whether the status is not {@link Status#FAILED}
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public boolean passed() {
        return status() != Status.FAILED;
    }

    /** The outcomes of a verification. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public enum Status {
        /** Nothing is wrong and every record is under a signed checkpoint. */
        INTACT,
        /**
         * Nothing is wrong up to the last signed checkpoint; the records after it were accepted
         * unanchored at the caller's request and are vouched for by nothing.
         */
        UNANCHORED_TAIL_ACCEPTED,
        /** Something is wrong, or records are not anchored: see the problems. */
        FAILED
    }

    /**
     * A checkpoint from outside the trail that it was checked against.
     *
     * @param source where it came from ({@code "since"} for one exported earlier, {@code "witness"})
     * @param size its size
     * @param root its root, hex
     * @param consistent whether the trail extends it (RFC 6962 consistency) and still holds it
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public record Reference(String source, long size, String root, boolean consistent) {

        /** Validates the fields. */
        public Reference {
            Arguments.notBlank(source, "source");
            Arguments.notNull(root, "root");
        }
    }

    /**
     * One thing found wrong.
     *
     * @param kind what
     * @param record the first record concerned (a sequence number), or -1 for a checkpoint problem
     * @param message what, for people
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public record Problem(Kind kind, long record, String message) {}

    /** The kinds of problem. */
    @API(status = EXPERIMENTAL, since = "0.1")
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
        INCONSISTENT_CHECKPOINT,
        /**
         * No checkpoint with a valid signature: nothing in the trail is anchored, so it proves nothing
         * (its checkpoints were deleted, or it was never checkpointed).
         */
        @API(status = EXPERIMENTAL, since = "0.1")
        NO_CHECKPOINT,
        /**
         * Records after the last signed checkpoint, not accepted by the caller: no signature covers
         * them, so they may have been appended or rewritten by anyone who can write the files.
         */
        @API(status = EXPERIMENTAL, since = "0.1")
        UNANCHORED,
        /**
         * A checkpoint seen outside the trail (exported earlier, or witnessed) is missing from it,
         * covers more records than it holds, or is not extended by it: the trail was rolled back.
         */
        @API(status = EXPERIMENTAL, since = "0.1")
        ROLLBACK,
        /** The witness could not be read, so the rollback check it offers was not made. */
        @API(status = EXPERIMENTAL, since = "0.1")
        WITNESS_UNAVAILABLE
    }
}
