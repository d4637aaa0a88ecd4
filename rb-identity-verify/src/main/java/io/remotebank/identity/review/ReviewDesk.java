package io.remotebank.identity.review;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.AgentId;
import io.remotebank.core.Arguments;
import io.remotebank.core.audit.Actor;
import io.remotebank.core.audit.AuditTrail;
import io.remotebank.core.pii.PiiKind;
import io.remotebank.core.pii.Sensitive;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.flow.FlowDecision;
import io.remotebank.identity.flow.FlowId;
import io.remotebank.identity.flow.FlowState;
import io.remotebank.identity.flow.FlowStatus;
import io.remotebank.identity.flow.ReviewClaim;
import io.remotebank.identity.flow.Verdict;
import io.remotebank.identity.internal.FlowAudit;
import io.remotebank.identity.spi.Artefact;
import io.remotebank.identity.spi.ArtefactKind;
import io.remotebank.identity.spi.ArtefactRef;
import io.remotebank.identity.spi.ArtefactVault;
import io.remotebank.identity.spi.FlowStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * The human review of flows that a person must decide: list the pending cases, claim one (one
 * reviewer at a time, until the claim expires), see its evidence, decide pass or fail with a
 * reason. Every claim, release, opened artefact and decision is in the audit trail with the
 * reviewer as actor. The claim is saved through the store's version check, so two reviewers
 * claiming at once cannot both hold a case.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ReviewDesk {

    /** The longest a claim may last. */
    public static final Duration MAX_HOLD = Duration.ofHours(2);

    private final FlowStore store;
    private final ArtefactVault vault;
    private final Clock clock;
    private final FlowAudit audit;

    private ReviewDesk(FlowStore store, ArtefactVault vault, AuditTrail trail, Clock clock) {
        this.store = store;
        this.vault = vault;
        this.audit = new FlowAudit(trail);
        this.clock = clock;
    }

    /**
     * A desk over the flows of a store.
     *
     * @param store the flow store
     * @param vault the evidence
     * @param trail the audit trail
     * @param clock the clock of claims
     * @return the desk
     */
    public static ReviewDesk of(FlowStore store, ArtefactVault vault, AuditTrail trail, Clock clock) {
        return new ReviewDesk(
                Arguments.notNull(store, "store"),
                Arguments.notNull(vault, "vault"),
                Arguments.notNull(trail, "trail"),
                Arguments.notNull(clock, "clock"));
    }

    /**
     * The cases awaiting a reviewer, oldest first; a claimed case shows its reviewer while the
     * claim lasts.
     *
     * @return the cases
     */
    public List<ReviewCase> pending() {
        Instant now = clock.instant();
        return store.unfinished().stream()
                .filter(s -> s.status() == FlowStatus.AWAITING_REVIEW)
                .map(s -> new ReviewCase(
                        s.id(),
                        s.definition(),
                        s.customer(),
                        s.decision().map(FlowDecision::reasons).orElse(List.of()),
                        s.claim().filter(c -> now.isBefore(c.expiresAt())).map(ReviewClaim::reviewer),
                        s.updatedAt()))
                .toList();
    }

    /**
     * Claims a case.
     *
     * @param flow the flow
     * @param reviewer who
     * @param hold how long, up to {@link #MAX_HOLD}
     * @return the claim
     * @throws IdentityException with {@link IdentityError#REVIEW_NOT_FOUND} when the flow does not
     *     await review, {@link IdentityError#REVIEW_CLAIMED} when another reviewer's claim has not
     *     expired (or won a race for it)
     */
    public ReviewClaim claim(FlowId flow, AgentId reviewer, Duration hold) {
        Arguments.notNull(reviewer, "reviewer");
        Arguments.positive(hold, "hold");
        if (hold.compareTo(MAX_HOLD) > 0) {
            throw new IdentityException(
                    IdentityError.ARGUMENT_INVALID, "a claim lasts at most " + MAX_HOLD + ", got " + hold);
        }
        FlowState s = awaiting(flow);
        Instant now = clock.instant();
        Optional<ReviewClaim> held = s.claim().filter(c -> now.isBefore(c.expiresAt()));
        if (held.isPresent() && !held.get().reviewer().equals(reviewer)) {
            throw new IdentityException(
                    IdentityError.REVIEW_CLAIMED,
                    "flow " + flow + " is claimed by another reviewer until "
                            + held.get().expiresAt());
        }
        ReviewClaim claim = new ReviewClaim(flow, UUID.randomUUID().toString(), reviewer, now.plus(hold));
        FlowState next = s.change().claim(claim).at(now);
        try {
            store.save(next);
        } catch (IdentityException e) {
            if (e.error() == IdentityError.FLOW_CONFLICT) {
                throw new IdentityException(
                        IdentityError.REVIEW_CLAIMED, "flow " + flow + " was claimed at the same moment", e);
            }
            throw e;
        }
        audit.append(audit.event("identity.review.claimed", next, Actor.agent(reviewer))
                .detail("expiresAt", claim.expiresAt().toString()));
        return claim;
    }

    /**
     * The evidence of a claimed case.
     *
     * @param claim the current claim
     * @return the evidence
     * @throws IdentityException with {@link IdentityError#REVIEW_CLAIM_INVALID} when the claim is
     *     not current
     */
    public ReviewEvidence evidence(ReviewClaim claim) {
        FlowState s = current(claim);
        String[] app = vault.get(s.customer(), s.evidence().get(ArtefactKind.APPLICATION))
                .map(a -> new String(a.bytes(), StandardCharsets.UTF_8).split("\n", 2))
                .orElse(new String[] {"", ""});
        return new ReviewEvidence(
                s,
                Sensitive.of(app[0], PiiKind.NAME),
                Sensitive.of(app.length > 1 ? app[1] : "", PiiKind.ID_NUMBER),
                s.evidence());
    }

    /**
     * Opens one artefact of a claimed case; audited as {@code identity.review.artefact-opened}.
     *
     * @param claim the current claim
     * @param ref the artefact
     * @return it, when still kept
     */
    public Optional<Artefact> artefact(ReviewClaim claim, ArtefactRef ref) {
        FlowState s = current(claim);
        Arguments.notNull(ref, "ref");
        if (!s.evidence().containsValue(ref)) {
            throw new IdentityException(
                    IdentityError.ARTEFACT_NOT_FOUND, "the artefact is not evidence of flow " + s.id());
        }
        audit.append(audit.event("identity.review.artefact-opened", s, Actor.agent(claim.reviewer()))
                .detail("kind", ref.kind().name())
                .detail("sha256", ref.sha256()));
        return vault.get(s.customer(), ref);
    }

    /**
     * Decides a claimed case.
     *
     * @param claim the current claim
     * @param verdict {@link Verdict#PASS} or {@link Verdict#FAIL}
     * @param reason why, 1-512 characters without personal data
     * @return the decided flow
     * @throws IdentityException with {@link IdentityError#REVIEW_DECISION_INVALID} for a review
     *     verdict or a blank reason, {@link IdentityError#REVIEW_CLAIM_INVALID} for a claim that is
     *     not current
     */
    public FlowState decide(ReviewClaim claim, Verdict verdict, String reason) {
        Arguments.notNull(verdict, "verdict");
        if (verdict == Verdict.REVIEW || reason == null || reason.isBlank() || reason.length() > 512) {
            throw new IdentityException(
                    IdentityError.REVIEW_DECISION_INVALID,
                    "a reviewer decides pass or fail and gives a reason of 1-512 characters");
        }
        FlowState s = current(claim);
        FlowDecision decision = new FlowDecision(
                verdict, List.of(reason), "reviewer:" + claim.reviewer().value());
        FlowState next = s.change()
                .decision(decision)
                .claim(null)
                .nextStep(s.nextStep() + 1)
                .status(FlowStatus.DECIDED, "")
                .at(clock.instant());
        store.save(next);
        audit.decided(next, Actor.agent(claim.reviewer()));
        return next;
    }

    /**
     * Gives a claimed case back to the desk.
     *
     * @param claim the current claim
     */
    public void release(ReviewClaim claim) {
        FlowState s = current(claim);
        FlowState next = s.change().claim(null).at(clock.instant());
        store.save(next);
        audit.append(audit.event("identity.review.released", next, Actor.agent(claim.reviewer())));
    }

    private FlowState awaiting(FlowId flow) {
        Arguments.notNull(flow, "flow");
        return store.find(flow)
                .filter(s -> s.status() == FlowStatus.AWAITING_REVIEW)
                .orElseThrow(() -> new IdentityException(
                        IdentityError.REVIEW_NOT_FOUND, "flow " + flow + " does not await review"));
    }

    private FlowState current(ReviewClaim claim) {
        Arguments.notNull(claim, "claim");
        FlowState s = awaiting(claim.flow());
        boolean ok = s.claim().filter(c -> c.claimId().equals(claim.claimId())).isPresent()
                && clock.instant().isBefore(claim.expiresAt());
        if (!ok) {
            throw new IdentityException(
                    IdentityError.REVIEW_CLAIM_INVALID,
                    "the claim on flow " + claim.flow() + " expired, was released or was taken over");
        }
        return s;
    }
}
