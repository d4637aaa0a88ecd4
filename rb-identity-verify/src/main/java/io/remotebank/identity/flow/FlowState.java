package io.remotebank.identity.flow;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CorrelationId;
import io.remotebank.core.CustomerId;
import io.remotebank.identity.spi.ArtefactKind;
import io.remotebank.identity.spi.ArtefactRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Everything a flow has done, as the store keeps it: enough to resume at its step after a restart.
 * It holds no personal data: evidence is referred to by hash ({@link ArtefactRef}) and kept,
 * encrypted for the customer, in the artefact vault.
 *
 * @param id the flow
 * @param definition the name of its {@link FlowDefinition}
 * @param customer whom it is about
 * @param correlation the business it belongs to
 * @param status where it stands
 * @param nextStep the index in the definition of the step to run next
 * @param results the result of each step done, in order
 * @param attempts every provider call, in order
 * @param evidence the artefacts collected, by kind
 * @param session the liveness session waited on
 * @param decision the decision, once made (for {@link FlowStatus#AWAITING_REVIEW}: the policy's)
 * @param claim the review claim, while a reviewer holds the flow
 * @param note why the flow waits or stalled, without personal data; empty otherwise
 * @param updatedAt when it last changed
 * @param version the store's version: 1 for a new flow, one more for each save
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record FlowState(
        FlowId id,
        String definition,
        CustomerId customer,
        CorrelationId correlation,
        FlowStatus status,
        int nextStep,
        List<StepResult> results,
        List<Attempt> attempts,
        Map<ArtefactKind, ArtefactRef> evidence,
        Optional<PendingSession> session,
        Optional<FlowDecision> decision,
        Optional<ReviewClaim> claim,
        String note,
        Instant updatedAt,
        long version) {

    /** Validates and copies. */
    public FlowState {
        Arguments.notNull(id, "id");
        Arguments.notBlank(definition, "definition");
        Arguments.notNull(customer, "customer");
        Arguments.notNull(correlation, "correlation");
        Arguments.notNull(status, "status");
        Arguments.inRange(nextStep, 0, 64, "nextStep");
        results = List.copyOf(Arguments.noNulls(results, "results"));
        attempts = List.copyOf(Arguments.noNulls(attempts, "attempts"));
        Arguments.notNull(evidence, "evidence");
        Map<ArtefactKind, ArtefactRef> e = new EnumMap<>(ArtefactKind.class);
        e.putAll(evidence);
        evidence = Collections.unmodifiableMap(e);
        Arguments.notNull(session, "session");
        Arguments.notNull(decision, "decision");
        Arguments.notNull(claim, "claim");
        Arguments.notNull(note, "note");
        Arguments.notNull(updatedAt, "updatedAt");
        Arguments.inRange(version, 1, Long.MAX_VALUE, "version");
    }

    /**
     * The result of a step, if it was done.
     *
     * @param kind the step
     * @return its result
     */
    public Optional<StepResult> result(StepKind kind) {
        return results.stream().filter(r -> r.kind() == kind).findFirst();
    }

    /**
     * The attempts of a step.
     *
     * @param kind the step
     * @return its attempts in order
     */
    public List<Attempt> attempts(StepKind kind) {
        return attempts.stream().filter(a -> a.step() == kind).toList();
    }

    /** A copy to change. */
    public Change change() {
        return new Change(this);
    }

    /** Changes a {@link FlowState} into the next version. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Change {
        private final FlowState from;
        private FlowStatus status;
        private int nextStep;
        private final List<StepResult> results;
        private final List<Attempt> attempts;
        private final Map<ArtefactKind, ArtefactRef> evidence;
        private PendingSession session;
        private FlowDecision decision;
        private ReviewClaim claim;
        private String note;

        private Change(FlowState from) {
            this.from = from;
            this.status = from.status;
            this.nextStep = from.nextStep;
            this.results = new ArrayList<>(from.results);
            this.attempts = new ArrayList<>(from.attempts);
            this.evidence = new EnumMap<>(ArtefactKind.class);
            this.evidence.putAll(from.evidence);
            this.session = from.session.orElse(null);
            this.decision = from.decision.orElse(null);
            this.claim = from.claim.orElse(null);
            this.note = from.note;
        }

        /**
         * Sets the status and its note.
         *
         * @param status the status
         * @param note why, or empty
         * @return this change
         */
        public Change status(FlowStatus status, String note) {
            this.status = Arguments.notNull(status, "status");
            this.note = Arguments.notNull(note, "note");
            return this;
        }

        /**
         * Records a step's result and moves to the next step.
         *
         * @param result the result
         * @return this change
         */
        public Change completed(StepResult result) {
            results.removeIf(r -> r.kind() == result.kind());
            results.add(result);
            nextStep++;
            return this;
        }

        /**
         * Moves to a step without a result for the steps between (after a failure, straight to the
         * decision).
         *
         * @param index the step's index in the definition
         * @return this change
         */
        public Change nextStep(int index) {
            this.nextStep = index;
            return this;
        }

        /**
         * Adds attempts.
         *
         * @param more the attempts
         * @return this change
         */
        public Change attempts(List<Attempt> more) {
            attempts.addAll(more);
            return this;
        }

        /**
         * Adds evidence.
         *
         * @param ref the artefact
         * @return this change
         */
        public Change evidence(ArtefactRef ref) {
            evidence.put(ref.kind(), ref);
            return this;
        }

        /**
         * Sets or clears the liveness session.
         *
         * @param session the session, or null
         * @return this change
         */
        public Change session(PendingSession session) {
            this.session = session;
            return this;
        }

        /**
         * Sets the decision.
         *
         * @param decision the decision
         * @return this change
         */
        public Change decision(FlowDecision decision) {
            this.decision = decision;
            return this;
        }

        /**
         * Sets or clears the review claim.
         *
         * @param claim the claim, or null
         * @return this change
         */
        public Change claim(ReviewClaim claim) {
            this.claim = claim;
            return this;
        }

        /**
         * The next version of the state.
         *
         * @param at when
         * @return the state, its version one more
         */
        public FlowState at(Instant at) {
            return new FlowState(
                    from.id,
                    from.definition,
                    from.customer,
                    from.correlation,
                    status,
                    nextStep,
                    results,
                    attempts,
                    evidence,
                    Optional.ofNullable(session),
                    Optional.ofNullable(decision),
                    Optional.ofNullable(claim),
                    note,
                    at,
                    from.version + 1);
        }
    }
}
