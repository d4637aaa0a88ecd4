package io.remotebank.examples.identity;

import io.remotebank.core.AgentId;
import io.remotebank.core.Arguments;
import io.remotebank.core.ContactChannel;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.flow.FlowId;
import io.remotebank.identity.flow.FlowState;
import io.remotebank.identity.flow.ReviewClaim;
import io.remotebank.identity.flow.Verdict;
import io.remotebank.identity.review.ReviewCase;
import io.remotebank.identity.review.ReviewDesk;
import io.remotebank.routing.ContactId;
import io.remotebank.routing.ContactRequest;
import io.remotebank.routing.QueueId;
import io.remotebank.routing.RoutingEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hand-off between rb-identity-verify and rb-routing, wired in the application as the house
 * rules ask (feature modules do not know each other): every pending review case becomes a VIDEO
 * contact in a reviewers' queue; the agent who accepts the contact claims the case for as long as
 * the call may last, sees the masked evidence on video with the customer, decides, and completes the
 * contact. One case is one contact, so it is never offered twice; a case that someone else claimed
 * in the meantime ends the contact without a decision.
 */
final class ReviewRouting {

    /** The skill a reviewer needs for a KYC review contact. */
    static final String SKILL = "kyc-review";

    private final ReviewDesk desk;
    private final RoutingEngine engine;
    private final QueueId queue;
    private final Duration hold;
    // Which contact carries which case; the routing engine knows contacts, the desk knows flows.
    private final Map<ContactId, FlowId> routed = new LinkedHashMap<>();

    ReviewRouting(ReviewDesk desk, RoutingEngine engine, QueueId queue, Duration hold) {
        this.desk = Arguments.notNull(desk, "desk");
        this.engine = Arguments.notNull(engine, "engine");
        this.queue = Arguments.notNull(queue, "queue");
        this.hold = Arguments.notNull(hold, "hold");
    }

    /** The contact id of a case: derived from the flow id, so routing a case twice is visible. */
    static ContactId contactOf(FlowId flow) {
        return ContactId.of("review-" + flow.value());
    }

    /**
     * Routes every pending, unclaimed case that has no contact yet as a VIDEO contact.
     *
     * @return the contacts that arrived now
     */
    synchronized List<ContactId> routePending() {
        List<ContactId> arrived = new ArrayList<>();
        for (ReviewCase c : desk.pending()) {
            ContactId contact = contactOf(c.flow());
            if (c.claimedBy().isPresent() || routed.containsKey(contact)) {
                continue;
            }
            engine.arrive(ContactRequest.builder(contact, ContactChannel.VIDEO, queue)
                    .customer(c.customer())
                    .skill(SKILL, 1)
                    .attribute("flow", c.flow().value())
                    .attribute("definition", c.definition())
                    .build());
            routed.put(contact, c.flow());
            arrived.add(contact);
        }
        return arrived;
    }

    /**
     * The agent accepts the offered contact and so claims its case.
     *
     * @param agent the agent offered the contact
     * @param contact the contact
     * @return the claim, empty when the case was claimed elsewhere or decided (the contact is then
     *     completed at once)
     */
    synchronized Optional<ReviewClaim> accept(AgentId agent, ContactId contact) {
        FlowId flow = routed.get(Arguments.notNull(contact, "contact"));
        if (flow == null) {
            throw new IdentityException(
                    IdentityError.REVIEW_NOT_FOUND, "contact " + contact.value() + " carries no review case");
        }
        engine.accept(agent, contact);
        try {
            return Optional.of(desk.claim(flow, agent, hold));
        } catch (IdentityException e) {
            // identity.review.claimed or identity.review.not-found: nothing for this agent to do.
            engine.complete(agent, contact);
            routed.remove(contact);
            return Optional.empty();
        }
    }

    /**
     * The agent decides on the call and completes the contact.
     *
     * @param claim the agent's claim
     * @param verdict pass or fail
     * @param reason why, without personal data
     * @return the decided flow
     */
    synchronized FlowState decide(ReviewClaim claim, Verdict verdict, String reason) {
        FlowState decided = desk.decide(claim, verdict, reason);
        ContactId contact = contactOf(claim.flow());
        engine.complete(claim.reviewer(), contact);
        routed.remove(contact);
        return decided;
    }
}
