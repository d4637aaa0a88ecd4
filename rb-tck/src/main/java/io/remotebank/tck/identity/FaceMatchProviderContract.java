package io.remotebank.tck.identity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.core.CorrelationId;
import io.remotebank.identity.spi.Artefact;
import io.remotebank.identity.spi.ArtefactKind;
import io.remotebank.identity.spi.CheckResult;
import io.remotebank.identity.spi.FaceMatchProvider;
import io.remotebank.identity.spi.FaceMatchRequest;
import io.remotebank.identity.spi.Outcome;
import io.remotebank.identity.spi.Score;
import org.apiguardian.api.API;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link FaceMatchProvider}: extend it and return a provider from {@link
 * #newProvider()}, and the two faces of one person from {@link #probe()} and {@link #reference()}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class FaceMatchProviderContract {

    /** The provider under test, fresh for each test. */
    protected FaceMatchProvider provider;

    /** For subclasses. */
    protected FaceMatchProviderContract() {}

    /**
     * A new provider.
     *
     * @return the provider
     */
    protected abstract FaceMatchProvider newProvider();

    /**
     * A live frame of a person (kind {@code LIVENESS_FRAME}).
     *
     * @return the frame
     */
    protected Artefact probe() {
        return Artefact.of(ArtefactKind.LIVENESS_FRAME, "image/jpeg", new byte[] {1, 2, 3});
    }

    /**
     * The same person's document photo (kind {@code DOCUMENT_PORTRAIT}).
     *
     * @return the photo
     */
    protected Artefact reference() {
        return Artefact.of(ArtefactKind.DOCUMENT_PORTRAIT, "image/png", new byte[] {4, 5, 6});
    }

    /** Creates the provider under test. */
    @BeforeEach
    void createProvider() {
        provider = newProvider();
    }

    @Test
    void vendorName_isWellFormed() {
        Kit.assertVendorName(provider.vendor());
    }

    @Test
    void verdict_carriesAScoreWithItsScaleAndOperatingPoints() {
        CheckResult r = Kit.await(
                provider.match(new FaceMatchRequest(CorrelationId.of("tck-face-0001"), probe(), reference())));

        Kit.assertCanonical(r, provider.vendor());
        assertThat(r.outcome()).isIn(Outcome.PASS, Outcome.REVIEW, Outcome.FAIL);
        assertThat(r.score()).as("a face match verdict has a score").isPresent();
        Score s = r.score().orElseThrow();
        s.operatingPoints()
                .points()
                .forEach(p -> assertThat(s.scale().contains(p.threshold())).isTrue());
    }

    @Test
    void rawPayload_isKeptAsEvidence() {
        CheckResult r = Kit.await(
                provider.match(new FaceMatchRequest(CorrelationId.of("tck-face-0002"), probe(), reference())));

        assertThat(r.rawPayload()).isPresent();
        assertThat(r.rawPayload().orElseThrow().kind()).isEqualTo(ArtefactKind.VENDOR_PAYLOAD);
    }
}
