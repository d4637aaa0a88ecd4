package io.remotebank.tck.identity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.remotebank.core.CorrelationId;
import io.remotebank.core.CustomerId;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.flow.FlowId;
import io.remotebank.identity.flow.FlowState;
import io.remotebank.identity.flow.FlowStatus;
import io.remotebank.identity.flow.StepKind;
import io.remotebank.identity.flow.StepResult;
import io.remotebank.identity.spi.FlowStore;
import io.remotebank.identity.spi.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link FlowStore}: extend it, return a fresh, empty store from {@link
 * #newStore()}, and from {@link #reopen(FlowStore)} the same store as a restarted process would see
 * it (the same instance for a store in memory).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class FlowStoreContract {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    /** The store under test, fresh for each test. */
    protected FlowStore store;

    /** For subclasses. */
    protected FlowStoreContract() {}

    /**
     * A new, empty store.
     *
     * @return the store
     */
    protected abstract FlowStore newStore();

    /**
     * The store after a restart.
     *
     * @param store the store in use (close it if it holds files)
     * @return the store as reopened
     */
    protected abstract FlowStore reopen(FlowStore store);

    /** Creates the store under test. */
    @BeforeEach
    void createStore() {
        store = newStore();
    }

    private static FlowState flow(String id, Instant at) {
        return new FlowState(
                FlowId.of(id),
                "remote-class2",
                CustomerId.of("C3001"),
                CorrelationId.of(id + "-corr"),
                FlowStatus.RUNNING,
                0,
                List.of(),
                List.of(),
                Map.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "",
                at,
                1);
    }

    @Test
    void savedFlow_isFoundAgain_andSurvivesAReopen() {
        FlowState first = flow("kyc-1", T0);
        FlowState second = first.change()
                .completed(StepResult.of(StepKind.DOCUMENT_OCR, Outcome.PASS, List.of()))
                .at(T0.plusSeconds(1));
        store.save(first);
        store.save(second);

        store = reopen(store);

        assertThat(store.find(first.id())).contains(second);
        assertThat(store.find(FlowId.of("kyc-none"))).isEmpty();
    }

    @Test
    void staleVersion_isAConflict_andKeepsTheStoredState() {
        FlowState first = flow("kyc-1", T0);
        store.save(first);
        FlowState a = first.change().status(FlowStatus.STALLED, "a").at(T0.plusSeconds(1));
        FlowState b = first.change().status(FlowStatus.BLOCKED_ON_CONSENT, "b").at(T0.plusSeconds(2));
        store.save(a);

        IdentityException e = catchThrowableOfType(IdentityException.class, () -> store.save(b));

        assertThat(e.error()).isEqualTo(IdentityError.FLOW_CONFLICT);
        assertThat(store.find(first.id())).contains(a);
        assertThat(catchThrowableOfType(IdentityException.class, () -> store.save(first))
                        .error())
                .as("creating a flow twice")
                .isEqualTo(IdentityError.FLOW_CONFLICT);
    }

    @Test
    void unfinished_listsUndecidedFlows_leastRecentlyChangedFirst() {
        FlowState late = flow("kyc-late", T0.plusSeconds(10));
        FlowState early = flow("kyc-early", T0);
        FlowState decided = flow("kyc-done", T0.plusSeconds(5));
        store.save(late);
        store.save(early);
        store.save(decided);
        store.save(decided.change().status(FlowStatus.DECIDED, "").at(T0.plusSeconds(6)));

        store = reopen(store);

        assertThat(store.unfinished()).extracting(FlowState::id).containsExactly(early.id(), late.id());
    }
}
