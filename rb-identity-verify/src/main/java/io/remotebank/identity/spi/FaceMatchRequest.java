package io.remotebank.identity.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CorrelationId;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Two faces to compare: the live one and the one on the document.
 *
 * @param correlation the business it belongs to
 * @param probe the live face: kind {@link ArtefactKind#LIVENESS_FRAME}
 * @param reference the document's photo: kind {@link ArtefactKind#DOCUMENT_PORTRAIT} or {@link
 *     ArtefactKind#DOCUMENT_IMAGE}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record FaceMatchRequest(CorrelationId correlation, Artefact probe, Artefact reference) {

    private static final Set<ArtefactKind> REFERENCES =
            Set.of(ArtefactKind.DOCUMENT_PORTRAIT, ArtefactKind.DOCUMENT_IMAGE);

    /**
     * Validates the request.
     *
     * @throws IdentityException with {@link IdentityError#ARGUMENT_INVALID} when an artefact is of
     *     the wrong kind
     */
    public FaceMatchRequest {
        Arguments.notNull(correlation, "correlation");
        Arguments.notNull(probe, "probe");
        Arguments.notNull(reference, "reference");
        if (probe.kind() != ArtefactKind.LIVENESS_FRAME) {
            throw new IdentityException(
                    IdentityError.ARGUMENT_INVALID, "a face match probe is a LIVENESS_FRAME, got " + probe.kind());
        }
        if (!REFERENCES.contains(reference.kind())) {
            throw new IdentityException(
                    IdentityError.ARGUMENT_INVALID,
                    "a face match reference is a DOCUMENT_PORTRAIT or DOCUMENT_IMAGE, got " + reference.kind());
        }
    }
}
