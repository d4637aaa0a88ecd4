package io.remotebank.examples.identity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.examples.cli.Json;
import io.remotebank.examples.cli.OutputOptions;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.document.DocumentValidator;
import io.remotebank.identity.document.MrzResult;
import io.remotebank.identity.spi.OcrResult;
import io.remotebank.identity.tesseract.TesseractOcr;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rb ocr-mrz}: reads the machine-readable zone of a document image with Tesseract. */
@API(status = EXPERIMENTAL, since = "0.1")
@Command(
        name = "ocr-mrz",
        mixinStandardHelpOptions = true,
        description = {
            "Read the ICAO 9303 machine-readable zone of a document image (PNG or JPEG) with Tesseract",
            "(Debian tesseract-ocr): the image is straightened, read, corrected by the zone's field rules and",
            "check digits, then validated. Prints the lines as read (masked unless --unmasked), every correction,",
            "then the fields and checks as rb id-check does. Exits with 1 when no valid zone is found, 3 when",
            "tesseract cannot be run."
        })
public final class OcrMrzCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The document image, PNG or JPEG.")
    Path image;

    @Option(
            names = "--tesseract",
            paramLabel = "COMMAND",
            description = "The tesseract command (default: tesseract on the PATH).")
    String tesseract = "tesseract";

    @Mixin
    OutputOptions output = new OutputOptions();

    @Spec
    CommandSpec spec;

    /** For picocli. */
    public OcrMrzCommand() {}

    @Override
    public Integer call() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(image);
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "IMAGE: no file " + image);
        }
        Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
        OcrResult read;
        try {
            read = TesseractOcr.builder()
                    .command(tesseract)
                    .clock(clock)
                    .build()
                    .readNow(bytes);
        } catch (IdentityException e) {
            if (e.error() == IdentityError.IMAGE_UNREADABLE) {
                throw new ParameterException(spec.commandLine(), "IMAGE: " + e.getMessage());
            }
            throw e; // the engine failed: a runtime error (3)
        }
        List<String> lines = read.revealMrz();
        boolean unmasked = output.unmasked();
        List<String> shown = lines.stream().map(l -> unmasked ? l : mask(l)).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (lines.isEmpty()) {
            if (output.json()) {
                ObjectNode json = Json.object().put("found", false).put("valid", false);
                json.putArray("lines");
                out.println(Json.document(json));
            } else {
                out.println("No machine-readable zone found.");
            }
            return ExitCodes.CHECK_FAILED;
        }
        MrzResult mrz = DocumentValidator.withClock(clock).mrz(lines);
        IdCheckCommand.Report report = IdCheckCommand.mrzReport(mrz, unmasked);
        if (output.json()) {
            ObjectNode json = report.json();
            json.put("found", true).put("ocr", read.check().outcome().name().toLowerCase(java.util.Locale.ROOT));
            ArrayNode l = json.putArray("lines");
            shown.forEach(l::add);
            ArrayNode c = json.putArray("corrections");
            read.corrections().forEach(c::add);
            out.println(Json.document(json));
        } else {
            out.println("Lines:");
            shown.forEach(s -> out.println("  " + s));
            for (String correction : read.corrections()) {
                out.println("  OCR:  " + correction);
            }
            report.print(out);
        }
        return mrz.valid() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    /** The lines hold the name, the number and the dates: every letter and digit masked, the fillers kept. */
    private static String mask(String line) {
        return line.replaceAll("[A-Z0-9]", "*");
    }
}
