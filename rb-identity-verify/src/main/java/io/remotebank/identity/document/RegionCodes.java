package io.remotebank.identity.document;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A table of GB/T 2260 region codes, current and historical.
 *
 * <p>{@link #gbt2260()} is the table shipped with this module ({@code gbt2260.csv} beside this
 * class; its header names the source and date). A bank with a fresher table builds its own with
 * {@link #parse(List)} in the same format.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RegionCodes {

    private static final String RESOURCE = "gbt2260.csv";

    private final Map<String, RegionCode> codes;

    private RegionCodes(Map<String, RegionCode> codes) {
        this.codes = Collections.unmodifiableMap(codes);
    }

    /** The shipped table; loaded once. */
    public static RegionCodes gbt2260() {
        return BuiltIn.TABLE;
    }

    /**
     * Builds a table from lines in the shipped format: {@code CODE} for a code in use, {@code
     * CODE,FIRST,LAST} for a retired one; blank lines and lines starting with {@code #} are ignored.
     *
     * @param lines the lines
     * @return the table
     * @throws DocumentException {@code identity.document.argument-invalid} naming the first bad line
     */
    public static RegionCodes parse(List<String> lines) {
        DocumentException.required(lines, "lines");
        Map<String, RegionCode> codes = new TreeMap<>();
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = DocumentException.required(raw, "line " + number).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            RegionCode code = parseLine(line, number);
            if (codes.put(code.code(), code) != null) {
                throw new DocumentException(
                        DocumentError.ARGUMENT_INVALID, "region table line " + number + ": code listed twice");
            }
        }
        return new RegionCodes(codes);
    }

    private static RegionCode parseLine(String line, int number) {
        String[] parts = line.split(",", -1);
        try {
            if (parts.length == 1) {
                return RegionCode.current(parts[0]);
            }
            if (parts.length == 3) {
                return RegionCode.historical(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            }
        } catch (NumberFormatException | DocumentException e) {
            throw new DocumentException(
                    DocumentError.ARGUMENT_INVALID,
                    "region table line " + number + ": expected CODE or CODE,FIRST,LAST (" + e.getMessage() + ")");
        }
        throw new DocumentException(
                DocumentError.ARGUMENT_INVALID, "region table line " + number + ": expected CODE or CODE,FIRST,LAST");
    }

    /**
     * Looks a code up.
     *
     * @param code six digits
     * @return the code, current or historical, or empty when the table does not know it
     */
    public Optional<RegionCode> lookup(String code) {
        return Optional.ofNullable(codes.get(DocumentException.required(code, "code")));
    }

    /** How many codes the table holds, current and historical. */
    public int size() {
        return codes.size();
    }

    /** How many of them are current. */
    public long currentCount() {
        return codes.values().stream().filter(c -> !c.historical()).count();
    }

    /** E.g. {@code RegionCodes[6737 codes, 3216 current]}. */
    @Override
    public String toString() {
        return "RegionCodes[" + size() + " codes, " + currentCount() + " current]";
    }

    /** Lazy holder: the shipped table is read on first use. */
    private static final class BuiltIn {
        static final RegionCodes TABLE = load();

        private static RegionCodes load() {
            try (InputStream in = RegionCodes.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the GB/T 2260 table " + RESOURCE + " is missing from the jar");
                }
                List<String> lines = new ArrayList<>();
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        lines.add(line);
                    }
                }
                return parse(lines);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the GB/T 2260 table " + RESOURCE, e);
            }
        }
    }
}
