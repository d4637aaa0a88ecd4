package io.remotebank.identity.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.concurrent.CompletionStage;
import org.apiguardian.api.API;

/**
 * Reads an identity document image (OCR). Implemented by the Tesseract provider
 * ({@code rb-identity-tesseract}), by vendors' adapters and by {@link
 * io.remotebank.identity.simulator.OcrSimulator}; proven by {@code
 * io.remotebank.tck.identity.DocumentOcrProviderContract}.
 *
 * <p>Implementations are thread-safe. A failure is either an {@link Outcome#ERROR} result or an
 * exceptionally completed stage ({@link io.remotebank.identity.IdentityException} with its code);
 * never a thrown exception from {@link #read}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface DocumentOcrProvider {

    /**
     * The vendor's name as it appears in results, attempts and the audit trail, e.g. {@code
     * tesseract}: lower-case words joined by hyphens.
     *
     * @return the name
     */
    String vendor();

    /**
     * Reads a document.
     *
     * @param request the image
     * @return what was read
     */
    CompletionStage<OcrResult> read(OcrRequest request);
}
