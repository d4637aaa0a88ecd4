package io.remotebank.tck.identity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.core.CorrelationId;
import io.remotebank.identity.spi.Artefact;
import io.remotebank.identity.spi.DocumentOcrProvider;
import io.remotebank.identity.spi.OcrRequest;
import io.remotebank.identity.spi.OcrResult;
import io.remotebank.identity.spi.Outcome;
import org.apiguardian.api.API;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link DocumentOcrProvider}: extend it, return a provider from {@link
 * #newProvider()} and an image with a readable MRZ from {@link #readableDocument()}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class DocumentOcrProviderContract {

    /** The provider under test, fresh for each test. */
    protected DocumentOcrProvider provider;

    /** For subclasses. */
    protected DocumentOcrProviderContract() {}

    /**
     * A new provider.
     *
     * @return the provider
     */
    protected abstract DocumentOcrProvider newProvider();

    /**
     * An image (kind {@code DOCUMENT_IMAGE}) whose MRZ the provider reads.
     *
     * @return the image
     */
    protected abstract Artefact readableDocument();

    /** Creates the provider under test. */
    @BeforeEach
    void createProvider() {
        provider = newProvider();
    }

    private OcrRequest request() {
        return new OcrRequest(CorrelationId.of("tck-ocr-0001"), readableDocument());
    }

    @Test
    void vendorName_isStableAndWellFormed() {
        Kit.assertVendorName(provider.vendor());
        assertThat(provider.vendor()).isEqualTo(provider.vendor());
    }

    @Test
    void readableDocument_givesItsMrzLines_inACanonicalResult() {
        OcrResult r = Kit.await(provider.read(request()));

        Kit.assertCanonical(r.check(), provider.vendor());
        assertThat(r.check().outcome()).isIn(Outcome.PASS, Outcome.REVIEW);
        assertThat(r.mrzLines()).hasSizeBetween(2, 3);
        assertThat(r.revealMrz()).allSatisfy(line -> assertThat(line).matches("[A-Z0-9<]{30,44}"));
    }

    @Test
    void result_isSafeToLog() {
        OcrResult r = Kit.await(provider.read(request()));

        for (String line : r.revealMrz()) {
            assertThat(r.toString()).doesNotContain(line);
        }
    }
}
