package io.remotebank.identity.tesseract;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.pii.PiiKind;
import io.remotebank.core.pii.Sensitive;
import io.remotebank.core.time.Clocks;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.document.Check;
import io.remotebank.identity.document.DocumentValidator;
import io.remotebank.identity.document.MrzResult;
import io.remotebank.identity.spi.CheckResult;
import io.remotebank.identity.spi.DocumentField;
import io.remotebank.identity.spi.DocumentOcrProvider;
import io.remotebank.identity.spi.OcrRequest;
import io.remotebank.identity.spi.OcrResult;
import io.remotebank.identity.spi.Outcome;
import io.remotebank.identity.tesseract.internal.Deskew;
import io.remotebank.identity.tesseract.internal.MrzText;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.apiguardian.api.API;

/**
 * A {@link DocumentOcrProvider} on Tesseract (Debian {@code tesseract-ocr}, 4 or 5) through its
 * command line. It reads the machine-readable zone only: the image is decoded (PNG or JPEG), turned
 * grey, straightened (the skew is measured within 6 degrees either way), and given to {@code tesseract
 * --psm 6} restricted to the MRZ's characters; the zone is then found in the text, corrected by the
 * MRZ's field rules and check digits (every change listed in {@link OcrResult#corrections()}) and
 * validated with {@link DocumentValidator}. The outcome is {@link Outcome#PASS} when every check of
 * the reading holds (layout, characters, document code, state codes, name, number, dates, sex and
 * every check digit), {@link Outcome#REVIEW} when a zone was found but one of them fails, {@link
 * Outcome#FAIL} when no zone was found. Whether the document is expired is the flow's policy, not the
 * reader's.
 *
 * <p>A missing or failing engine, or one that takes longer than the timeout, completes the stage
 * with {@link IdentityError#OCR_ENGINE_FAILED}; an image that cannot be decoded with {@link
 * IdentityError#IMAGE_UNREADABLE}. Thread-safe; each read runs one {@code tesseract} process on
 * the provider's executor.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TesseractOcr implements DocumentOcrProvider {

    /** The vendor name in results and the audit trail. */
    public static final String VENDOR = "tesseract";

    private static final String WHITELIST = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";

    private final String command;
    private final Duration timeout;
    private final Executor executor;
    private final Clock clock;

    private TesseractOcr(Builder b) {
        this.command = b.command;
        this.timeout = b.timeout;
        this.executor = b.executor == null ? SharedExecutor.INSTANCE : b.executor;
        this.clock = b.clock;
    }

    /**
     * The defaults: {@code tesseract} on the {@code PATH}, a 30 s timeout, the system clock.
     *
     * @return the provider
     */
    public static TesseractOcr ofDefaults() {
        return builder().build();
    }

    /**
     * Starts configuring a provider.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String vendor() {
        return VENDOR;
    }

    @Override
    public CompletionStage<OcrResult> read(OcrRequest request) {
        if (request == null) {
            return CompletableFuture.failedFuture(
                    new IdentityException(IdentityError.ARGUMENT_INVALID, "request is required"));
        }
        return CompletableFuture.supplyAsync(() -> readNow(request.image().bytes()), executor);
    }

    /**
     * Reads the zone of an image at once, on the calling thread: what {@code rb ocr-mrz} runs.
     *
     * @param image PNG or JPEG bytes
     * @return what was read
     * @throws IdentityException with {@link IdentityError#IMAGE_UNREADABLE} or {@link
     *     IdentityError#OCR_ENGINE_FAILED}
     */
    public OcrResult readNow(byte[] image) {
        Arguments.notNull(image, "image");
        BufferedImage decoded;
        try {
            decoded = ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException | RuntimeException e) {
            throw new IdentityException(IdentityError.IMAGE_UNREADABLE, "the image cannot be decoded", e);
        }
        if (decoded == null) {
            throw new IdentityException(
                    IdentityError.IMAGE_UNREADABLE, "the image is neither PNG nor JPEG (or is damaged)");
        }
        BufferedImage grey = Deskew.grey(decoded);
        double skew = Deskew.measure(grey);
        BufferedImage level = Deskew.level(grey, skew);
        // First as it is; when that does not pass, once more without speckle (a median filter helps
        // a noisy photo but can thin a clean print's zeros), and the better reading is kept.
        Attempt first = attempt(run(level));
        Attempt best = first;
        boolean denoised = false;
        if (first.outcome() != Outcome.PASS) {
            Attempt second = attempt(run(Deskew.denoise(level)));
            if (second.rank() < first.rank()) {
                best = second;
                denoised = true;
            }
        }
        if (best.reading().isEmpty()) {
            return OcrResult.ofMrz(
                    CheckResult.builder(VENDOR, Outcome.FAIL)
                            .rawPayload("text/plain", best.text().getBytes(StandardCharsets.UTF_8))
                            .detail("no machine-readable zone found")
                            .build(),
                    List.of(),
                    List.of());
        }
        MrzText.Reading r = best.reading().get();
        List<String> corrections = new ArrayList<>();
        if (Math.abs(skew) >= 0.1) {
            corrections.add(String.format(java.util.Locale.ROOT, "image straightened by %.1f degrees", skew));
        }
        if (denoised) {
            corrections.add("image despeckled (3x3 median)");
        }
        corrections.addAll(r.corrections());
        CheckResult check = CheckResult.builder(VENDOR, best.outcome())
                .rawPayload("text/plain", String.join("\n", r.rawLines()).getBytes(StandardCharsets.UTF_8))
                .detail(
                        best.failed().isEmpty()
                                ? "machine-readable zone read, every check digit holds"
                                : "machine-readable zone read; failed: " + String.join(", ", best.failed()))
                .build();
        return new OcrResult(check, sensitive(r.lines()), fields(best.mrz()), corrections);
    }

    /** One engine run: the zone found in its text, validated. */
    private record Attempt(String text, Optional<MrzText.Reading> reading, MrzResult mrz, List<String> failed) {

        Outcome outcome() {
            return reading.isEmpty() ? Outcome.FAIL : failed.isEmpty() ? Outcome.PASS : Outcome.REVIEW;
        }

        /** Lower is better: a zone with fewer failed checks; no zone last. */
        int rank() {
            return reading.isEmpty() ? Integer.MAX_VALUE : failed.size();
        }
    }

    private Attempt attempt(String text) {
        Optional<MrzText.Reading> reading = MrzText.find(text);
        if (reading.isEmpty()) {
            return new Attempt(text, reading, null, List.of());
        }
        MrzResult mrz = DocumentValidator.withClock(clock).mrz(reading.get().lines());
        // Every failed check is a doubt about the reading, not only the check digits: a zone read
        // with a character gained at the start of its first line (document code 7P, issuing state
        // <CH) passes every check digit, which cover none of that line. Only "not-expired" is about
        // the document rather than the reading.
        List<String> failed = mrz.failures().stream()
                .map(Check::name)
                .filter(n -> !n.equals("not-expired"))
                .toList();
        return new Attempt(text, reading, mrz, failed);
    }

    private static List<Sensitive<String>> sensitive(List<String> lines) {
        return lines.stream().map(l -> Sensitive.of(l, PiiKind.OTHER)).toList();
    }

    private static Map<DocumentField, Sensitive<String>> fields(MrzResult mrz) {
        Map<DocumentField, Sensitive<String>> f = new EnumMap<>(DocumentField.class);
        f.put(DocumentField.NAME, Sensitive.of(mrz.name(), PiiKind.NAME));
        f.put(DocumentField.DOCUMENT_NUMBER, Sensitive.of(mrz.documentNumber(), PiiKind.ID_NUMBER));
        f.put(DocumentField.NATIONALITY, Sensitive.of(mrz.nationality(), PiiKind.OTHER));
        f.put(DocumentField.SEX, Sensitive.of(mrz.sex().name(), PiiKind.OTHER));
        mrz.birthDate().ifPresent(d -> f.put(DocumentField.BIRTH_DATE, Sensitive.of(d.toString(), PiiKind.OTHER)));
        mrz.expiryDate().ifPresent(d -> f.put(DocumentField.EXPIRY_DATE, Sensitive.of(d.toString(), PiiKind.OTHER)));
        return f;
    }

    /** Runs tesseract on a temporary PNG; its output goes to a file, so a hung engine cannot block a read. */
    private String run(BufferedImage image) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("rb-tesseract");
            Path in = dir.resolve("in.png");
            Path out = dir.resolve("out.txt");
            Path err = dir.resolve("err.txt");
            ImageIO.write(image, "png", in.toFile());
            Process p;
            try {
                p = new ProcessBuilder(
                                command,
                                in.toString(),
                                "stdout",
                                "--psm",
                                "6",
                                "-l",
                                "eng",
                                "-c",
                                "tessedit_char_whitelist=" + WHITELIST)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
            } catch (IOException e) {
                throw new IdentityException(
                        IdentityError.OCR_ENGINE_FAILED,
                        "cannot run '" + command + "' (is Debian's tesseract-ocr installed?): " + e.getMessage(),
                        e);
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IdentityException(
                        IdentityError.OCR_ENGINE_FAILED, "tesseract took longer than " + timeout + "; stopped");
            }
            if (p.exitValue() != 0) {
                String why = Files.readString(err, StandardCharsets.UTF_8).strip();
                throw new IdentityException(
                        IdentityError.OCR_ENGINE_FAILED,
                        "tesseract exited with " + p.exitValue() + ": "
                                + (why.length() > 200 ? why.substring(0, 200) + "..." : why));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IdentityException(IdentityError.OCR_ENGINE_FAILED, "tesseract I/O: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityException(IdentityError.OCR_ENGINE_FAILED, "interrupted while tesseract ran", e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // A temporary file left behind holds a document image: say so rather than hide it.
            throw new IdentityException(
                    IdentityError.OCR_ENGINE_FAILED, "cannot delete the temporary image in " + dir, e);
        }
    }

    @Override
    public String toString() {
        return "TesseractOcr[" + command + ", timeout " + timeout + "]";
    }

    /** Daemon threads, two at most: each runs one tesseract process, which uses a core of its own. */
    private static final class SharedExecutor {
        static final ExecutorService INSTANCE = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "rb-tesseract-" + SharedExecutor.COUNT.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        static final AtomicInteger COUNT = new AtomicInteger();
    }

    /** Configures a {@link TesseractOcr}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private String command = "tesseract";
        private Duration timeout = Duration.ofSeconds(30);
        private Executor executor;
        private Clock clock = Clocks.system();

        private Builder() {}

        /**
         * The engine's command: a name on the {@code PATH} or an absolute path (default {@code
         * tesseract}).
         *
         * @param command the command
         * @return this builder
         */
        public Builder command(String command) {
            this.command = Arguments.notBlank(command, "command");
            return this;
        }

        /**
         * How long one read may take before the engine is stopped (default 30 s, 1 s to 10 min).
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            Arguments.positive(timeout, "timeout");
            Arguments.inRange(timeout.toMillis(), 1_000, 600_000, "timeout in milliseconds");
            this.timeout = timeout;
            return this;
        }

        /**
         * Where reads run (default: two daemon threads shared by every provider).
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Arguments.notNull(executor, "executor");
            return this;
        }

        /**
         * The clock that decides the centuries of the MRZ's dates (default: the system clock).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Arguments.notNull(clock, "clock");
            return this;
        }

        /** The provider. */
        public TesseractOcr build() {
            return new TesseractOcr(this);
        }
    }
}
