package io.remotebank.identity.flow;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CustomerId;
import io.remotebank.core.pii.Sensitive;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.spi.Artefact;
import io.remotebank.identity.spi.ArtefactKind;
import org.apiguardian.api.API;

/**
 * What a customer gives to open an account remotely: who they say they are and a photo of their
 * document. Personal data: the name and number are {@link Sensitive}, the image is kept in the
 * artefact vault under the customer and referred to by hash.
 *
 * @param customer the customer
 * @param name the name as the customer gave it
 * @param idNumber the identity number as the customer gave it
 * @param documentImage the document photo, kind {@link ArtefactKind#DOCUMENT_IMAGE}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Application(
        CustomerId customer, Sensitive<String> name, Sensitive<String> idNumber, Artefact documentImage) {

    /**
     * Validates the application.
     *
     * @throws IdentityException with {@link IdentityError#ARGUMENT_INVALID} when a value is blank,
     *     spans lines or is longer than 128 characters, or the image is not a document image
     */
    public Application {
        Arguments.notNull(customer, "customer");
        Arguments.notNull(name, "name");
        Arguments.notNull(idNumber, "idNumber");
        Arguments.notNull(documentImage, "documentImage");
        for (Sensitive<String> s : java.util.List.of(name, idNumber)) {
            String v = s.reveal();
            if (v == null || v.isBlank() || v.length() > 128 || v.chars().anyMatch(Character::isISOControl)) {
                throw new IdentityException(
                        IdentityError.ARGUMENT_INVALID,
                        "a name and an identity number are 1-128 printable characters on one line");
            }
        }
        if (documentImage.kind() != ArtefactKind.DOCUMENT_IMAGE) {
            throw new IdentityException(
                    IdentityError.ARGUMENT_INVALID,
                    "the document image is of kind DOCUMENT_IMAGE, got " + documentImage.kind());
        }
    }
}
