package io.remotebank.identity.flow;

import static io.remotebank.identity.flow.KycFixture.ALICE;
import static io.remotebank.identity.flow.KycFixture.MRZ;
import static io.remotebank.identity.flow.KycFixture.application;
import static io.remotebank.identity.flow.KycFixture.with;
import static io.remotebank.identity.simulator.Behaviour.PASS;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.identity.simulator.FaceMatchSimulator;
import io.remotebank.identity.simulator.LivenessSimulator;
import io.remotebank.identity.simulator.OcrSimulator;
import io.remotebank.identity.simulator.RegistrySimulator;
import io.remotebank.identity.spi.Artefact;
import io.remotebank.identity.spi.ArtefactKind;
import io.remotebank.identity.spi.ArtefactRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the vendors sent back is kept as evidence: raw payloads and artefacts in the vault, sub-scores in the result. */
class EvidenceTest {

    final KycFixture fx = new KycFixture();
    final OcrSimulator ocr = OcrSimulator.of("sim-ocr", MRZ, PASS);
    final RegistrySimulator registry = RegistrySimulator.of("sim-registry", PASS);
    final LivenessSimulator liveness = LivenessSimulator.of("sim-liveness", fx.time.clock(), PASS);
    final FaceMatchSimulator face = FaceMatchSimulator.of("sim-face", PASS);

    @AfterEach
    void close() {
        fx.close();
    }

    private FlowState run(KycFlows flows) {
        fx.grantFaceConsent();
        FlowState s = fx.await(flows.start(FlowTemplates.REMOTE_CLASS2, application()));
        return fx.await(flows.advance(s.id()));
    }

    private String payload(StepResult r) {
        ArtefactRef ref = r.evidence().stream()
                .filter(e -> e.kind() == ArtefactKind.VENDOR_PAYLOAD)
                .findFirst()
                .orElseThrow(() -> new AssertionError(r.kind() + " kept no raw payload: " + r.evidence()));
        Artefact a = fx.vault.get(ALICE, ref).orElseThrow();
        return new String(a.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void everyVendorStep_keepsTheVendorsRawPayload_inTheVault() {
        FlowState s = run(with(
                        fx.engine(FlowStores.inMemory()),
                        List.of(ocr),
                        List.of(registry),
                        List.of(liveness),
                        List.of(face))
                .build());

        assertThat(payload(s.result(StepKind.DOCUMENT_OCR).orElseThrow())).isEqualTo("{\"lines\":2}");
        assertThat(payload(s.result(StepKind.REGISTRY).orElseThrow())).contains("\"result\"");
        assertThat(payload(s.result(StepKind.LIVENESS).orElseThrow())).startsWith("{\"session\":");
        assertThat(payload(s.result(StepKind.FACE_MATCH).orElseThrow())).startsWith("{\"Sim\":");
    }

    @Test
    void liveness_keepsItsAttackSubScores_andItsFrame() {
        FlowState s = run(with(
                        fx.engine(FlowStores.inMemory()),
                        List.of(ocr),
                        List.of(registry),
                        List.of(liveness),
                        List.of(face))
                .build());

        StepResult r = s.result(StepKind.LIVENESS).orElseThrow();
        assertThat(r.subScores()).containsEntry("replay", 0.01);
        assertThat(r.evidence()).extracting(ArtefactRef::kind).contains(ArtefactKind.LIVENESS_FRAME);
    }

    @Test
    void evidenceAndSubScores_surviveARestart_fromTheFileStore(@TempDir Path dir) {
        FlowId id;
        try (FlowStores.FileStore store = FlowStores.file(dir.resolve("flows.log"))) {
            id = run(with(fx.engine(store), List.of(ocr), List.of(registry), List.of(liveness), List.of(face))
                            .build())
                    .id();
        }
        try (FlowStores.FileStore reopened = FlowStores.file(dir.resolve("flows.log"))) {
            StepResult r =
                    reopened.find(id).orElseThrow().result(StepKind.LIVENESS).orElseThrow();

            assertThat(r.subScores()).containsEntry("replay", 0.01);
            assertThat(payload(r)).startsWith("{\"session\":");
        }
    }

    @Test
    void theStateShowsEvidenceByHashOnly() {
        FlowState s = run(with(
                        fx.engine(FlowStores.inMemory()),
                        List.of(ocr),
                        List.of(registry),
                        List.of(liveness),
                        List.of(face))
                .build());

        assertThat(s.toString()).doesNotContain("{\"session\"").doesNotContain("ERIKSSON");
    }
}
