package io.remotebank.identity.flow;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;

/** The flows a bank starts from. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FlowTemplates {

    /** The name of {@link #remoteClass2()}. */
    public static final String REMOTE_CLASS2 = "remote-class2";

    /** The name of {@link #videoWitnessed()}. */
    public static final String VIDEO_WITNESSED = "video-witnessed";

    private FlowTemplates() {}

    /**
     * Remote Class II account opening: document OCR, document validation, registry, liveness, face
     * match against the document photo, decision. A liveness session waits for the customer, so
     * its call timeout is short but the session itself lasts as the vendor says.
     *
     * @return the definition
     */
    public static FlowDefinition remoteClass2() {
        return new FlowDefinition(
                REMOTE_CLASS2,
                List.of(
                        StepDefinition.of(StepKind.DOCUMENT_OCR).withTimeout(Duration.ofSeconds(20)),
                        StepDefinition.of(StepKind.DOCUMENT_VALIDATION),
                        StepDefinition.of(StepKind.REGISTRY),
                        StepDefinition.of(StepKind.LIVENESS),
                        StepDefinition.of(StepKind.FACE_MATCH),
                        StepDefinition.of(StepKind.DECISION)));
    }

    /**
     * Video-witnessed opening (corporate accounts, loan signing): the same checks, then a reviewer
     * witnesses the customer on video and decides, whatever the automated decision said unless it
     * failed.
     *
     * @return the definition
     */
    public static FlowDefinition videoWitnessed() {
        List<StepDefinition> steps = new java.util.ArrayList<>(remoteClass2().steps());
        steps.add(StepDefinition.of(StepKind.REVIEW));
        return new FlowDefinition(VIDEO_WITNESSED, steps);
    }
}
