package io.remotebank.identity.flow;

import static io.remotebank.identity.flow.KycFixture.MRZ;
import static io.remotebank.identity.flow.KycFixture.application;
import static io.remotebank.identity.flow.KycFixture.with;
import static io.remotebank.identity.simulator.Behaviour.DOWN;
import static io.remotebank.identity.simulator.Behaviour.EXPIRED;
import static io.remotebank.identity.simulator.Behaviour.FAIL;
import static io.remotebank.identity.simulator.Behaviour.HANG;
import static io.remotebank.identity.simulator.Behaviour.PASS;
import static io.remotebank.identity.simulator.Behaviour.REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.identity.IdentityError;
import io.remotebank.identity.simulator.FaceMatchSimulator;
import io.remotebank.identity.simulator.LivenessSimulator;
import io.remotebank.identity.simulator.OcrSimulator;
import io.remotebank.identity.simulator.RegistrySimulator;
import io.remotebank.identity.spi.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KycFlowsTest {

    final KycFixture fx = new KycFixture();
    final OcrSimulator ocr = OcrSimulator.of("sim-ocr", MRZ, PASS);
    final RegistrySimulator registry = RegistrySimulator.of("sim-registry", PASS);
    final LivenessSimulator liveness = LivenessSimulator.of("sim-liveness", fx.time.clock(), PASS);
    final FaceMatchSimulator face = FaceMatchSimulator.of("sim-face", PASS);

    @AfterEach
    void close() {
        fx.close();
    }

    private KycFlows engine() {
        return with(fx.engine(FlowStores.inMemory()), List.of(ocr), List.of(registry), List.of(liveness), List.of(face))
                .build();
    }

    private FlowState runToEnd(KycFlows flows, String definition) {
        FlowState waiting = fx.await(flows.start(definition, application()));
        if (waiting.status() != FlowStatus.WAITING_FOR_CUSTOMER) {
            return waiting;
        }
        return fx.await(flows.advance(waiting.id()));
    }

    @Test
    void everyCheckPasses_flowWaitsForTheCustomersLivenessThenPasses() {
        fx.grantFaceConsent();
        KycFlows flows = engine();

        FlowState waiting = fx.await(flows.start(FlowTemplates.REMOTE_CLASS2, application()));
        assertThat(waiting.status()).isEqualTo(FlowStatus.WAITING_FOR_CUSTOMER);
        assertThat(flows.livenessSession(waiting.id())).isPresent();
        assertThat(waiting.results())
                .extracting(StepResult::kind)
                .containsExactly(StepKind.DOCUMENT_OCR, StepKind.DOCUMENT_VALIDATION, StepKind.REGISTRY);

        FlowState done = fx.await(flows.advance(waiting.id()));

        assertThat(done.status()).isEqualTo(FlowStatus.DECIDED);
        assertThat(done.decision().orElseThrow().verdict()).isEqualTo(Verdict.PASS);
        assertThat(done.result(StepKind.FACE_MATCH).orElseThrow().threshold()).contains(70.0);
        assertThat(done.attempts()).extracting(Attempt::result).containsOnly("pass", "not-executed");
        assertThat(fx.actions())
                .contains(
                        "identity.flow.started",
                        "identity.attempt.recorded",
                        "identity.document.checked",
                        "identity.step.completed",
                        "identity.flow.waiting",
                        "identity.flow.decided");
    }

    @Test
    void stateAndAudit_holdNoPersonalData() {
        fx.grantFaceConsent();
        FlowState done = runToEnd(engine(), FlowTemplates.REMOTE_CLASS2);

        assertThat(done.toString()).doesNotContain("ERIKSSON").doesNotContain("L898902C3");
        assertThat(String.join("\n", fx.audit())).doesNotContain("ERIKSSON").doesNotContain("L898902C3");
    }

    @Test
    void faceMatchUnsure_goesToReview_withTheReason() {
        fx.grantFaceConsent();
        FaceMatchSimulator unsure = FaceMatchSimulator.of("sim-face", REVIEW);
        KycFlows flows = with(
                        fx.engine(FlowStores.inMemory()),
                        List.of(ocr),
                        List.of(registry),
                        List.of(liveness),
                        List.of(unsure))
                .build();

        FlowState s = runToEnd(flows, FlowTemplates.REMOTE_CLASS2);

        assertThat(s.status()).isEqualTo(FlowStatus.AWAITING_REVIEW);
        assertThat(s.decision().orElseThrow().verdict()).isEqualTo(Verdict.REVIEW);
        assertThat(s.decision().orElseThrow().reasons())
                .singleElement()
                .asString()
                .contains("face-match: score 75.0 meets 70.0")
                .contains("the vendor asks for review");
        assertThat(flows.reviews().pending()).extracting(c -> c.flow()).containsExactly(s.id());
    }

    @Test
    void registryMismatch_failsTheFlow_withoutAskingForTheFace() {
        fx.grantFaceConsent();
        RegistrySimulator mismatch = RegistrySimulator.of("sim-registry", FAIL);
        KycFlows flows = with(
                        fx.engine(FlowStores.inMemory()),
                        List.of(ocr),
                        List.of(mismatch),
                        List.of(liveness),
                        List.of(face))
                .build();

        FlowState s = fx.await(flows.start(FlowTemplates.REMOTE_CLASS2, application()));

        assertThat(s.status()).isEqualTo(FlowStatus.DECIDED);
        assertThat(s.decision().orElseThrow().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(s.decision().orElseThrow().reasons()).containsExactly("registry: sim-registry says fail");
        assertThat(liveness.calls()).isZero();
        assertThat(face.calls()).isZero();
    }

    @Test
    void ocrWithoutMrz_failsValidation() {
        fx.grantFaceConsent();
        KycFlows flows = with(
                        fx.engine(FlowStores.inMemory()),
                        List.of(OcrSimulator.of("sim-ocr", MRZ, FAIL)),
                        List.of(registry),
                        List.of(liveness),
                        List.of(face))
                .build();

        FlowState s = fx.await(flows.start(FlowTemplates.REMOTE_CLASS2, application()));

        assertThat(s.decision().orElseThrow().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(s.result(StepKind.DOCUMENT_OCR).orElseThrow().outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void expiredDocument_failsOnTheExpiryRule() {
        fx.grantFaceConsent();
        List<String> expired =
                List.of("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
        KycFlows flows = with(
                        fx.engine(FlowStores.inMemory()),
                        List.of(OcrSimulator.of("sim-ocr", expired, PASS)),
                        List.of(registry),
                        List.of(liveness),
                        List.of(face))
                .build();

        FlowState s = fx.await(flows.start(FlowTemplates.REMOTE_CLASS2, application()));

        assertThat(s.decision().orElseThrow().reasons()).containsExactly("document-validation: not-expired failed");
    }

    @Test
    void livenessFailed_failsTheFlow() {
        fx.grantFaceConsent();
        KycFlows flows = with(
                        fx.engine(FlowStores.inMemory()),
                        List.of(ocr),
                        List.of(registry),
                        List.of(LivenessSimulator.of("sim-liveness", fx.time.clock(), FAIL)),
                        List.of(face))
                .build();

        FlowState s = runToEnd(flows, FlowTemplates.REMOTE_CLASS2);

        assertThat(s.decision().orElseThrow().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(s.result(StepKind.LIVENESS).orElseThrow().reasons())
                .singleElement()
                .asString()
                .contains("below 0.9");
        assertThat(face.calls()).isZero();
    }

    @Test
    void livenessNotFinished_waitsUntilTheSessionExpires_thenFails() {
        fx.grantFaceConsent();
        KycFlows flows = with(
                        fx.engine(FlowStores.inMemory()),
                        List.of(ocr),
                        List.of(registry),
                        List.of(LivenessSimulator.of("sim-liveness", fx.time.clock(), EXPIRED)),
                        List.of(face))
                .build();
        FlowState s = fx.await(flows.start(FlowTemplates.REMOTE_CLASS2, application()));

        assertThat(fx.await(flows.advance(s.id())).status()).isEqualTo(FlowStatus.WAITING_FOR_CUSTOMER);
        fx.time.advance(LivenessSimulator.SESSION_LIFETIME);
        FlowState done = fx.await(flows.advance(s.id()));

        assertThat(done.result(StepKind.LIVENESS).orElseThrow().outcome()).isEqualTo(Outcome.EXPIRED);
        assertThat(done.decision().orElseThrow().verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void vendorDown_failsOverToTheNext_andEveryAttemptIsRecorded() {
        fx.grantFaceConsent();
        RegistrySimulator down = RegistrySimulator.of("registry-a", DOWN);
        RegistrySimulator up = RegistrySimulator.of("registry-b", PASS);
        KycFlows flows = with(
                        fx.engine(FlowStores.inMemory()),
                        List.of(ocr),
                        List.of(down, up),
                        List.of(liveness),
                        List.of(face))
                .build();

        FlowState s = runToEnd(flows, FlowTemplates.REMOTE_CLASS2);

        assertThat(s.decision().orElseThrow().verdict()).isEqualTo(Verdict.PASS);
        assertThat(s.attempts(StepKind.REGISTRY))
                .extracting(a -> a.vendor() + "#" + a.number() + " " + a.result())
                .containsExactly(
                        "registry-a#1 identity.vendor.unavailable",
                        "registry-a#2 identity.vendor.unavailable",
                        "registry-a#3 identity.vendor.unavailable",
                        "registry-b#1 pass");
        assertThat(s.result(StepKind.REGISTRY).orElseThrow().vendor()).contains("registry-b");
        assertThat(fx.audit().stream().filter(j -> j.contains("identity.attempt.recorded") && j.contains("registry-a")))
                .hasSize(3);
    }

    @Test
    void vendorHangs_eachCallTimesOutOnVirtualTime_thenFailsOver() {
        fx.grantFaceConsent();
        OcrSimulator hanging = OcrSimulator.of("ocr-a", MRZ, HANG);
        KycFlows flows = with(
                        fx.engine(FlowStores.inMemory()),
                        List.of(hanging, ocr),
                        List.of(registry),
                        List.of(liveness),
                        List.of(face))
                .build();

        FlowState s = fx.await(flows.start(FlowTemplates.REMOTE_CLASS2, application()));

        assertThat(s.attempts(StepKind.DOCUMENT_OCR))
                .extracting(a -> a.vendor() + " " + a.result() + " " + a.took())
                .containsExactly(
                        "ocr-a identity.vendor.timeout PT20S",
                        "ocr-a identity.vendor.timeout PT20S",
                        "ocr-a identity.vendor.timeout PT20S",
                        "sim-ocr pass PT0S");
        // Each call starts after the previous one's 20 s timeout and the doubling backoff (200 ms, then 400 ms),
        // all on virtual time; the next vendor is asked at once.
        java.time.Instant t0 = java.time.Instant.parse("2026-12-07T10:00:00Z");
        assertThat(s.attempts(StepKind.DOCUMENT_OCR))
                .extracting(Attempt::at)
                .containsExactly(t0, t0.plusMillis(20_200), t0.plusMillis(40_600), t0.plusMillis(60_600));
        assertThat(s.status()).isEqualTo(FlowStatus.WAITING_FOR_CUSTOMER);
    }

    @Test
    void circuitOpens_afterFailures_andTheNextFlowSkipsTheVendor() {
        fx.grantFaceConsent();
        RegistrySimulator down = RegistrySimulator.of("registry-a", DOWN);
        RegistrySimulator up = RegistrySimulator.of("registry-b", PASS);
        KycFlows flows = with(
                        fx.engine(FlowStores.inMemory()),
                        List.of(ocr),
                        List.of(down, up),
                        List.of(liveness),
                        List.of(face))
                .circuitBreaker(3, Duration.ofMinutes(1))
                .build();

        fx.await(flows.start(FlowTemplates.REMOTE_CLASS2, application()));
        FlowState second = fx.await(flows.start(FlowTemplates.REMOTE_CLASS2, application()));

        assertThat(second.attempts(StepKind.REGISTRY))
                .extracting(a -> a.vendor() + " " + a.result())
                .containsExactly("registry-a " + IdentityError.CIRCUIT_OPEN.code(), "registry-b pass");
        assertThat(down.calls()).isEqualTo(3);

        fx.time.advance(Duration.ofMinutes(1));
        FlowState third = fx.await(flows.start(FlowTemplates.REMOTE_CLASS2, application()));
        assertThat(third.attempts(StepKind.REGISTRY).get(0).result())
                .as("after the open period one trial call goes through")
                .isEqualTo(IdentityError.VENDOR_UNAVAILABLE.code());
    }

    @Test
    void everyVendorDown_stallsTheFlow_andAdvanceTriesTheStepAgain() {
        fx.grantFaceConsent();
        RegistrySimulator flaky = RegistrySimulator.of("registry-a", DOWN, DOWN, DOWN, PASS);
        KycFlows flows = with(
                        fx.engine(FlowStores.inMemory()),
                        List.of(ocr),
                        List.of(flaky),
                        List.of(liveness),
                        List.of(face))
                .build();

        FlowState stalled = fx.await(flows.start(FlowTemplates.REMOTE_CLASS2, application()));
        assertThat(stalled.status()).isEqualTo(FlowStatus.STALLED);
        assertThat(stalled.note()).contains("registry").contains("identity.vendor.unavailable");

        FlowState resumed = fx.await(flows.advance(stalled.id()));
        assertThat(resumed.status()).isEqualTo(FlowStatus.WAITING_FOR_CUSTOMER);
        assertThat(resumed.result(StepKind.REGISTRY).orElseThrow().outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void noFaceConsent_blocksBeforeLiveness_untilGranted() {
        KycFlows flows = engine();

        FlowState blocked = fx.await(flows.start(FlowTemplates.REMOTE_CLASS2, application()));

        assertThat(blocked.status()).isEqualTo(FlowStatus.BLOCKED_ON_CONSENT);
        assertThat(blocked.note()).contains(IdentityError.CONSENT_MISSING.code());
        assertThat(liveness.calls()).isZero();
        assertThat(fx.actions()).contains("identity.consent.refused");

        fx.grantFaceConsent();
        FlowState waiting = fx.await(flows.advance(blocked.id()));
        assertThat(waiting.status()).isEqualTo(FlowStatus.WAITING_FOR_CUSTOMER);
    }

    @Test
    void consentWithdrawnMidFlow_blocksTheNextBiometricStep() {
        fx.grantFaceConsent();
        KycFlows flows = engine();
        FlowState waiting = fx.await(flows.start(FlowTemplates.REMOTE_CLASS2, application()));

        fx.time.advance(Duration.ofSeconds(5));
        fx.withdrawFaceConsent();
        FlowState blocked = fx.await(flows.advance(waiting.id()));

        assertThat(blocked.status()).isEqualTo(FlowStatus.BLOCKED_ON_CONSENT);
        assertThat(face.calls()).isZero();
    }

    @Test
    void restartMidFlow_resumesAtItsStep_fromTheFileStore(@TempDir Path dir) {
        fx.grantFaceConsent();
        Path file = dir.resolve("flows.log");
        FlowId id;
        try (FlowStores.FileStore store = FlowStores.file(file)) {
            KycFlows before = with(fx.engine(store), List.of(ocr), List.of(registry), List.of(liveness), List.of(face))
                    .build();
            id = fx.await(before.start(FlowTemplates.REMOTE_CLASS2, application()))
                    .id();
        }

        try (FlowStores.FileStore reopened = FlowStores.file(file)) {
            KycFlows after = with(
                            fx.engine(reopened), List.of(ocr), List.of(registry), List.of(liveness), List.of(face))
                    .build();
            assertThat(after.find(id).orElseThrow().status()).isEqualTo(FlowStatus.WAITING_FOR_CUSTOMER);

            List<FlowState> resumed = fx.await(after.resumeAll());

            assertThat(resumed).singleElement().satisfies(s -> {
                assertThat(s.id()).isEqualTo(id);
                assertThat(s.decision().orElseThrow().verdict()).isEqualTo(Verdict.PASS);
            });
            assertThat(ocr.calls()).as("the document is not read again").isEqualTo(1);
            assertThat(registry.calls()).isEqualTo(1);
        }
        try (FlowStores.FileStore again = FlowStores.file(file)) {
            assertThat(again.find(id).orElseThrow().status()).isEqualTo(FlowStatus.DECIDED);
            assertThat(again.unfinished()).isEmpty();
        }
    }

    @Test
    void videoWitnessed_passesOnlyOnceAReviewerDecides() {
        fx.grantFaceConsent();
        KycFlows flows = engine();

        FlowState s = runToEnd(flows, FlowTemplates.VIDEO_WITNESSED);

        assertThat(s.status()).isEqualTo(FlowStatus.AWAITING_REVIEW);
        assertThat(s.decision().orElseThrow().verdict())
                .as("the policy's decision")
                .isEqualTo(Verdict.PASS);
    }

    @Test
    void unknownDefinition_isRefused() {
        KycFlows flows = engine();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> flows.start("no-such-flow", application()))
                .hasMessageContaining("no flow definition named no-such-flow");
    }
}
