package io.remotebank.core.internal.audit;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.AuditException;
import io.remotebank.core.CoreError;
import io.remotebank.core.audit.Checkpoint;
import java.util.Optional;
import org.apiguardian.api.API;

/** The append-only rule every embedded {@code CheckpointWitness} applies before it stores. */
@API(status = INTERNAL, since = "0.1")
public final class WitnessRule {

    private WitnessRule() {}

    /**
     * Decides whether a checkpoint is new to a witness.
     *
     * @param latest the largest checkpoint witnessed so far
     * @param next the checkpoint to publish
     * @param where the witness, for the message
     * @return true to store it; false when it is the latest one again (nothing to do)
     * @throws AuditException with {@link CoreError#AUDIT_TAMPERED} when it would go back on the witness
     */
    public static boolean admit(Optional<Checkpoint> latest, Checkpoint next, String where) {
        if (latest.isEmpty() || next.size() > latest.get().size()) {
            return true;
        }
        Checkpoint seen = latest.get();
        if (next.size() == seen.size() && next.root().equals(seen.root())) {
            return false;
        }
        throw new AuditException(
                CoreError.AUDIT_TAMPERED,
                where + " has witnessed a checkpoint at size " + seen.size() + " (root " + seen.root()
                        + "); a checkpoint at size " + next.size()
                        + (next.size() == seen.size() ? " with another root" : "")
                        + " would go back on it: the trail was rolled back or forked");
    }
}
