package io.remotebank.examples.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.AgentId;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.CustomerId;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.flow.FlowState;
import io.remotebank.identity.flow.FlowStatus;
import io.remotebank.identity.flow.FlowStores;
import io.remotebank.identity.flow.FlowTemplates;
import io.remotebank.identity.flow.ReviewClaim;
import io.remotebank.identity.flow.Verdict;
import io.remotebank.routing.AgentProfile;
import io.remotebank.routing.ContactId;
import io.remotebank.routing.Offer;
import io.remotebank.routing.QueueConfig;
import io.remotebank.routing.QueueId;
import io.remotebank.routing.RoutingEngine;
import io.remotebank.routing.RoutingStep;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The review-to-routing hand-off of docs/rb-identity-verify.md: a review case becomes a VIDEO contact. */
class ReviewRoutingTest {

    private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");
    private static final AgentId WANG = AgentId.of("agent-wang");
    private static final AgentId LI = AgentId.of("agent-li");

    private final KycSandbox kyc = new KycSandbox(KycSandbox.Scenario.REVIEW, FlowStores.inMemory(), START);
    private final FlowState inReview = kyc.run(FlowTemplates.REMOTE_CLASS2, CustomerId.of("C3001"));
    private final RoutingEngine engine = RoutingEngine.builder()
            .clock(kyc.time.clock())
            .scheduler(kyc.time)
            .skills(ReviewRouting.SKILL)
            .queue(QueueConfig.builder("kyc-review")
                    .step(RoutingStep.builder("reviewers").anyLanguage().build())
                    .build())
            .agent(AgentProfile.builder("agent-wang")
                    .skill(ReviewRouting.SKILL, 3)
                    .queue("kyc-review")
                    .build())
            .build();
    private final ReviewRouting handOff =
            new ReviewRouting(kyc.flows.reviews(), engine, QueueId.of("kyc-review"), Duration.ofMinutes(20));

    @AfterEach
    void close() {
        engine.close();
        kyc.close();
    }

    @Test
    void reviewCase_becomesAVideoContact_claimedAndDecidedByTheAgentWhoAccepts() {
        assertThat(inReview.status()).isEqualTo(FlowStatus.AWAITING_REVIEW);
        engine.login(WANG);
        engine.ready(WANG);

        // tag::review-hand-off[]
        List<ContactId> routed = handOff.routePending(); // each pending case arrives as one VIDEO contact
        Offer offer = engine.pendingOffer(WANG).orElseThrow(); // the reviewer's desktop rings
        ReviewClaim claim = handOff.accept(WANG, offer.contact()).orElseThrow(); // accepting claims the case
        // ... on video with the customer, the agent sees kyc.flows.reviews().evidence(claim), then:
        FlowState decided = handOff.decide(claim, Verdict.PASS, "same person on video, document shown");
        // end::review-hand-off[]

        assertThat(routed).containsExactly(ReviewRouting.contactOf(inReview.id()));
        assertThat(offer.channel()).isEqualTo(ContactChannel.VIDEO);
        assertThat(claim.reviewer()).isEqualTo(WANG);
        assertThat(decided.status()).isEqualTo(FlowStatus.DECIDED);
        assertThat(decided.decision().orElseThrow().decidedBy()).isEqualTo("reviewer:agent-wang");
        assertThat(engine.agent(WANG).connected()).isEmpty(); // the contact is completed
        assertThat(kyc.flows.reviews().pending()).isEmpty();
        assertThat(kyc.audit.actions()).contains("identity.review.claimed", "identity.flow.decided");
    }

    @Test
    void routingAgain_doesNotRouteACaseTwice() {
        assertThat(handOff.routePending()).hasSize(1);

        assertThat(handOff.routePending()).isEmpty();
    }

    @Test
    void caseClaimedAtTheDeskMeanwhile_endsTheContactWithoutAClaim() {
        engine.login(WANG);
        engine.ready(WANG);
        handOff.routePending();
        Offer offer = engine.pendingOffer(WANG).orElseThrow();
        kyc.flows.reviews().claim(inReview.id(), LI, Duration.ofMinutes(10)); // someone took it at the desk

        Optional<ReviewClaim> claim = handOff.accept(WANG, offer.contact());

        assertThat(claim).isEmpty();
        assertThat(engine.agent(WANG).connected()).isEmpty();
        assertThat(kyc.flows.reviews().pending().get(0).claimedBy()).contains(LI);
    }

    @Test
    void contactWithoutACase_isRefusedWithACode() {
        assertThatThrownBy(() -> handOff.accept(WANG, ContactId.of("call-1")))
                .isInstanceOf(IdentityException.class)
                .extracting(e -> ((IdentityException) e).error())
                .isEqualTo(IdentityError.REVIEW_NOT_FOUND);
    }
}
