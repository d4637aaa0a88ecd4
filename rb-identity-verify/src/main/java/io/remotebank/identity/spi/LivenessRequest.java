package io.remotebank.identity.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CorrelationId;
import java.net.URI;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a liveness session is for. Carries no personal data: the vendor learns who the customer is
 * only from the face it sees.
 *
 * @param correlation the business it belongs to (for the vendor's logs and ours)
 * @param returnUrl where a web session sends the customer back when done, if the vendor asks for it
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record LivenessRequest(CorrelationId correlation, Optional<URI> returnUrl) {

    /** Validates the request. */
    public LivenessRequest {
        Arguments.notNull(correlation, "correlation");
        Arguments.notNull(returnUrl, "returnUrl");
    }

    /**
     * A request without a return URL.
     *
     * @param correlation the business it belongs to
     * @return the request
     */
    public static LivenessRequest of(CorrelationId correlation) {
        return new LivenessRequest(correlation, Optional.empty());
    }
}
