package io.remotebank.identity.flow;

import static io.remotebank.identity.flow.KycFixture.ALICE;
import static io.remotebank.identity.flow.KycFixture.MRZ;
import static io.remotebank.identity.flow.KycFixture.with;
import static io.remotebank.identity.simulator.Behaviour.PASS;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.core.pii.PiiKind;
import io.remotebank.core.pii.Sensitive;
import io.remotebank.identity.simulator.FaceMatchSimulator;
import io.remotebank.identity.simulator.LivenessSimulator;
import io.remotebank.identity.simulator.OcrSimulator;
import io.remotebank.identity.simulator.RegistrySimulator;
import io.remotebank.identity.spi.Artefact;
import io.remotebank.identity.spi.ArtefactKind;
import io.remotebank.identity.spi.Outcome;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The document shown must be the applicant's: its MRZ name and number against the stated ones. */
class DocumentHolderTest {

    final KycFixture fx = new KycFixture();
    final OcrSimulator ocr = OcrSimulator.of("sim-ocr", MRZ, PASS);
    // The registry confirms whatever was stated, as a real one does for a victim's true name and number.
    final RegistrySimulator registry = RegistrySimulator.of("sim-registry", PASS);
    final LivenessSimulator liveness = LivenessSimulator.of("sim-liveness", fx.time.clock(), PASS);
    final FaceMatchSimulator face = FaceMatchSimulator.of("sim-face", PASS);

    @AfterEach
    void close() {
        fx.close();
    }

    private FlowState run(String name, String number) {
        fx.grantFaceConsent();
        KycFlows flows = with(
                        fx.engine(FlowStores.inMemory()),
                        List.of(ocr),
                        List.of(registry),
                        List.of(liveness),
                        List.of(face))
                .build();
        Application a = new Application(
                ALICE,
                Sensitive.of(name, PiiKind.NAME),
                Sensitive.of(number, PiiKind.ID_NUMBER),
                Artefact.of(ArtefactKind.DOCUMENT_IMAGE, "image/png", new byte[] {1, 2, 3, 4}));
        FlowState s = fx.await(flows.start(FlowTemplates.REMOTE_CLASS2, a));
        return s.status() == FlowStatus.WAITING_FOR_CUSTOMER ? fx.await(flows.advance(s.id())) : s;
    }

    @Test
    void someoneElsesNameAndNumber_withTheirOwnPassport_goesToReview_notPass() {
        FlowState s = run("WANG XIAOMING", "X12345678");

        assertThat(s.result(StepKind.DOCUMENT_VALIDATION).orElseThrow().outcome())
                .isEqualTo(Outcome.REVIEW);
        assertThat(s.decision().orElseThrow().verdict()).isEqualTo(Verdict.REVIEW);
        assertThat(s.status()).isEqualTo(FlowStatus.AWAITING_REVIEW);
        assertThat(s.decision().orElseThrow().reasons())
                .singleElement()
                .asString()
                .contains("the name on the document differs from the applicant's stated name")
                .contains("neither the document number nor the personal number");
    }

    @Test
    void otherName_sameNumber_goesToReview_namingTheName() {
        FlowState s = run("WANG XIAOMING", "L898902C3");

        StepResult v = s.result(StepKind.DOCUMENT_VALIDATION).orElseThrow();
        assertThat(v.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(v.reasons()).singleElement().asString().contains("name on the document differs");
        assertThat(s.decision().orElseThrow().verdict()).isEqualTo(Verdict.REVIEW);
    }

    @Test
    void sameName_otherNumber_goesToReview_namingTheNumber() {
        FlowState s = run("ERIKSSON ANNA MARIA", "L898902C4");

        StepResult v = s.result(StepKind.DOCUMENT_VALIDATION).orElseThrow();
        assertThat(v.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(v.reasons()).singleElement().asString().contains("stated number is neither");
        assertThat(s.decision().orElseThrow().verdict()).isEqualTo(Verdict.REVIEW);
    }

    @Test
    void nameInAnotherOrderCaseAndAccents_andTheNumberWithSpaces_stillMatch() {
        FlowState s = run("Anna-Maria Eriksśon", "l898 902c3");

        assertThat(s.result(StepKind.DOCUMENT_VALIDATION).orElseThrow().outcome())
                .isEqualTo(Outcome.PASS);
        assertThat(s.decision().orElseThrow().verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void theMismatchIsAudited_withoutEitherName() {
        FlowState s = run("WANG XIAOMING", "X12345678");

        assertThat(fx.audit())
                .filteredOn(j -> j.contains("identity.document.holder-checked"))
                .singleElement()
                .asString()
                .contains("\"matches\":false")
                .contains("name on the document differs");
        String all = String.join("\n", fx.audit()) + s;
        assertThat(all)
                .doesNotContain("WANG")
                .doesNotContain("XIAOMING")
                .doesNotContain("X12345678")
                .doesNotContain("ERIKSSON");
    }

    @Test
    void theApplicantsOwnPassport_isAuditedAsMatching() {
        run("ERIKSSON ANNA MARIA", "L898902C3");

        assertThat(fx.audit())
                .filteredOn(j -> j.contains("identity.document.holder-checked"))
                .singleElement()
                .asString()
                .contains("\"matches\":true");
    }
}
