package io.remotebank.identity.flow;

import static io.remotebank.identity.flow.KycFixture.MRZ;
import static io.remotebank.identity.flow.KycFixture.application;
import static io.remotebank.identity.flow.KycFixture.with;
import static io.remotebank.identity.simulator.Behaviour.PASS;
import static io.remotebank.identity.simulator.Behaviour.REVIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.remotebank.core.AgentId;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.review.ReviewDesk;
import io.remotebank.identity.review.ReviewEvidence;
import io.remotebank.identity.simulator.FaceMatchSimulator;
import io.remotebank.identity.simulator.LivenessSimulator;
import io.remotebank.identity.simulator.OcrSimulator;
import io.remotebank.identity.simulator.RegistrySimulator;
import io.remotebank.identity.spi.ArtefactKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReviewDeskTest {

    static final AgentId WANG = AgentId.of("A-wang");
    static final AgentId LI = AgentId.of("A-li");

    final KycFixture fx = new KycFixture();
    KycFlows flows;
    ReviewDesk desk;
    FlowId flow;

    @BeforeEach
    void flowAwaitingReview() {
        fx.grantFaceConsent();
        flows = with(
                        fx.engine(FlowStores.inMemory()),
                        List.of(OcrSimulator.of("sim-ocr", MRZ, PASS)),
                        List.of(RegistrySimulator.of("sim-registry", PASS)),
                        List.of(LivenessSimulator.of("sim-liveness", fx.time.clock(), PASS)),
                        List.of(FaceMatchSimulator.of("sim-face", REVIEW)))
                .build();
        desk = flows.reviews();
        FlowState s = fx.await(flows.start(FlowTemplates.REMOTE_CLASS2, application()));
        flow = fx.await(flows.advance(s.id())).id();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void claimDecide_passesTheFlow_withTheReviewerAsActor() {
        var claim = desk.claim(flow, WANG, Duration.ofMinutes(15));

        FlowState decided = desk.decide(claim, Verdict.PASS, "face compared on video, same person");

        assertThat(decided.status()).isEqualTo(FlowStatus.DECIDED);
        assertThat(decided.decision().orElseThrow().decidedBy()).isEqualTo("reviewer:A-wang");
        assertThat(desk.pending()).isEmpty();
        assertThat(fx.actions()).contains("identity.review.claimed", "identity.flow.decided");
        assertThat(fx.audit().stream()
                        .filter(e -> e.contains("identity.flow.decided"))
                        .reduce((a, b) -> b)
                        .orElseThrow())
                .contains("A-wang");
    }

    @Test
    void claimedTwice_theSecondReviewerIsRefused_untilTheClaimExpires() {
        var first = desk.claim(flow, WANG, Duration.ofMinutes(15));

        IdentityException refused =
                catchThrowableOfType(IdentityException.class, () -> desk.claim(flow, LI, Duration.ofMinutes(15)));
        assertThat(refused.error()).isEqualTo(IdentityError.REVIEW_CLAIMED);
        assertThat(desk.pending())
                .singleElement()
                .satisfies(c -> assertThat(c.claimedBy()).contains(WANG));

        fx.time.advance(Duration.ofMinutes(15));
        var second = desk.claim(flow, LI, Duration.ofMinutes(15));

        IdentityException stale =
                catchThrowableOfType(IdentityException.class, () -> desk.decide(first, Verdict.PASS, "late"));
        assertThat(stale.error()).isEqualTo(IdentityError.REVIEW_CLAIM_INVALID);
        assertThat(desk.decide(second, Verdict.FAIL, "not the document holder")
                        .decision()
                        .orElseThrow()
                        .verdict())
                .isEqualTo(Verdict.FAIL);
    }

    @Test
    void evidence_isMaskedWhenPrinted_andArtefactsOpenByHash_audited() {
        var claim = desk.claim(flow, WANG, Duration.ofMinutes(15));

        ReviewEvidence evidence = desk.evidence(claim);

        assertThat(evidence.toString()).doesNotContain("ERIKSSON").doesNotContain("L898902C3");
        assertThat(evidence.name().reveal()).isEqualTo("ERIKSSON ANNA MARIA");
        assertThat(evidence.artefacts()).containsKeys(ArtefactKind.DOCUMENT_IMAGE, ArtefactKind.LIVENESS_FRAME);
        var frame = evidence.artefacts().get(ArtefactKind.LIVENESS_FRAME);
        assertThat(desk.artefact(claim, frame).orElseThrow().ref()).isEqualTo(frame);
        assertThat(fx.actions()).contains("identity.review.artefact-opened");
    }

    @Test
    void decisionWithoutReason_orAsReview_isRefused_andChangesNothing() {
        var claim = desk.claim(flow, WANG, Duration.ofMinutes(15));

        assertThat(catchThrowableOfType(IdentityException.class, () -> desk.decide(claim, Verdict.PASS, " "))
                        .error())
                .isEqualTo(IdentityError.REVIEW_DECISION_INVALID);
        assertThat(catchThrowableOfType(IdentityException.class, () -> desk.decide(claim, Verdict.REVIEW, "x"))
                        .error())
                .isEqualTo(IdentityError.REVIEW_DECISION_INVALID);
        assertThat(flows.find(flow).orElseThrow().status()).isEqualTo(FlowStatus.AWAITING_REVIEW);
    }

    @Test
    void flowNotAwaitingReview_cannotBeClaimed() {
        assertThat(catchThrowableOfType(
                                IdentityException.class,
                                () -> desk.claim(FlowId.of("no-such"), WANG, Duration.ofMinutes(1)))
                        .error())
                .isEqualTo(IdentityError.REVIEW_NOT_FOUND);
    }

    @Test
    void released_caseIsFreeForTheNextReviewer() {
        var claim = desk.claim(flow, WANG, Duration.ofMinutes(15));
        desk.release(claim);

        assertThat(desk.claim(flow, LI, Duration.ofMinutes(15)).reviewer()).isEqualTo(LI);
    }

    @Test
    void shreddedCustomer_leavesNoEvidence() {
        FlowState s = flows.find(flow).orElseThrow();

        assertThat(flows.vault().shred(s.customer())).isGreaterThanOrEqualTo(4);

        s.evidence()
                .values()
                .forEach(ref -> assertThat(flows.vault().get(s.customer(), ref)).isEmpty());
    }
}
