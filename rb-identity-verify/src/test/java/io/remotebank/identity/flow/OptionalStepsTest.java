package io.remotebank.identity.flow;

import static io.remotebank.identity.flow.KycFixture.MRZ;
import static io.remotebank.identity.flow.KycFixture.application;
import static io.remotebank.identity.flow.KycFixture.with;
import static io.remotebank.identity.simulator.Behaviour.DOWN;
import static io.remotebank.identity.simulator.Behaviour.FAIL;
import static io.remotebank.identity.simulator.Behaviour.PASS;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.identity.simulator.FaceMatchSimulator;
import io.remotebank.identity.simulator.LivenessSimulator;
import io.remotebank.identity.simulator.OcrSimulator;
import io.remotebank.identity.simulator.RegistrySimulator;
import io.remotebank.identity.spi.CheckResult;
import io.remotebank.identity.spi.FaceMatchProvider;
import io.remotebank.identity.spi.FaceMatchRequest;
import io.remotebank.identity.spi.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Optional steps, custom retries, and results the policy cannot threshold. */
class OptionalStepsTest {

    final KycFixture fx = new KycFixture();
    final OcrSimulator ocr = OcrSimulator.of("sim-ocr", MRZ, PASS);
    final LivenessSimulator liveness = LivenessSimulator.of("sim-liveness", fx.time.clock(), PASS);
    final FaceMatchSimulator face = FaceMatchSimulator.of("sim-face", PASS);

    @AfterEach
    void close() {
        fx.close();
    }

    private static FlowDefinition flow(String name, StepDefinition... steps) {
        return new FlowDefinition(name, List.of(steps));
    }

    private FlowState run(KycFlows flows, String definition) {
        FlowState s = fx.await(flows.start(definition, application()));
        return s.status() == FlowStatus.WAITING_FOR_CUSTOMER ? fx.await(flows.advance(s.id())) : s;
    }

    @Test
    void optionalBiometricSteps_skippedForWantOfConsent_goToReview_notPass() {
        FlowDefinition def = flow(
                "light-biometrics",
                StepDefinition.of(StepKind.DOCUMENT_OCR),
                StepDefinition.of(StepKind.DOCUMENT_VALIDATION),
                StepDefinition.of(StepKind.REGISTRY),
                StepDefinition.of(StepKind.LIVENESS).asOptional(),
                StepDefinition.of(StepKind.FACE_MATCH).asOptional(),
                StepDefinition.of(StepKind.DECISION));
        KycFlows flows = with(
                        fx.engine(FlowStores.inMemory()),
                        List.of(ocr),
                        List.of(RegistrySimulator.of("sim-registry", PASS)),
                        List.of(liveness),
                        List.of(face))
                .definition(def)
                .build();

        FlowState s = run(flows, "light-biometrics");

        assertThat(s.result(StepKind.LIVENESS).orElseThrow().outcome()).isEqualTo(Outcome.NOT_EXECUTED);
        assertThat(s.result(StepKind.FACE_MATCH).orElseThrow().outcome()).isEqualTo(Outcome.NOT_EXECUTED);
        assertThat(liveness.calls()).isZero();
        assertThat(face.calls()).isZero();
        assertThat(s.decision().orElseThrow().verdict()).isEqualTo(Verdict.REVIEW);
        assertThat(s.decision().orElseThrow().reasons())
                .hasSize(2)
                .allSatisfy(r ->
                        assertThat(r).contains("no face-biometrics consent").contains("biometric check"));
        assertThat(s.status()).isEqualTo(FlowStatus.AWAITING_REVIEW);
    }

