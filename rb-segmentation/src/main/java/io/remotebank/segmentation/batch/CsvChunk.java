package io.remotebank.segmentation.batch;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Consecutive records of a CSV file as text, each with the line it starts on, or with the reason it
 * could not be read (a broken quote, bytes that are not UTF-8, a wrong number of columns). The first
 * cell of a record is the customer's id.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CsvChunk {

    private final List<Long> lines = new ArrayList<>();
    private final List<List<String>> cells = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    CsvChunk() {}

    void add(long line, List<String> record, String error) {
        lines.add(line);
        cells.add(record);
        errors.add(error);
    }

    /** The records in the chunk. */
    public int size() {
        return lines.size();
    }

    /**
     * The line a record starts on, from 1 (the header is line 1).
     *
     * @param i the record
     * @return its line
     */
    public long line(int i) {
        return lines.get(i);
    }

    /**
     * A record's cells, the id first; empty when it could not be read.
     *
     * @param i the record
     * @return its cells
     */
    public List<String> cells(int i) {
        return cells.get(i);
    }

    /**
     * The customer's id of a record (its first cell), or {@code ""} when it could not be read.
     *
     * @param i the record
     * @return the id
     */
    public String id(int i) {
        List<String> c = cells.get(i);
        return c.isEmpty() ? "" : c.get(0);
    }

    /**
     * Why a record could not be read.
     *
     * @param i the record
     * @return the reason, or null when it was read
     */
    public String error(int i) {
        return errors.get(i);
    }
}
