package io.remotebank.segmentation.batch;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.profile.ProfileBatch;
import io.remotebank.segmentation.profile.ProfileField;
import io.remotebank.segmentation.profile.ProfileSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Where each field of a profile schema is in a CSV header, and the typed parsing of records into a
 * {@link ProfileBatch}. The first column is the id; other columns match fields by name (the first of
 * two columns with one name counts); a field without a column is missing in every row; a column
 * without a field is ignored. Immutable and thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ProfileColumns {

    private final ProfileSchema schema;
    private final int[] columnOfField;

    private ProfileColumns(ProfileSchema schema, int[] columnOfField) {
        this.schema = schema;
        this.columnOfField = columnOfField;
    }

    /**
     * Matches a header to a schema in one pass over each (a hash map, so wide files stay linear).
     *
     * @param schema the schema
     * @param header the header, the id's column first
     * @return the mapping
     */
    public static ProfileColumns match(ProfileSchema schema, List<String> header) {
        Map<String, Integer> byName = new HashMap<>();
        for (int c = 1; c < header.size(); c++) {
            byName.putIfAbsent(header.get(c), c);
        }
        int[] columns = new int[schema.size()];
        for (int i = 0; i < schema.size(); i++) {
            columns[i] = byName.getOrDefault(schema.fields().get(i).name(), -1);
        }
        return new ProfileColumns(schema, columns);
    }

    /** The schema. */
    public ProfileSchema schema() {
        return schema;
    }

    /** The fields that have no column, in schema order. */
    public List<String> missingFields() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < columnOfField.length; i++) {
            if (columnOfField[i] < 0) {
                out.add(schema.fields().get(i).name());
            }
        }
        return out;
    }

    /**
     * Parses a chunk into a batch, row for record. A record that was unreadable, or holds a value that
     * does not fit its field's type, is cleared in the batch and its reason set in {@code errors}.
     *
     * @param chunk the records
     * @param into the batch, of this mapping's schema (or one that begins with it) and capacity at
     *     least the chunk's size; its rows are set to the chunk's size
     * @param errors per record, the reason it failed or null; at least the chunk's size
     * @return how many records failed
     */
    public int parse(CsvChunk chunk, ProfileBatch into, String[] errors) {
        int failed = 0;
        into.rows(chunk.size());
        for (int r = 0; r < chunk.size(); r++) {
            into.clear(r);
            String error = chunk.error(r);
            if (error == null) {
                List<String> cells = chunk.cells(r);
                into.ids()[r] = cells.get(0);
                try {
                    for (int f = 0; f < columnOfField.length; f++) {
                        int c = columnOfField[f];
                        if (c >= 0) {
                            into.parse(r, f, cells.get(c));
                        }
                    }
                } catch (SegmentationException e) {
                    error = e.getMessage();
                    into.clear(r);
                }
            }
            errors[r] = error;
            if (error != null) {
                failed++;
            }
        }
        return failed;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < columnOfField.length; i++) {
            ProfileField f = schema.fields().get(i);
            parts.add(f.name() + "@" + columnOfField[i]);
        }
        return "ProfileColumns" + parts;
    }
}
