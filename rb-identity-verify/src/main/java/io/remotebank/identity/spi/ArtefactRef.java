package io.remotebank.identity.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * An artefact by its content hash: what a flow's state, a review and the audit trail keep instead
 * of the bytes, which stay encrypted in the vault.
 *
 * @param sha256 the SHA-256 of the bytes, 64 lower-case hex digits
 * @param kind what it is
 * @param mediaType e.g. {@code image/png}
 * @param size the length in bytes
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ArtefactRef(String sha256, ArtefactKind kind, String mediaType, long size) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern MEDIA = Pattern.compile("[a-z0-9.+-]+/[a-z0-9.+-]+");

    /**
     * Validates the reference.
     *
     * @throws IdentityException with {@link IdentityError#ARGUMENT_INVALID} for a malformed hash or
     *     media type, or a negative size
     */
    public ArtefactRef {
        Arguments.notNull(sha256, "sha256");
        Arguments.notNull(kind, "kind");
        Arguments.notNull(mediaType, "mediaType");
        if (!HEX.matcher(sha256).matches()) {
            throw new IdentityException(
                    IdentityError.ARGUMENT_INVALID, "an artefact hash is 64 lower-case hex digits (SHA-256)");
        }
        if (!MEDIA.matcher(mediaType).matches()) {
            throw new IdentityException(
                    IdentityError.ARGUMENT_INVALID, "a media type is type/subtype in lower case, e.g. image/png");
        }
        if (size < 0) {
            throw new IdentityException(IdentityError.ARGUMENT_INVALID, "an artefact size is zero or more");
        }
    }

    /** The first 12 hex digits, for logs. */
    public String shortHash() {
        return sha256.substring(0, 12);
    }
}
