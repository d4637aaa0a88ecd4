package io.remotebank.identity.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.flow.FlowId;
import io.remotebank.identity.flow.FlowState;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Where flows' states are kept, so that a flow survives a restart and resumes at its step. The
 * states hold no personal data (evidence is by hash). Embedded defaults: {@link
 * io.remotebank.identity.flow.FlowStores#inMemory()} and {@link
 * io.remotebank.identity.flow.FlowStores#file(java.nio.file.Path)}; for a cluster, implement it over
 * the bank's database. Proven by {@code io.remotebank.tck.identity.FlowStoreContract}. Thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface FlowStore {

    /**
     * Saves a state. Version 1 creates the flow; version n replaces version n-1 and nothing else,
     * so that two engines (or two reviewers) changing one flow at once cannot both win.
     *
     * @param state the state
     * @throws IdentityException with {@link IdentityError#FLOW_CONFLICT} when the stored version is
     *     not the one before, {@link IdentityError#STORE_FAILED} when it cannot be written
     */
    void save(FlowState state);

    /**
     * A flow's latest state.
     *
     * @param id the flow
     * @return its state, if the flow exists
     */
    Optional<FlowState> find(FlowId id);

    /**
     * The flows not yet decided, least recently changed first: what an engine resumes after a restart
     * and where a review desk finds its cases.
     *
     * @return their latest states
     */
    List<FlowState> unfinished();
}
