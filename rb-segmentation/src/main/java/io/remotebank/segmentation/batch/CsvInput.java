package io.remotebank.segmentation.batch;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A CSV file (RFC 4180, UTF-8, an optional byte order mark) read in chunks of records: the first
 * record names the columns, the first column is the customer's id. A record that cannot be read is
 * returned with its line and the reason, and reading goes on: a broken quote skips the rest of its
 * line, bytes that are not UTF-8 are named by their offset ({@code invalid UTF-8 at byte offset 1234
 * (0xFF)}), a record with the wrong number of columns says how many it has. Blank lines are skipped.
 * Not thread-safe: one reader feeds the {@link BatchRunner}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CsvInput implements AutoCloseable {

    private final Utf8Input in;
    private final Csv.RecordReader csv;
    private final List<String> header;

    private CsvInput(InputStream stream) throws IOException {
        this.in = new Utf8Input(stream);
        this.csv = new Csv.RecordReader(new BufferedReader(in, 1 << 16));
        Csv.Row row;
        try {
            row = csv.next();
        } catch (Csv.FormatException e) {
            in.close();
            throw new SegmentationException(SegmentationError.INPUT_INVALID, "line 1: " + e.getMessage());
        }
        Utf8Input.Malformed bad = in.takeMalformedBefore(csv.position());
        if (bad != null) {
            in.close();
            throw new SegmentationException(SegmentationError.INPUT_INVALID, "line 1: " + bad.describe());
        }
        if (row == null || row.fields().isEmpty() || row.fields().get(0).isEmpty()) {
            in.close();
            throw new SegmentationException(
                    SegmentationError.INPUT_INVALID, "the first row must name the columns, the customer id first");
        }
        this.header = List.copyOf(row.fields());
    }

    /**
     * Opens a stream and reads its header.
     *
     * @param stream the bytes (closed with this input)
     * @return the input
     * @throws IOException if reading fails
     * @throws SegmentationException with {@link SegmentationError#INPUT_INVALID} when the header is
     *     missing or unreadable
     */
    public static CsvInput of(InputStream stream) throws IOException {
        return new CsvInput(stream);
    }

    /**
     * Opens a file and reads its header.
     *
     * @param file the file
     * @return the input
     * @throws IOException if it cannot be read
     */
    public static CsvInput open(Path file) throws IOException {
        return new CsvInput(Files.newInputStream(file));
    }

    /** The column names, the id's first. */
    public List<String> header() {
        return header;
    }

    /**
     * The next records.
     *
     * @param max the most records, 1 to 1,000,000
     * @return up to {@code max} records, or null at the end of the file
     * @throws IOException if reading fails
     */
    public CsvChunk next(int max) throws IOException {
        if (max < 1 || max > 1_000_000) {
            throw new SegmentationException(SegmentationError.ARGUMENT_INVALID, "max must be 1 to 1000000, got " + max);
        }
        CsvChunk chunk = new CsvChunk();
        while (chunk.size() < max) {
            Csv.Row row;
            try {
                row = csv.next();
            } catch (Csv.FormatException e) {
                in.takeMalformedBefore(csv.position());
                chunk.add(e.line(), List.of(), e.getMessage());
                continue;
            }
            if (row == null) {
                break;
            }
            Utf8Input.Malformed bad = in.takeMalformedBefore(csv.position());
            if (bad != null) {
                chunk.add(row.line(), List.of(), bad.describe());
                continue;
            }
            if (row.fields().size() == 1 && row.fields().get(0).isEmpty()) {
                continue; // a blank line
            }
            if (row.fields().size() != header.size()) {
                chunk.add(
                        row.line(),
                        List.of(),
                        "expected " + header.size() + " columns, found "
                                + row.fields().size());
                continue;
            }
            chunk.add(row.line(), row.fields(), null);
        }
        return chunk.size() == 0 ? null : chunk;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
