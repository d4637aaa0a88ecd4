package io.remotebank.segmentation.profile;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A field of a customer profile.
 *
 * @param name the name: a CEL identifier ({@code [A-Za-z_][A-Za-z0-9_]*}), not a CEL reserved word
 *     and not {@code now} (the rules' clock)
 * @param type its type
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ProfileField(String name, ProfileType type) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    /** CEL's reserved words (CEL spec, "Syntax"), and {@code now}, which rules read as the clock. */
    static final Set<String> RESERVED = Set.of(
            "true",
            "false",
            "null",
            "in",
            "as",
            "break",
            "const",
            "continue",
            "else",
            "for",
            "function",
            "if",
            "import",
            "let",
            "loop",
            "package",
            "namespace",
            "return",
            "var",
            "void",
            "while",
            "now");

    /** Validates. */
    public ProfileField {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new SegmentationException(
                    SegmentationError.SCHEMA_INVALID,
                    "field name '" + name + "' is not an identifier (letters, digits and _, not starting with a digit,"
                            + " at most 128 characters)");
        }
        if (RESERVED.contains(name)) {
            throw new SegmentationException(
                    SegmentationError.SCHEMA_INVALID, "field name '" + name + "' is reserved in rules");
        }
        if (type == null) {
            throw new SegmentationException(SegmentationError.SCHEMA_INVALID, "field '" + name + "' has no type");
        }
    }
}
