package io.remotebank.signaling.sip;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The parameters of a URI or header field value ({@code ;name=value;flag}), in the order they came.
 * Names compare case-insensitively (RFC 3261 7.3.1); values are kept as written (a quoted value
 * keeps its quotes, so that serialization round-trips). A parameter without a value has the value
 * {@code ""} from {@link #get} and is reported by {@link #has}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Parameters {

    private static final Parameters NONE = new Parameters(new String[0], 0);

    // Name i at 2i, its value at 2i + 1 (null: a flag without "="); entries past 2 * size unused.
    private final String[] pairs;
    private final int size;

    private Parameters(String[] pairs, int size) {
        this.pairs = pairs;
        this.size = size;
    }

    /** No parameters. */
    public static Parameters none() {
        return NONE;
    }

    /**
     * Parameters from name/value pairs; a null value is a flag parameter.
     *
     * @param pairs the names and values in order
     * @return the parameters
     */
    public static Parameters of(Map<String, String> pairs) {
        String[] p = new String[2 * pairs.size()];
        int i = 0;
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            p[i++] = Arguments.notNull(e.getKey(), "name");
            p[i++] = e.getValue();
        }
        return new Parameters(p, pairs.size());
    }

    /**
     * Parameters from the first {@code count} entries of two arrays (copied).
     *
     * @param names the names
     * @param values the values (null for flags)
     * @param count how many entries are used
     * @return the parameters
     */
    public static Parameters of(String[] names, String[] values, int count) {
        if (count == 0) {
            return NONE;
        }
        String[] p = new String[2 * count];
        for (int i = 0; i < count; i++) {
            p[2 * i] = Arguments.notNull(names[i], "name");
            p[2 * i + 1] = values[i];
        }
        return new Parameters(p, count);
    }

    /**
     * Used by the parser: takes an array it will not touch again, without copying it.
     *
     * @param pairs name i at {@code 2i}, its value (null for a flag) at {@code 2i + 1}
     * @param count how many parameters are used
     * @return the parameters
     */
    @API(status = org.apiguardian.api.API.Status.INTERNAL, since = "0.1")
    public static Parameters adopt(String[] pairs, int count) {
        return count == 0 ? NONE : new Parameters(pairs, count);
    }

    /** The number of parameters. */
    public int size() {
        return size;
    }

    /** Whether there are none. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** The names in order, as written. */
    public List<String> names() {
        String[] n = new String[size];
        for (int i = 0; i < size; i++) {
            n[i] = pairs[2 * i];
        }
        return List.of(n);
    }

    /**
     * Whether a parameter of that name is present (with or without a value).
     *
     * @param name the name, any case
     * @return true when present
     */
    public boolean has(String name) {
        return indexOf(name) >= 0;
    }

    /**
     * The value of a parameter: empty when absent, {@code ""} for a flag.
     *
     * @param name the name, any case
     * @return the value as written
     */
    public Optional<String> get(String name) {
        int i = indexOf(name);
        if (i < 0) {
            return Optional.empty();
        }
        String v = pairs[2 * i + 1];
        return Optional.of(v == null ? "" : v);
    }

    /**
     * A copy with one parameter set (replaced in place when present, appended otherwise).
     *
     * @param name the name
     * @param value the value, or null for a flag
     * @return the new parameters
     */
    public Parameters with(String name, String value) {
        int i = indexOf(name);
        if (i >= 0) {
            String[] p = Arrays.copyOf(pairs, 2 * size);
            p[2 * i + 1] = value;
            return new Parameters(p, size);
        }
        String[] p = Arrays.copyOf(pairs, 2 * size + 2);
        p[2 * size] = name;
        p[2 * size + 1] = value;
        return new Parameters(p, size + 1);
    }

    private int indexOf(String name) {
        for (int i = 0; i < size; i++) {
            if (pairs[2 * i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The parameters as written: {@code ;a=b;c}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size; i++) {
            sb.append(';').append(pairs[2 * i]);
            if (pairs[2 * i + 1] != null) {
                sb.append('=').append(pairs[2 * i + 1]);
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters p && size == p.size && Arrays.equals(pairs, 0, 2 * size, p.pairs, 0, 2 * size);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < 2 * size; i++) {
            h = 31 * h + Objects.hashCode(pairs[i]);
        }
        return h;
    }
}
