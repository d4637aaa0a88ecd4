package io.remotebank.identity.flow;

import static io.remotebank.identity.flow.KycFixture.MRZ;
import static io.remotebank.identity.flow.KycFixture.application;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.core.AgentId;
import io.remotebank.core.discovery.ProviderRegistry;
import io.remotebank.identity.policy.KycPolicy;
import io.remotebank.identity.review.ReviewCase;
import io.remotebank.identity.review.ReviewDesk;
import io.remotebank.identity.simulator.Behaviour;
import io.remotebank.identity.simulator.FaceMatchSimulator;
import io.remotebank.identity.simulator.LivenessSimulator;
import io.remotebank.identity.simulator.OcrSimulator;
import io.remotebank.identity.simulator.RegistrySimulator;
import io.remotebank.identity.spi.DocumentOcrProvider;
import io.remotebank.identity.spi.FaceMatchProvider;
import io.remotebank.identity.spi.IdentityRegistry;
import io.remotebank.identity.spi.LivenessProvider;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The examples of docs/rb-identity-verify.md, compiled and run. */
class GuideFlowExamplesTest {

    @Test
    void remoteClass2Opening() {
        try (KycFixture fx = new KycFixture()) {
            current = fx;
            fx.grantFaceConsent();
            var clock = fx.time.clock();
            var scheduler = fx.time;
            var trail = fx.trail;
            var consents = fx.consents;
            var vault = fx.vault;
            // tag::kyc-engine[]
            KycFlows flows = KycFlows.builder()
                    .ocr(ProviderRegistry.builder(DocumentOcrProvider.class)
                            .register(OcrSimulator.of("sim-ocr", MRZ, Behaviour.PASS))
                            .build())
                    .registries(ProviderRegistry.builder(IdentityRegistry.class)
                            .register(RegistrySimulator.of("registry-a", Behaviour.DOWN), 10) // tried first
                            .register(RegistrySimulator.of("registry-b", Behaviour.PASS), 5) // the failover
                            .build())
                    .liveness(ProviderRegistry.builder(LivenessProvider.class)
                            .register(LivenessSimulator.of("sim-liveness", clock, Behaviour.PASS))
                            .build())
                    .faceMatch(ProviderRegistry.builder(FaceMatchProvider.class)
                            .register(FaceMatchSimulator.of("sim-face", Behaviour.PASS))
                            .build())
                    .policy(KycPolicy.builder()
                            .faceMatchFalseAcceptRate(1e-4)
                            .minimumAge(18)
                            .build())
                    .store(FlowStores.inMemory()) // or FlowStores.file(path): flows survive a restart
                    .vault(vault) // ArtefactVaults.inMemory(fieldEncryption)
                    .consents(consents) // ConsentRegistries.audited(...): FACE_BIOMETRICS is checked
                    .auditTrail(trail)
                    .clock(clock)
                    .scheduler(scheduler)
                    .build();

            FlowState waiting = await(flows.start(FlowTemplates.REMOTE_CLASS2, application));
            // WAITING_FOR_CUSTOMER: the app runs flows.livenessSession(waiting.id()) with the vendor's SDK
            FlowState done = await(flows.advance(waiting.id()));
            Verdict verdict = done.decision().orElseThrow().verdict(); // PASS
            // end::kyc-engine[]
            assertThat(waiting.status()).isEqualTo(FlowStatus.WAITING_FOR_CUSTOMER);
            assertThat(verdict).isEqualTo(Verdict.PASS);
            assertThat(done.attempts(StepKind.REGISTRY)).hasSize(4);
        }
    }

    private final Application application = application();

    private KycFixture current;

    /** Waits for a stage on the fixture's virtual time (retry pauses and timeouts fire on it). */
    private <T> T await(java.util.concurrent.CompletionStage<T> stage) {
        return current.await(stage);
    }

    @Test
    void review() {
        try (KycFixture fx = new KycFixture()) {
            fx.grantFaceConsent();
            KycFlows flows = KycFixture.with(
                            fx.engine(FlowStores.inMemory()),
                            java.util.List.of(OcrSimulator.of("sim-ocr", MRZ, Behaviour.PASS)),
                            java.util.List.of(RegistrySimulator.of("sim-registry", Behaviour.REVIEW)),
                            java.util.List.of(LivenessSimulator.of("sim-liveness", fx.time.clock(), Behaviour.PASS)),
                            java.util.List.of(FaceMatchSimulator.of("sim-face", Behaviour.PASS)))
                    .build();
            FlowState s = fx.await(flows.start(FlowTemplates.REMOTE_CLASS2, application));
            fx.await(flows.advance(s.id()));
            // tag::kyc-review[]
            ReviewDesk desk = flows.reviews();
            ReviewCase next = desk.pending().get(0); // its reasons say why a person must look
            ReviewClaim claim = desk.claim(next.flow(), AgentId.of("A-wang"), Duration.ofMinutes(15));
            var evidence = desk.evidence(claim); // name and number Sensitive, artefacts by hash
            FlowState decided = desk.decide(claim, Verdict.PASS, "same person on video, registry record confirmed");
            // end::kyc-review[]
            assertThat(evidence.state().id()).isEqualTo(next.flow());
            assertThat(decided.status()).isEqualTo(FlowStatus.DECIDED);
        }
    }
}
