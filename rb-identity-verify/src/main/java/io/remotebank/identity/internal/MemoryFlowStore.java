package io.remotebank.identity.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.Arguments;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.flow.FlowId;
import io.remotebank.identity.flow.FlowState;
import io.remotebank.identity.spi.FlowStore;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/** Flow states in memory; the file store keeps one of these in front of its log. */
@API(status = INTERNAL, since = "0.1")
public class MemoryFlowStore implements FlowStore {

    private final Map<FlowId, FlowState> states = new LinkedHashMap<>();

    @Override
    public synchronized void save(FlowState state) {
        Arguments.notNull(state, "state");
        check(state);
        persist(state);
        states.put(state.id(), state);
    }

    /** Checks the version against the stored one. */
    protected void check(FlowState state) {
        FlowState current = states.get(state.id());
        long stored = current == null ? 0 : current.version();
        if (state.version() != stored + 1) {
            throw new IdentityException(
                    IdentityError.FLOW_CONFLICT,
                    "flow " + state.id() + " is at version " + stored + "; a save of version " + state.version()
                            + " lost a race with another change");
        }
    }

    /** Writes the state durably before it becomes visible; nothing here. */
    protected void persist(FlowState state) {}

    /** Loads a state read back from a log, without a version check. */
    protected final void load(FlowState state) {
        states.put(state.id(), state);
    }

    @Override
    public synchronized Optional<FlowState> find(FlowId id) {
        Arguments.notNull(id, "id");
        return Optional.ofNullable(states.get(id));
    }

    @Override
    public synchronized List<FlowState> unfinished() {
        return states.values().stream()
                .filter(s -> !s.status().finished())
                .sorted(Comparator.comparing(FlowState::updatedAt))
                .toList();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + states.size() + " flows]";
    }
}
