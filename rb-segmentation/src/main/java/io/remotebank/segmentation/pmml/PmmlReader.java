package io.remotebank.segmentation.pmml;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.internal.CompiledEvaluator;
import io.remotebank.segmentation.model.Evaluator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Imports a PMML 4.x document (Scorecard, RegressionModel, TreeModel or MiningModel) and compiles it
 * into an {@link Evaluator}. Parsing is hardened: a DTD (and with it every entity) is refused, nothing
 * external is fetched, and documents over the configured limits are refused. Any element this importer
 * does not support is refused with a {@link PmmlException} naming it and its line, rather than
 * ignored.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PmmlReader {

    private final long maxBytes;
    private final int maxElements;
    private final int maxDepth;
    private final int maxTextLength;

    private PmmlReader(Builder b) {
        this.maxBytes = b.maxBytes;
        this.maxElements = b.maxElements;
        this.maxDepth = b.maxDepth;
        this.maxTextLength = b.maxTextLength;
    }

    /** A reader with the default limits: 64 MiB, 5,000,000 elements, depth 200, 1 MiB of text. */
    public static PmmlReader ofDefaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads and compiles a document.
     *
     * @param in the document (not closed)
     * @return the compiled model
     * @throws PmmlException if the document is refused
     */
    public Evaluator read(InputStream in) {
        if (in == null) {
            throw new SegmentationException(SegmentationError.ARGUMENT_INVALID, "input stream is null");
        }
        return CompiledEvaluator.read(in, maxBytes, maxElements, maxDepth, maxTextLength);
    }

    /**
     * Reads and compiles a document from a file.
     *
     * @param file the file
     * @return the compiled model
     * @throws UncheckedIOException if the file cannot be read
     */
    public Evaluator read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Reads and compiles a document given as text.
     *
     * @param xml the document
     * @return the compiled model
     */
    public Evaluator parse(String xml) {
        if (xml == null) {
            throw new SegmentationException(SegmentationError.ARGUMENT_INVALID, "xml is null");
        }
        return read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** Builds a {@link PmmlReader}; every setter refuses an out-of-range value at once. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private long maxBytes = 64L << 20;
        private int maxElements = 5_000_000;
        private int maxDepth = 200;
        private int maxTextLength = 1 << 20;

        private Builder() {}

        /**
         * The largest document.
         *
         * @param bytes 1 KiB to 2 GiB
         * @return this builder
         */
        public Builder maxBytes(long bytes) {
            this.maxBytes = check("maxBytes", bytes, 1024, 1L << 31);
            return this;
        }

        /**
         * The most elements.
         *
         * @param elements 1 to 100,000,000
         * @return this builder
         */
        public Builder maxElements(int elements) {
            this.maxElements = (int) check("maxElements", elements, 1, 100_000_000);
            return this;
        }

        /**
         * The deepest nesting of elements (a tree's depth counts).
         *
         * @param depth 8 to 10,000
         * @return this builder
         */
        public Builder maxDepth(int depth) {
            this.maxDepth = (int) check("maxDepth", depth, 8, 10_000);
            return this;
        }

        /**
         * The longest text of one element or attribute.
         *
         * @param characters 64 to 100,000,000
         * @return this builder
         */
        public Builder maxTextLength(int characters) {
            this.maxTextLength = (int) check("maxTextLength", characters, 64, 100_000_000);
            return this;
        }

        private static long check(String what, long value, long min, long max) {
            if (value < min || value > max) {
                throw new SegmentationException(
                        SegmentationError.ARGUMENT_INVALID, what + " must be " + min + " to " + max + ", got " + value);
            }
            return value;
        }

        /** The reader. */
        public PmmlReader build() {
            return new PmmlReader(this);
        }
    }
}
