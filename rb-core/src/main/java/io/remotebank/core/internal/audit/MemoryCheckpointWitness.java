package io.remotebank.core.internal.audit;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.audit.Checkpoint;
import io.remotebank.core.spi.CheckpointWitness;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/** Witnessed checkpoints in memory: for tests and demos (a process's memory is no witness). */
@API(status = INTERNAL, since = "0.1")
public final class MemoryCheckpointWitness implements CheckpointWitness {

    private final List<Checkpoint> checkpoints = new ArrayList<>();

    @Override
    public synchronized void publish(Checkpoint checkpoint) {
        Arguments.notNull(checkpoint, "checkpoint");
        if (WitnessRule.admit(latest(), checkpoint, description())) {
            checkpoints.add(checkpoint);
        }
    }

    @Override
    public synchronized List<Checkpoint> checkpoints() {
        return List.copyOf(checkpoints);
    }

    @Override
    public synchronized Optional<Checkpoint> latest() {
        return checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.get(checkpoints.size() - 1));
    }

    @Override
    public String description() {
        return "the in-memory witness";
    }
}
