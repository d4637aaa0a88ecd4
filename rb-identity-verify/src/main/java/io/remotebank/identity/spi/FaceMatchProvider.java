package io.remotebank.identity.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.concurrent.CompletionStage;
import org.apiguardian.api.API;

/**
 * Compares the live face with the document's photo (1:1). The result's score is a similarity (or a
 * distance) on the vendor's scale, with the model's operating points, so that the bank's policy can
 * set its threshold as a false-accept rate rather than a vendor's number.
 *
 * <p>Implemented by vendors' adapters and by {@link
 * io.remotebank.identity.simulator.FaceMatchSimulator}; proven by {@code
 * io.remotebank.tck.identity.FaceMatchProviderContract}. Thread-safe; failures are {@link
 * Outcome#ERROR} results or exceptionally completed stages, never thrown.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface FaceMatchProvider {

    /**
     * The vendor's name, e.g. {@code tencent-iai}.
     *
     * @return the name
     */
    String vendor();

    /**
     * Compares two faces.
     *
     * @param request the faces
     * @return the result with its score
     */
    CompletionStage<CheckResult> match(FaceMatchRequest request);
}
