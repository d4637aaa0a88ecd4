package io.remotebank.identity.flow;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The steps a remote identity flow is made of. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum StepKind {
    /** Read the document image ({@code DocumentOcrProvider}). */
    DOCUMENT_OCR(false),
    /** Validate what was read ({@code DocumentValidator}) and apply the age and expiry rules. */
    DOCUMENT_VALIDATION(false),
    /** Check name and identity number against the authoritative registry ({@code IdentityRegistry}). */
    REGISTRY(false),
    /** Prove the customer live ({@code LivenessProvider}); needs face-biometrics consent. */
    LIVENESS(true),
    /** Match the live face with the document photo ({@code FaceMatchProvider}); needs face-biometrics consent. */
    FACE_MATCH(true),
    /** Apply the policy to every step's result: pass, review or fail. */
    DECISION(false),
    /** A reviewer witnesses on video and decides (the video-witnessed opening). */
    REVIEW(false);

    private final boolean biometric;

    StepKind(boolean biometric) {
        this.biometric = biometric;
    }

    /** Whether the step processes face data, and so needs {@code ConsentPurpose.FACE_BIOMETRICS}. */
    public boolean biometric() {
        return biometric;
    }

    /** The step's name in audit events and output, e.g. {@code face-match}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
