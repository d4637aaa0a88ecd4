package io.remotebank.identity.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apiguardian.api.API;

/**
 * Proves that the person in front of the camera is live (not a photo, a replay, a mask or an
 * injected stream). Vendors work in two phases (Tencent FaceID, AWS Face Liveness, iProov): the
 * bank's server {@linkplain #startSession opens a session} and gives its token or URL to the
 * customer's app, the customer performs the check with the vendor's client SDK, then the server
 * {@linkplain #result fetches the result}. Some vendors also take a recorded video in one
 * {@linkplain #check synchronous call}.
 *
 * <p>Implemented by vendors' adapters and by {@link
 * io.remotebank.identity.simulator.LivenessSimulator}; proven by {@code
 * io.remotebank.tck.identity.LivenessProviderContract}. Implementations are thread-safe; failures
 * are {@link Outcome#ERROR} results or stages completed exceptionally with an {@link
 * IdentityException}, never exceptions thrown by the methods.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface LivenessProvider {

    /**
     * The vendor's name in results, attempts and the audit trail, e.g. {@code aws-face-liveness}.
     *
     * @return the name
     */
    String vendor();

    /**
     * Opens a session for one customer attempt.
     *
     * @param request what it is for
     * @return the session
     */
    CompletionStage<LivenessSession> startSession(LivenessRequest request);

    /**
     * The session's result. Idempotent: asking again gives the same result, so a flow that
     * restarts after a crash may ask again. A session the customer has not finished gives {@link
     * Outcome#NOT_EXECUTED} before its expiry and {@link Outcome#EXPIRED} after; a passed check
     * carries the best frame as an artefact of kind {@link ArtefactKind#LIVENESS_FRAME}.
     *
     * @param sessionId the id from {@link LivenessSession#sessionId()}
     * @return the result; a session the vendor does not know completes with {@link
     *     IdentityError#VENDOR_SESSION_UNKNOWN}
     */
    CompletionStage<CheckResult> result(String sessionId);

    /**
     * Whether {@link #check} is offered.
     *
     * @return false unless the vendor takes a recorded video in one call
     */
    default boolean synchronous() {
        return false;
    }

    /**
     * Checks a recorded video in one call, for vendors that offer it.
     *
     * @param request what it is for
     * @param video the recording, kind {@link ArtefactKind#LIVENESS_VIDEO}
     * @return the result; by default a stage failed with {@link IdentityError#NOT_SUPPORTED}
     */
    default CompletionStage<CheckResult> check(LivenessRequest request, Artefact video) {
        return CompletableFuture.failedFuture(new IdentityException(
                IdentityError.NOT_SUPPORTED, vendor() + " offers no synchronous liveness check; start a session"));
    }
}
