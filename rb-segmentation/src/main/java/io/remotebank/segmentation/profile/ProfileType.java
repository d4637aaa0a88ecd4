package io.remotebank.segmentation.profile;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The type of a profile field, with the name a schema file gives it and how a {@link ProfileBatch}
 * stores it. Numbers, booleans, dates and timestamps live in a {@code double[]} column (NaN: missing),
 * strings in a {@code String[]} (null: missing), lists of strings in a {@code String[][]}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ProfileType {
    /** A whole number within ±2^53 (CEL {@code int}). */
    INT("int"),
    /** A double (CEL {@code double}). */
    DOUBLE("double"),
    /** A boolean, stored as 0 or 1 (CEL {@code bool}). */
    BOOL("bool"),
    /** A string (CEL {@code string}). */
    STRING("string"),
    /** A calendar date, stored as its epoch day; CEL sees a timestamp at midnight UTC. */
    DATE("date"),
    /** An instant, stored as epoch milliseconds (CEL {@code timestamp}). */
    TIMESTAMP("timestamp"),
    /** A list of strings, written {@code a|b|c} in CSV (CEL {@code list<string>}). */
    STRING_LIST("list<string>");

    private final String schemaName;

    ProfileType(String schemaName) {
        this.schemaName = schemaName;
    }

    /** The name a schema file uses, e.g. {@code double}, {@code list<string>}. */
    public String schemaName() {
        return schemaName;
    }

    /** Whether values live in a {@code double[]} column. */
    public boolean numeric() {
        return this != STRING && this != STRING_LIST;
    }

    /**
     * The type a schema file names: {@code int} (also {@code long}, {@code integer}), {@code double}
     * (also {@code float}, {@code number}), {@code bool} (also {@code boolean}), {@code string},
     * {@code date}, {@code timestamp}, {@code list<string>}.
     *
     * @param name the name, case-insensitive
     * @return the type
     * @throws SegmentationException with {@link SegmentationError#SCHEMA_INVALID} for any other name
     */
    public static ProfileType parse(String name) {
        if (name == null) {
            throw new SegmentationException(SegmentationError.SCHEMA_INVALID, "a field type is missing");
        }
        String n = name.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        switch (n) {
            case "int":
            case "long":
            case "integer":
                return INT;
            case "double":
            case "float":
            case "number":
                return DOUBLE;
            case "bool":
            case "boolean":
                return BOOL;
            case "string":
                return STRING;
            case "date":
                return DATE;
            case "timestamp":
                return TIMESTAMP;
            case "list<string>":
                return STRING_LIST;
            default:
                throw new SegmentationException(
                        SegmentationError.SCHEMA_INVALID,
                        "unknown field type '" + name
                                + "': use int, double, bool, string, date, timestamp or list<string>");
        }
    }
}
