package io.remotebank.segmentation.batch;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.profile.ProfileBatch;
import io.remotebank.segmentation.profile.ProfileField;
import io.remotebank.segmentation.profile.ProfileSchema;
import io.remotebank.segmentation.profile.ProfileType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A data set in Weka's ARFF format (dense rows), e.g. the German Credit data that Debian's {@code
 * weka} package ships as {@code credit-g.arff}, read as profiles: {@code numeric}, {@code real} and
 * {@code integer} attributes become {@code double} fields, nominal ({@code {a,b,c}}) and {@code
 * string} attributes {@code string} fields; {@code ?} is a missing value. A row's id is its number,
 * from 1. Refused with {@link SegmentationError#INPUT_INVALID}, naming the line: {@code date} and
 * {@code relational} attributes, sparse rows, a nominal value outside its declared set, a row with
 * the wrong number of values, an attribute name that is not a profile field name, lines over 1 MiB.
 * Not thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ArffInput implements AutoCloseable {

    /** The longest line read. */
    public static final int MAX_LINE = 1 << 20;

    private final BufferedReader in;
    private final String relation;
    private final ProfileSchema schema;
    private final List<Set<String>> nominal;
    private long line;
    private long rowsRead;

    private ArffInput(BufferedReader in) throws IOException {
        this.in = in;
        String rel = null;
        Map<String, ProfileType> fields = new LinkedHashMap<>();
        List<Set<String>> values = new ArrayList<>();
        while (true) {
            String l = nextLine();
            if (l == null) {
                throw invalid("the file ends before @data");
            }
            String lower = l.toLowerCase(Locale.ROOT);
            if (lower.startsWith("@relation")) {
                rel = unquote(l.substring("@relation".length()).trim());
            } else if (lower.startsWith("@attribute")) {
                attribute(l.substring("@attribute".length()).trim(), fields, values);
            } else if (lower.startsWith("@data")) {
                break;
            } else {
                throw invalid("expected @relation, @attribute or @data");
            }
        }
        if (fields.isEmpty()) {
            throw invalid("no @attribute before @data");
        }
        ProfileSchema.Builder b = ProfileSchema.builder();
        fields.forEach(b::field);
        try {
            this.schema = b.build();
        } catch (SegmentationException e) {
            throw invalid(e.getMessage());
        }
        this.relation = rel == null ? "" : rel;
        this.nominal = values;
    }

    /**
     * Reads an ARFF header from a stream (UTF-8, strictly).
     *
     * @param stream the data set (closed by {@link #close})
     * @return the input, positioned at the first row
     * @throws IOException if reading fails
     * @throws SegmentationException with {@link SegmentationError#INPUT_INVALID} for a bad header
     */
    public static ArffInput of(InputStream stream) throws IOException {
        Arguments.notNull(stream, "stream");
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader reader = new BufferedReader(new InputStreamReader(stream, decoder));
        try {
            return new ArffInput(reader);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /**
     * Opens an ARFF file.
     *
     * @param file the file
     * @return the input
     * @throws IOException if the file cannot be read
     */
    public static ArffInput open(Path file) throws IOException {
        return of(Files.newInputStream(file));
    }

    /** The relation's name. */
    public String relation() {
        return relation;
    }

    /** The attributes as a profile schema, in file order. */
    public ProfileSchema schema() {
        return schema;
    }

    /**
     * Reads up to {@code into.capacity()} rows into a batch of {@link #schema()}.
     *
     * @param into the batch; its rows are set to the rows read
     * @return the rows read, 0 at the end
     * @throws IOException if reading fails
     * @throws SegmentationException with {@link SegmentationError#INPUT_INVALID} for a bad row
     */
    public int next(ProfileBatch into) throws IOException {
        Arguments.notNull(into, "into");
        if (!into.schema().equals(schema)) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID, "the batch is not of this file's schema");
        }
        int rows = 0;
        while (rows < into.capacity()) {
            String l = nextLine();
            if (l == null) {
                break;
            }
            if (l.startsWith("{")) {
                throw invalid("sparse rows are not supported");
            }
            List<String> cells = split(l);
            if (cells.size() != schema.size()) {
                throw invalid("expected " + schema.size() + " values, found " + cells.size());
            }
            into.clear(rows);
            into.ids()[rows] = Long.toString(++rowsRead);
            for (int f = 0; f < cells.size(); f++) {
                String v = cells.get(f);
                if (v == null) {
                    continue;
                }
                Set<String> allowed = nominal.get(f);
                if (allowed != null && !allowed.contains(v)) {
                    throw invalid(
                            "attribute '" + schema.fields().get(f).name() + "': a value outside its declared set");
                }
                try {
                    into.parse(rows, f, v);
                } catch (SegmentationException e) {
                    throw invalid(e.getMessage());
                }
            }
            rows++;
        }
        into.rows(rows);
        return rows;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The next line that is neither blank nor a comment, trimmed; null at the end. */
    private String nextLine() throws IOException {
        while (true) {
            String l = in.readLine();
            if (l == null) {
                return null;
            }
            line++;
            if (l.length() > MAX_LINE) {
                throw invalid("the line is longer than " + MAX_LINE + " characters");
            }
            l = l.strip();
            if (!l.isEmpty() && !l.startsWith("%")) {
                return l;
            }
        }
    }

    private void attribute(String spec, Map<String, ProfileType> fields, List<Set<String>> values) {
        String name;
        String rest;
        if (spec.startsWith("'") || spec.startsWith("\"")) {
            int end = spec.indexOf(spec.charAt(0), 1);
            if (end < 0) {
                throw invalid("the attribute name's quote is not closed");
            }
            name = spec.substring(1, end);
            rest = spec.substring(end + 1).trim();
        } else {
            int space = spec.indexOf(' ') < 0 ? spec.indexOf('\t') : spec.indexOf(' ');
            if (space < 0) {
                throw invalid("an attribute needs a name and a type");
            }
            name = spec.substring(0, space);
            rest = spec.substring(space + 1).trim();
        }
        if (fields.containsKey(name)) {
            throw invalid("attribute '" + name + "' is declared twice");
        }
        String type = rest.toLowerCase(Locale.ROOT);
        try {
            new ProfileField(name, ProfileType.STRING); // a name rules can read, checked on its line
        } catch (SegmentationException e) {
            throw invalid(e.getMessage());
        }
        if (rest.startsWith("{")) {
            if (!rest.endsWith("}")) {
                throw invalid("attribute '" + name + "': the nominal values' brace is not closed");
            }
            Set<String> allowed = new HashSet<>();
            for (String v : split(rest.substring(1, rest.length() - 1))) {
                if (v != null) {
                    allowed.add(v);
                }
            }
            fields.put(name, ProfileType.STRING);
            values.add(allowed);
        } else if (type.equals("numeric") || type.equals("real") || type.equals("integer")) {
            fields.put(name, ProfileType.DOUBLE);
            values.add(null);
        } else if (type.equals("string")) {
            fields.put(name, ProfileType.STRING);
            values.add(null);
        } else {
            throw invalid("attribute '" + name + "': type '" + rest + "' is not supported (numeric, real, integer,"
                    + " string or nominal)");
        }
    }

    /** Comma-separated values, each optionally quoted with ' or " (backslash escapes); ? is missing. */
    private List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (true) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            String value;
            if (i < n && (text.charAt(i) == '\'' || text.charAt(i) == '"')) {
                char q = text.charAt(i++);
                StringBuilder b = new StringBuilder();
                while (i < n && text.charAt(i) != q) {
                    char c = text.charAt(i++);
                    if (c == '\\' && i < n) {
                        c = text.charAt(i++);
                    }
                    b.append(c);
                }
                if (i >= n) {
                    throw invalid("a quoted value is not closed");
                }
                i++;
                value = b.toString();
                while (i < n && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
            } else {
                int start = i;
                while (i < n && text.charAt(i) != ',') {
                    i++;
                }
                String raw = text.substring(start, i).strip();
                value = raw.equals("?") ? null : raw;
            }
            out.add(value);
            if (i >= n) {
                return out;
            }
            if (text.charAt(i) != ',') {
                throw invalid("expected ',' after a quoted value");
            }
            i++;
        }
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '"') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private SegmentationException invalid(String reason) {
        return new SegmentationException(SegmentationError.INPUT_INVALID, "ARFF line " + line + ": " + reason);
    }
}
