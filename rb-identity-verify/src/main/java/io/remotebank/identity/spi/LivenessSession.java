package io.remotebank.identity.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.pii.Sensitive;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A liveness session a vendor opened: what the customer's app or browser needs to run it, and until
 * when. The client token is a secret (it lets anyone run the session), so it is {@link Sensitive}
 * and never logged.
 *
 * @param vendor the vendor that opened it
 * @param sessionId the vendor's id of the session, used to fetch its result; 1-256 printable
 *     characters
 * @param clientToken the token the vendor's client SDK takes (Tencent's BizToken, AWS's session id)
 * @param url the page the customer opens, for vendors with a hosted web flow
 * @param expiresAt when the vendor stops accepting the customer's attempt
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record LivenessSession(
        String vendor,
        String sessionId,
        Optional<Sensitive<String>> clientToken,
        Optional<URI> url,
        Instant expiresAt) {

    /**
     * Validates the session.
     *
     * @throws IdentityException with {@link IdentityError#ARGUMENT_INVALID} for a session id that is
     *     too long or has control characters, or when neither a token nor a URL is given
     */
    public LivenessSession {
        Arguments.notBlank(vendor, "vendor");
        Arguments.notBlank(sessionId, "sessionId");
        Arguments.notNull(clientToken, "clientToken");
        Arguments.notNull(url, "url");
        Arguments.notNull(expiresAt, "expiresAt");
        if (sessionId.length() > 256 || sessionId.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IdentityException(
                    IdentityError.ARGUMENT_INVALID, "a liveness session id is 1-256 printable ASCII characters");
        }
        if (clientToken.isEmpty() && url.isEmpty()) {
            throw new IdentityException(
                    IdentityError.ARGUMENT_INVALID, "a liveness session gives the client a token or a URL");
        }
    }
}
