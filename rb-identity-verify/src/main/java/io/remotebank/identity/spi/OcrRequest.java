package io.remotebank.identity.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CorrelationId;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import org.apiguardian.api.API;

/**
 * What to read: a document image.
 *
 * @param correlation the business it belongs to (for the vendor's logs and ours)
 * @param image the image, kind {@link ArtefactKind#DOCUMENT_IMAGE}, PNG or JPEG
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record OcrRequest(CorrelationId correlation, Artefact image) {

    /**
     * Validates the request.
     *
     * @throws IdentityException with {@link IdentityError#ARGUMENT_INVALID} when the image is not a
     *     document image
     */
    public OcrRequest {
        Arguments.notNull(correlation, "correlation");
        Arguments.notNull(image, "image");
        if (image.kind() != ArtefactKind.DOCUMENT_IMAGE) {
            throw new IdentityException(
                    IdentityError.ARGUMENT_INVALID,
                    "OCR reads an artefact of kind DOCUMENT_IMAGE, got " + image.kind());
        }
    }
}
