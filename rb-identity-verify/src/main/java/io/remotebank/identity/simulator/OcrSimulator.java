package io.remotebank.identity.simulator;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.identity.spi.Artefact;
import io.remotebank.identity.spi.ArtefactKind;
import io.remotebank.identity.spi.CheckResult;
import io.remotebank.identity.spi.DocumentOcrProvider;
import io.remotebank.identity.spi.OcrRequest;
import io.remotebank.identity.spi.OcrResult;
import io.remotebank.identity.spi.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apiguardian.api.API;

/**
 * A simulated OCR vendor: it does not look at the image, it "reads" the MRZ it was given. On
 * {@link Behaviour#PASS} it returns the lines and a portrait derived from the image's hash (the
 * same image always gives the same portrait, so a face-match simulator can tell them apart); on
 * {@link Behaviour#REVIEW} the same with a correction noted; on {@link Behaviour#FAIL} and {@link
 * Behaviour#EXPIRED} no MRZ. For tests, demos and {@code rb kyc --simulate}; never in production.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class OcrSimulator implements DocumentOcrProvider {

    private final String vendor;
    private final List<String> mrz;
    private final Script script;

    private OcrSimulator(String vendor, List<String> mrz, Script script) {
        this.vendor = vendor;
        this.mrz = mrz;
        this.script = script;
    }

    /**
     * A simulator.
     *
     * @param vendor its name, e.g. {@code sim-ocr}
     * @param mrz the MRZ lines it reads from every image (personal data of a test person)
     * @param script what it does on each call; the last behaviour repeats
     * @return the simulator
     */
    public static OcrSimulator of(String vendor, List<String> mrz, Behaviour... script) {
        return new OcrSimulator(Script.vendor(vendor), List.copyOf(Arguments.noNulls(mrz, "mrz")), new Script(script));
    }

    @Override
    public String vendor() {
        return vendor;
    }

    /** How many calls it has answered. */
    public int calls() {
        return script.calls();
    }

    /**
     * The portrait the simulator cuts from an image: deterministic in the image's content.
     *
     * @param image the document image
     * @return the portrait
     */
    public static Artefact portraitOf(Artefact image) {
        return Artefact.of(
                ArtefactKind.DOCUMENT_PORTRAIT,
                "image/png",
                ("portrait-of:" + image.ref().sha256()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public CompletionStage<OcrResult> read(OcrRequest request) {
        Behaviour b = script.next();
        CompletionStage<OcrResult> failed =
                Outcomes.failure(vendor, b, check -> OcrResult.ofMrz(check, List.of(), List.of()));
        if (failed != null) {
            return failed;
        }
        OcrResult result = switch (b) {
            case PASS -> OcrResult.ofMrz(read(request, Outcome.PASS, "MRZ read"), mrz, List.of());
            case REVIEW ->
                OcrResult.ofMrz(
                        read(request, Outcome.REVIEW, "MRZ read with a low-confidence character"),
                        mrz,
                        List.of("line 1 column 6 (simulated): low confidence"));
            default ->
                OcrResult.ofMrz(
                        CheckResult.builder(vendor, Outcome.FAIL)
                                .rawPayload("application/json", Outcomes.json("{\"mrz\":null}"))
                                .detail("no machine-readable zone found")
                                .build(),
                        List.of(),
                        List.of());
        };
        return CompletableFuture.completedFuture(result);
    }

    private CheckResult read(OcrRequest request, Outcome outcome, String detail) {
        return CheckResult.builder(vendor, outcome)
                .artefact(portraitOf(request.image()))
                .rawPayload("application/json", Outcomes.json("{\"lines\":" + mrz.size() + "}"))
                .detail(detail)
                .build();
    }

    @Override
    public String toString() {
        return "OcrSimulator[" + vendor + "]";
    }
}
