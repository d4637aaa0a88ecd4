package io.remotebank.identity.tesseract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.remotebank.core.CorrelationId;
import io.remotebank.core.RbException;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.spi.Artefact;
import io.remotebank.identity.spi.ArtefactKind;
import io.remotebank.identity.spi.OcrRequest;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** What needs no engine: a missing engine, an undecodable image, the configuration's bounds. */
class TesseractOcrTest {

    private static OcrRequest request(byte[] bytes) {
        return new OcrRequest(CorrelationId.of("test-0001"), Artefact.of(ArtefactKind.DOCUMENT_IMAGE, "image/png", bytes));
    }

    private static IdentityException failure(TesseractOcr ocr, byte[] bytes) {
        CompletionException e = catchThrowableOfType(
                () -> ocr.read(request(bytes)).toCompletableFuture().join(), CompletionException.class);
        assertThat(e).isNotNull();
        assertThat(e.getCause()).isInstanceOf(IdentityException.class);
        return (IdentityException) e.getCause();
    }

    @Test
    void missingEngine_failsTheStageWithEngineFailed_namingThePackage() {
        TesseractOcr ocr =
                TesseractOcr.builder().command("/nonexistent/tesseract").build();

        IdentityException e = failure(ocr, MrzImages.render(Specimens.TD3, 0, 0, 1));

        assertThat(e.error()).isEqualTo(IdentityError.OCR_ENGINE_FAILED);
        assertThat(e).hasMessageContaining("tesseract-ocr");
    }

    @Test
    void bytesThatAreNoImage_failTheStageWithImageUnreadable() {
        IdentityException e = failure(TesseractOcr.ofDefaults(), "not an image".getBytes());

        assertThat(e.error()).isEqualTo(IdentityError.IMAGE_UNREADABLE);
    }

    @Test
    void engineThatFails_isReportedWithItsExitCode() {
        TesseractOcr ocr = TesseractOcr.builder().command("false").build();

        IdentityException e = failure(ocr, MrzImages.render(Specimens.TD3, 0, 0, 1));

        assertThat(e.error()).isEqualTo(IdentityError.OCR_ENGINE_FAILED);
        assertThat(e).hasMessageContaining("exited with 1");
    }

    @Test
    void timeoutOutsideItsRange_isRefused() {
        assertThat(catchThrowableOfType(() -> TesseractOcr.builder().timeout(Duration.ofMillis(10)), RbException.class))
                .hasMessageContaining("timeout");
    }

    @Test
    void vendorName_isTesseract() {
        assertThat(TesseractOcr.ofDefaults().vendor()).isEqualTo("tesseract");
    }
}
