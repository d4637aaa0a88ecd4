package io.remotebank.segmentation.profile;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Many customers' profiles in columns, one per field of a {@link ProfileSchema}, plus the customers'
 * ids. Numbers, booleans (0, 1), dates (epoch days) and timestamps (epoch milliseconds) are {@code
 * double[]} columns with NaN for missing; strings are {@code String[]} with null for missing; lists
 * of strings are {@code String[][]} with null for missing. Fill the columns directly or through
 * {@link #parse} and {@link #set}, then set {@link #rows(int)}. A batch belongs to one thread at a
 * time; it is reused from chunk to chunk.
 *
 * <p>Values never appear in error messages, which may be read by people who should not see personal
 * data; messages name the field and the expected form.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ProfileBatch {

    /** The largest whole number an {@code int} field holds exactly: 2^53. */
    public static final double MAX_INT = 9007199254740992d;

    private final ProfileSchema schema;
    private final int capacity;
    private final String[] ids;
    private final double[][] numbers;
    private final String[][] texts;
    private final String[][][] lists;
    private int rows;

    ProfileBatch(ProfileSchema schema, int capacity) {
        if (capacity < 1 || capacity > 1_000_000) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID, "capacity must be 1 to 1000000, got " + capacity);
        }
        this.schema = schema;
        this.capacity = capacity;
        int n = schema.size();
        this.ids = new String[capacity];
        this.numbers = new double[n][];
        this.texts = new String[n][];
        this.lists = new String[n][][];
        for (int i = 0; i < n; i++) {
            switch (schema.fields().get(i).type()) {
                case STRING:
                    texts[i] = new String[capacity];
                    break;
                case STRING_LIST:
                    lists[i] = new String[capacity][];
                    break;
                default:
                    numbers[i] = new double[capacity];
                    Arrays.fill(numbers[i], Double.NaN);
                    break;
            }
        }
    }

    /** The schema. */
    public ProfileSchema schema() {
        return schema;
    }

    /** The most rows. */
    public int capacity() {
        return capacity;
    }

    /** The rows in use. */
    public int rows() {
        return rows;
    }

    /**
     * Sets the rows in use.
     *
     * @param rows 0 to {@link #capacity()}
     */
    public void rows(int rows) {
        if (rows < 0 || rows > capacity) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID, "rows must be 0 to " + capacity + ", got " + rows);
        }
        this.rows = rows;
    }

    /** The customers' ids, by row (null: none given). */
    public String[] ids() {
        return ids;
    }

    /**
     * The column of an {@code int}, {@code double}, {@code bool}, {@code date} or {@code timestamp}
     * field.
     *
     * @param field the field's index in the schema
     * @return the column; NaN is missing
     */
    public double[] numbers(int field) {
        checkField(field);
        if (numbers[field] == null) {
            throw wrongColumn(field, "numbers");
        }
        return numbers[field];
    }

    /**
     * The column of a {@code string} field.
     *
     * @param field the field's index
     * @return the column; null is missing
     */
    public String[] texts(int field) {
        checkField(field);
        if (texts[field] == null) {
            throw wrongColumn(field, "texts");
        }
        return texts[field];
    }

    /**
     * The column of a {@code list<string>} field.
     *
     * @param field the field's index
     * @return the column; null is missing
     */
    public String[][] lists(int field) {
        checkField(field);
        if (lists[field] == null) {
            throw wrongColumn(field, "lists");
        }
        return lists[field];
    }

    private void checkField(int field) {
        if (field < 0 || field >= schema.size()) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID,
                    "no field " + field + " (the schema has " + schema.size() + ")");
        }
    }

    private SegmentationException wrongColumn(int field, String asked) {
        ProfileField f = schema.fields().get(field);
        String right =
                f.type() == ProfileType.STRING ? "texts" : f.type() == ProfileType.STRING_LIST ? "lists" : "numbers";
        return new SegmentationException(
                SegmentationError.ARGUMENT_INVALID,
                "field '" + f.name() + "' is " + f.type().schemaName() + ": use " + right + "(" + field + "), not "
                        + asked);
    }

    /** Every field's value in a row becomes missing, and the id null. */
    public void clear(int row) {
        checkRow(row);
        ids[row] = null;
        for (int i = 0; i < schema.size(); i++) {
            if (numbers[i] != null) {
                numbers[i][row] = Double.NaN;
            } else if (texts[i] != null) {
                texts[i][row] = null;
            } else {
                lists[i][row] = null;
            }
        }
    }

    /**
     * Sets a value from its text, as a CSV file holds it. An empty text is missing (for a list: the
     * empty list). {@code int}: a whole number within ±2^53; {@code double}: a decimal number (NaN and
     * infinities refused); {@code bool}: {@code true}, {@code false}, {@code 1}, {@code 0} (any case);
     * {@code date}: ISO {@code 2024-03-31}; {@code timestamp}: ISO with a zone, {@code
     * 2024-03-31T08:00:00Z} or {@code +08:00}; {@code list<string>}: items separated by {@code |}.
     *
     * @param row the row
     * @param field the field's index
     * @param text the text (null: missing)
     * @throws SegmentationException with {@link SegmentationError#VALUE_INVALID} naming the field and
     *     the expected form, never the value
     */
    public void parse(int row, int field, String text) {
        checkRow(row);
        checkField(field);
        ProfileField f = schema.fields().get(field);
        if (text == null || text.isEmpty()) {
            setMissing(row, field, f);
            return;
        }
        switch (f.type()) {
            case STRING:
                texts[field][row] = text;
                return;
            case STRING_LIST:
                lists[field][row] = splitList(text);
                return;
            default:
                numbers[field][row] = parseNumber(f, text.trim());
        }
    }

    private static String[] splitList(String text) {
        List<String> items = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '|') {
                items.add(text.substring(start, i));
                start = i + 1;
            }
        }
        return items.toArray(new String[0]);
    }

    private static double parseNumber(ProfileField f, String t) {
        try {
            switch (f.type()) {
                case INT: {
                    long v = Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
                    if (Math.abs((double) v) > MAX_INT) {
                        throw invalid(f, "a whole number within ±2^53");
                    }
                    return v;
                }
                case DOUBLE: {
                    if (!isDecimal(t)) {
                        throw invalid(f, "a decimal number such as 1234.5");
                    }
                    return Double.parseDouble(t);
                }
                case BOOL:
                    switch (t.toLowerCase(Locale.ROOT)) {
                        case "true":
                        case "1":
                            return 1;
                        case "false":
                        case "0":
                            return 0;
                        default:
                            throw invalid(f, "true, false, 1 or 0");
                    }
                case DATE:
                    return LocalDate.parse(t).toEpochDay();
                default:
                    return OffsetDateTime.parse(t).toInstant().toEpochMilli();
            }
        } catch (NumberFormatException e) {
            throw invalid(f, f.type() == ProfileType.INT ? "a whole number within ±2^53" : "a decimal number");
        } catch (DateTimeParseException e) {
            throw invalid(
                    f,
                    f.type() == ProfileType.DATE
                            ? "an ISO date such as 2024-03-31"
                            : "an ISO timestamp with a zone" + " such as 2024-03-31T08:00:00+08:00");
        } catch (DateTimeException | ArithmeticException e) {
            throw invalid(f, "a date or time within range");
        }
    }

    /** Digits, one optional sign, one optional point, an optional exponent: no NaN, Infinity, hex or suffix. */
    private static boolean isDecimal(String t) {
        int i = 0;
        int n = t.length();
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        boolean point = false;
        for (; i < n; i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            for (; i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9'; i++) {
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static SegmentationException invalid(ProfileField f, String expected) {
        return new SegmentationException(
                SegmentationError.VALUE_INVALID,
                "field '" + f.name() + "' (" + f.type().schemaName() + "): expected " + expected);
    }

    private void setMissing(int row, int field, ProfileField f) {
        switch (f.type()) {
            case STRING:
                texts[field][row] = null;
                break;
            case STRING_LIST:
                lists[field][row] = new String[0];
                break;
            default:
                numbers[field][row] = Double.NaN;
        }
    }

    /**
     * Sets a value from a Java object: a {@code Number} ({@code int}, {@code double}), a {@code
     * Boolean}, a {@code String} (any field: parsed as by {@link #parse}), a {@code LocalDate} ({@code
     * date}), an {@code Instant} ({@code timestamp}), a {@code Collection} of strings ({@code
     * list<string>}); null is missing.
     *
     * @param row the row
     * @param field the field's index
     * @param value the value
     */
    public void set(int row, int field, Object value) {
        checkRow(row);
        checkField(field);
        ProfileField f = schema.fields().get(field);
        if (value == null) {
            switch (f.type()) {
                case STRING:
                    texts[field][row] = null;
                    break;
                case STRING_LIST:
                    lists[field][row] = null;
                    break;
                default:
                    numbers[field][row] = Double.NaN;
            }
            return;
        }
        if (value instanceof String && f.type() != ProfileType.STRING) {
            parse(row, field, (String) value);
            return;
        }
        switch (f.type()) {
            case STRING:
                if (!(value instanceof String)) {
                    throw wrongClass(f, value);
                }
                texts[field][row] = (String) value;
                return;
            case STRING_LIST:
                if (!(value instanceof Collection)) {
                    throw wrongClass(f, value);
                }
                List<String> items = new ArrayList<>();
                for (Object o : (Collection<?>) value) {
                    if (!(o instanceof String)) {
                        throw wrongClass(f, value);
                    }
                    items.add((String) o);
                }
                lists[field][row] = items.toArray(new String[0]);
                return;
            case BOOL:
                if (!(value instanceof Boolean)) {
                    throw wrongClass(f, value);
                }
                numbers[field][row] = ((Boolean) value) ? 1 : 0;
                return;
            case DATE:
                if (!(value instanceof LocalDate)) {
                    throw wrongClass(f, value);
                }
                numbers[field][row] = ((LocalDate) value).toEpochDay();
                return;
            case TIMESTAMP:
                if (!(value instanceof Instant)) {
                    throw wrongClass(f, value);
                }
                numbers[field][row] = ((Instant) value).toEpochMilli();
                return;
            case INT: {
                if (!(value instanceof Number)) {
                    throw wrongClass(f, value);
                }
                double d = ((Number) value).doubleValue();
                if (d != Math.rint(d) || Math.abs(d) > MAX_INT) {
                    throw invalid(f, "a whole number within ±2^53");
                }
                numbers[field][row] = d;
                return;
            }
            default: {
                if (!(value instanceof Number)) {
                    throw wrongClass(f, value);
                }
                double d = ((Number) value).doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw invalid(f, "a finite number");
                }
                numbers[field][row] = d;
            }
        }
    }

    private static SegmentationException wrongClass(ProfileField f, Object value) {
        return new SegmentationException(
                SegmentationError.VALUE_INVALID,
                "field '" + f.name() + "' (" + f.type().schemaName() + ") cannot hold a "
                        + value.getClass().getSimpleName());
    }

    /**
     * A value as a Java object: {@code Long} ({@code int}), {@code Double}, {@code Boolean}, {@code
     * String}, {@code LocalDate}, {@code Instant}, an unmodifiable {@code List<String>}; null when
     * missing.
     *
     * @param row the row
     * @param field the field's index
     * @return the value
     */
    public Object value(int row, int field) {
        checkRow(row);
        checkField(field);
        ProfileField f = schema.fields().get(field);
        switch (f.type()) {
            case STRING:
                return texts[field][row];
            case STRING_LIST:
                return lists[field][row] == null ? null : List.of(lists[field][row]);
            default:
                break;
        }
        double d = numbers[field][row];
        if (d != d) {
            return null;
        }
        switch (f.type()) {
            case INT:
                return (long) d;
            case BOOL:
                return d != 0;
            case DATE:
                return LocalDate.ofEpochDay((long) d);
            case TIMESTAMP:
                return Instant.ofEpochMilli((long) d);
            default:
                return d;
        }
    }

    /**
     * A row as a map from field name to {@link #value}, missing values absent.
     *
     * @param row the row
     * @return a new map, in schema order
     */
    public Map<String, Object> toMap(int row) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < schema.size(); i++) {
            Object v = value(row, i);
            if (v != null) {
                m.put(schema.fields().get(i).name(), v);
            }
        }
        return m;
    }

    /**
     * Fills a row from a map of field names to values (see {@link #set}); absent fields become missing,
     * names the schema does not declare are refused.
     *
     * @param row the row
     * @param id the customer's id
     * @param values the values
     */
    public void setAll(int row, String id, Map<String, ?> values) {
        clear(row);
        ids[row] = id;
        for (Map.Entry<String, ?> e : values.entrySet()) {
            int field = schema.indexOf(e.getKey());
            if (field < 0) {
                throw new SegmentationException(
                        SegmentationError.VALUE_INVALID, "the schema has no field '" + e.getKey() + "'");
            }
            set(row, field, e.getValue());
        }
    }

    private void checkRow(int row) {
        if (row < 0 || row >= capacity) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID, "row must be 0 to " + (capacity - 1) + ", got " + row);
        }
    }
}