    @Test
    void optionalRegistry_everyVendorDown_isSkipped_andTheFlowGoesOnToPass() {
        fx.grantFaceConsent();
        RegistrySimulator down = RegistrySimulator.of("registry-a", DOWN);
        FlowDefinition def = flow(
                "registry-optional",
                StepDefinition.of(StepKind.DOCUMENT_OCR),
                StepDefinition.of(StepKind.DOCUMENT_VALIDATION),
                StepDefinition.of(StepKind.REGISTRY).asOptional().withRetries(0, Duration.ZERO),
                StepDefinition.of(StepKind.LIVENESS),
                StepDefinition.of(StepKind.FACE_MATCH),
                StepDefinition.of(StepKind.DECISION));
        KycFlows flows = with(
                        fx.engine(FlowStores.inMemory()), List.of(ocr), List.of(down), List.of(liveness), List.of(face))
                .definition(def)
                .build();

        FlowState s = run(flows, "registry-optional");

        StepResult registry = s.result(StepKind.REGISTRY).orElseThrow();
        assertThat(registry.outcome()).isEqualTo(Outcome.NOT_EXECUTED);
        assertThat(registry.reasons())
                .singleElement()
                .asString()
                .contains("skipped")
                .contains("identity.vendor.unavailable");
        assertThat(down.calls()).as("withRetries(0): one call, no retry").isEqualTo(1);
        assertThat(s.decision().orElseThrow().verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void optionalStep_thatFails_stillFailsTheFlow_butTheFlowRunsItsOtherChecks() {
        fx.grantFaceConsent();
        FlowDefinition def = flow(
                "registry-optional",
                StepDefinition.of(StepKind.DOCUMENT_OCR),
                StepDefinition.of(StepKind.DOCUMENT_VALIDATION),
                StepDefinition.of(StepKind.REGISTRY).asOptional(),
                StepDefinition.of(StepKind.LIVENESS),
                StepDefinition.of(StepKind.FACE_MATCH),
                StepDefinition.of(StepKind.DECISION));
        KycFlows flows = with(
                        fx.engine(FlowStores.inMemory()),
                        List.of(ocr),
                        List.of(RegistrySimulator.of("sim-registry", FAIL)),
                        List.of(liveness),
                        List.of(face))
                .definition(def)
                .build();

        FlowState s = run(flows, "registry-optional");

        assertThat(s.decision().orElseThrow().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(liveness.calls())
                .as("an optional step's failure does not cut the flow short")
                .isPositive();
    }

    @Test
    void withRetries_askTheSameVendorThatManyMoreTimes_afterTheDoublingBackoff() {
        fx.grantFaceConsent();
        RegistrySimulator flaky = RegistrySimulator.of("registry-a", DOWN, DOWN, DOWN, DOWN, PASS);
        FlowDefinition def = flow(
                "patient-registry",
                StepDefinition.of(StepKind.DOCUMENT_OCR),
                StepDefinition.of(StepKind.DOCUMENT_VALIDATION),
                StepDefinition.of(StepKind.REGISTRY).withRetries(4, Duration.ofSeconds(1)),
                StepDefinition.of(StepKind.DECISION));
        KycFlows flows = with(
                        fx.engine(FlowStores.inMemory()),
                        List.of(ocr),
                        List.of(flaky),
                        List.of(liveness),
                        List.of(face))
                .definition(def)
                .build();

        FlowState s = run(flows, "patient-registry");

        Instant t0 = Instant.parse("2026-12-07T10:00:00Z");
        assertThat(s.attempts(StepKind.REGISTRY))
                .extracting(a -> a.number() + " " + a.at() + " " + a.result())
                .containsExactly(
                        "1 " + t0 + " identity.vendor.unavailable",
                        "2 " + t0.plusSeconds(1) + " identity.vendor.unavailable",
                        "3 " + t0.plusSeconds(3) + " identity.vendor.unavailable",
                        "4 " + t0.plusSeconds(7) + " identity.vendor.unavailable",
                        "5 " + t0.plusSeconds(15) + " pass");
        assertThat(s.decision().orElseThrow().verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aFaceMatchPassWithoutAScore_goesToReview() {
        fx.grantFaceConsent();
        FaceMatchProvider bare = new FaceMatchProvider() {
            public String vendor() {
                return "bare-face";
            }

            public CompletionStage<CheckResult> match(FaceMatchRequest request) {
                return CompletableFuture.completedFuture(
                        CheckResult.builder("bare-face", Outcome.PASS).build());
            }
        };
        KycFlows flows = with(
                        fx.engine(FlowStores.inMemory()),
                        List.of(ocr),
                        List.of(RegistrySimulator.of("sim-registry", PASS)),
                        List.of(liveness),
                        List.of(bare))
                .build();

        FlowState s = run(flows, FlowTemplates.REMOTE_CLASS2);

        StepResult match = s.result(StepKind.FACE_MATCH).orElseThrow();
        assertThat(match.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(match.vendorOutcome()).contains(Outcome.PASS);
        assertThat(match.reasons()).singleElement().asString().contains("without a score");
        assertThat(s.decision().orElseThrow().verdict()).isEqualTo(Verdict.REVIEW);
    }

    @Test
    void aFaceMatchFailWithoutAScore_staysAFail() {
        fx.grantFaceConsent();
        FaceMatchProvider bare = new FaceMatchProvider() {
            public String vendor() {
                return "bare-face";
            }

            public CompletionStage<CheckResult> match(FaceMatchRequest request) {
                return CompletableFuture.completedFuture(
                        CheckResult.builder("bare-face", Outcome.FAIL).build());
            }
        };
        KycFlows flows = with(
                        fx.engine(FlowStores.inMemory()),
                        List.of(ocr),
                        List.of(RegistrySimulator.of("sim-registry", PASS)),
                        List.of(liveness),
                        List.of(bare))
                .build();

        FlowState s = run(flows, FlowTemplates.REMOTE_CLASS2);

        assertThat(s.result(StepKind.FACE_MATCH).orElseThrow().outcome()).isEqualTo(Outcome.FAIL);
        assertThat(s.decision().orElseThrow().verdict()).isEqualTo(Verdict.FAIL);
    }
}
