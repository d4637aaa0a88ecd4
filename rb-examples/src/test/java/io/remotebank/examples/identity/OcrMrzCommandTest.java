package io.remotebank.examples.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.examples.CliTest;
import io.remotebank.examples.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rb ocr-mrz without an engine: bad input and a missing engine. */
class OcrMrzCommandTest extends CliTest {

    @TempDir
    Path dir;

    @Test
    void missingFile_isAUsageError() {
        assertThat(rb("ocr-mrz", dir.resolve("none.png").toString())).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("no file");
    }

    @Test
    void fileThatIsNoImage_isAUsageError() throws IOException {
        Path text = Files.writeString(dir.resolve("passport.png"), "not an image");

        assertThat(rb("ocr-mrz", text.toString())).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void missingEngine_isARuntimeError_namingThePackage() throws IOException {
        Path png = Fixtures.image(dir, "td3-level.png");

        assertThat(rb("ocr-mrz", png.toString(), "--tesseract", "/nonexistent/tesseract"))
                .isEqualTo(ExitCodes.RUNTIME_ERROR);
        assertThat(err.toString()).contains("tesseract-ocr");
    }
}
