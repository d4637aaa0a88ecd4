package io.remotebank.identity.tesseract;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.core.CorrelationId;
import io.remotebank.identity.spi.Artefact;
import io.remotebank.identity.spi.ArtefactKind;
import io.remotebank.identity.spi.OcrRequest;
import io.remotebank.identity.spi.OcrResult;
import io.remotebank.identity.spi.Outcome;
import io.remotebank.testsupport.RequiresCommand;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tesseract reads MRZs from images the test renders: TD1 and TD3, clean, rotated, noisy. */
@RequiresCommand(value = "tesseract", debianPackage = "tesseract-ocr")
class TesseractOcrIT {

    private final TesseractOcr ocr = TesseractOcr.builder()
            .clock(Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC))
            .build();

    private OcrResult read(byte[] png) {
        // tag::read[]
        OcrResult result = ocr.read(new OcrRequest(
                        CorrelationId.of("kyc-00001"), Artefact.of(ArtefactKind.DOCUMENT_IMAGE, "image/png", png)))
                .toCompletableFuture()
                .join();
        // result.check().outcome(): PASS when every check of the reading holds; result.revealMrz(): the lines
        // end::read[]
        return result;
    }

    @Test
    void cleanTd3_isReadExactly_andPasses() {
        OcrResult r = read(MrzImages.render(Specimens.TD3, 0, 0, 1));

        assertThat(r.revealMrz()).isEqualTo(Specimens.TD3);
        assertThat(r.check().outcome()).isEqualTo(Outcome.PASS);
        assertThat(r.toString()).doesNotContain("ERIKSSON");
    }

    @Test
    void cleanTd1_isReadExactly_andPasses() {
        OcrResult r = read(MrzImages.render(Specimens.TD1, 0, 0, 1));

        assertThat(r.revealMrz()).isEqualTo(Specimens.TD1);
        assertThat(r.check().outcome()).isEqualTo(Outcome.PASS);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-3.0, -2.0, 2.5})
    void rotatedTd3_isStraightenedAndReadExactly(double degrees) {
        OcrResult r = read(MrzImages.render(Specimens.TD3, degrees, 0, 1));

        assertThat(r.revealMrz()).isEqualTo(Specimens.TD3);
        assertThat(r.corrections()).first().asString().startsWith("image straightened by");
    }

    @Test
    void rotatedTd1_isStraightenedAndReadExactly() {
        assertThat(read(MrzImages.render(Specimens.TD1, 3.0, 0, 1)).revealMrz()).isEqualTo(Specimens.TD1);
    }

    @Test
    void noisyTd3_everyCheckedFieldIsReadExactly() {
        OcrResult r = read(MrzImages.render(Specimens.TD3, 0, 0.02, 42));

        // Line 2 is covered by check digits; the name on line 1 is not, and noise can turn an I into
        // a T there (docs/rb-identity-tesseract.md, "What it cannot do").
        assertThat(r.check().outcome()).isEqualTo(Outcome.PASS);
        assertThat(r.revealMrz().get(1)).isEqualTo(Specimens.TD3.get(1));
        assertThat(r.revealMrz().get(0)).startsWith("P<UTO").hasSize(44);
    }

    @Test
    void noisyRotatedTd1_isReadExactly() {
        assertThat(read(MrzImages.render(Specimens.TD1, -2.0, 0.02, 43)).revealMrz())
                .isEqualTo(Specimens.TD1);
    }

    @Test
    void imageWithoutAZone_fails() {
        OcrResult r = read(MrzImages.render(List.of("REPUBLIC OF UTOPIA"), 0, 0, 1));

        assertThat(r.check().outcome()).isEqualTo(Outcome.FAIL);
        assertThat(r.mrzLines()).isEmpty();
    }
}
