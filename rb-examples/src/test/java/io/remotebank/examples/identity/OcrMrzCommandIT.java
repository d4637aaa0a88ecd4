package io.remotebank.examples.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.remotebank.examples.CliTest;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.testsupport.RequiresCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rb ocr-mrz with Tesseract on images the test renders. */
@RequiresCommand(value = "tesseract", debianPackage = "tesseract-ocr")
class OcrMrzCommandIT extends CliTest {

    @TempDir
    Path dir;

    @Test
    void renderedPassport_printsTheLinesMasked_fieldsAndChecks_exitZero() throws IOException {
        Path passport = Fixtures.image(dir, "td3-rotated-2deg.png");

        // tag::ocr-mrz[]
        int exit = rb("ocr-mrz", passport.toString());
        // end::ocr-mrz[]

        assertThat(exit).isEqualTo(ExitCodes.OK);
        String printed = out.toString();
        assertThat(printed).contains("Lines:", "*<***********<<****<*****<<<", "image straightened by");
        assertThat(printed).contains("PASS composite-check-digit", "VALID").doesNotContain("ERIKSSON", "L898902C3");
    }

    @Test
    void unmaskedJson_givesTheLinesAsRead() throws IOException {
        Path passport = Fixtures.image(dir, "td3-level.png");

        assertThat(rb("ocr-mrz", passport.toString(), "--json", "--unmasked")).isEqualTo(ExitCodes.OK);

        JsonNode json = json();
        assertThat(List.of(json.at("/lines/0").asText(), json.at("/lines/1").asText()))
                .isEqualTo(Fixtures.TD3);
        assertThat(json.at("/fields/documentNumber").asText()).isEqualTo("L898902C3");
        assertThat(json.get("valid").asBoolean()).isTrue();
    }

    @Test
    void imageWithoutAZone_exitsOne() throws IOException {
        Path letter = Fixtures.image(dir, "no-mrz.png");

        assertThat(rb("ocr-mrz", letter.toString())).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(out.toString()).contains("No machine-readable zone found.");
    }
}
