package io.remotebank.signaling.sip;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
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

    private static final Parameters NONE = new Parameters(new String[0], new String[0]);

    private final String[] names;
    private final String[] values; // null: a flag without "="

    private Parameters(String[] names, String[] values) {
        this.names = names;
        this.values = values;
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
        String[] n = new String[pairs.size()];
        String[] v = new String[pairs.size()];
        int i = 0;
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            n[i] = Objects.requireNonNull(e.getKey(), "name");
            v[i++] = e.getValue();
        }
        return new Parameters(n, v);
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
        return new Parameters(Arrays.copyOf(names, count), Arrays.copyOf(values, count));
    }

    /**
     * Used by the parser: takes arrays it will not touch again, without copying when they are full.
     *
     * @param names the names
     * @param values the values (null for flags)
     * @param count how many entries are used
     * @return the parameters
     */
    @API(status = org.apiguardian.api.API.Status.INTERNAL, since = "0.1")
    public static Parameters adopt(String[] names, String[] values, int count) {
        if (count == 0) {
            return NONE;
        }
        return count == names.length && count == values.length
                ? new Parameters(names, values)
                : new Parameters(Arrays.copyOf(names, count), Arrays.copyOf(values, count));
    }

    /** The number of parameters. */
    public int size() {
        return names.length;
    }

    /** Whether there are none. */
    public boolean isEmpty() {
        return names.length == 0;
    }

    /** The names in order, as written. */
    public List<String> names() {
        return List.of(names);
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
        return Optional.of(values[i] == null ? "" : values[i]);
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
        List<String> n = new ArrayList<>(List.of(names));
        List<String> v = new ArrayList<>(Arrays.asList(values));
        if (i >= 0) {
            v.set(i, value);
        } else {
            n.add(name);
            v.add(value);
        }
        return new Parameters(n.toArray(new String[0]), v.toArray(new String[0]));
    }

    private int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The parameters as written: {@code ;a=b;c}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            sb.append(';').append(names[i]);
            if (values[i] != null) {
                sb.append('=').append(values[i]);
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters p && Arrays.equals(names, p.names) && Arrays.equals(values, p.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
    }
}
