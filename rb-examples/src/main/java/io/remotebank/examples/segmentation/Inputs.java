package io.remotebank.examples.segmentation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.remotebank.core.RbException;
import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.batch.CsvChunk;
import io.remotebank.segmentation.batch.CsvInput;
import io.remotebank.segmentation.profile.ProfileSchema;
import io.remotebank.segmentation.rules.RuleException;
import io.remotebank.segmentation.rules.RuleSet;
import io.remotebank.segmentation.rules.SegmentRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * What the segmentation commands share: opening CSV input, reading the schema and rules files (YAML,
 * or JSON, which is YAML too), and turning the library's refusals into usage errors that name the
 * option and the file.
 */
final class Inputs {

    /** The largest schema, rules or actions file read. */
    static final long MAX_CONFIG_BYTES = 1 << 20;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Inputs() {}

    /** A library error's message without its code, e.g. {@code line 1: ...}. */
    static String reason(RbException e) {
        String m = e.getMessage();
        String prefix = e.code().code() + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    static CsvInput open(CommandSpec spec, String option, Path file) {
        if (!Files.isReadable(file)) {
            throw new ParameterException(spec.commandLine(), option + ": cannot read " + file);
        }
        try {
            return CsvInput.open(file);
        } catch (SegmentationException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + reason(e));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static CsvChunk next(CsvInput in, int rows) {
        try {
            return in.next(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    interface IoAction {
        void run() throws IOException;
    }

    static void unchecked(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode yaml(CommandSpec spec, String option, Path file) {
        try {
            if (!Files.isReadable(file)) {
                throw new ParameterException(spec.commandLine(), option + ": cannot read " + file);
            }
            if (Files.size(file) > MAX_CONFIG_BYTES) {
                throw new ParameterException(spec.commandLine(), option + ": " + file + " is larger than 1 MiB");
            }
            JsonNode node = YAML.readTree(file.toFile());
            if (node == null || !node.isObject()) {
                throw new ParameterException(spec.commandLine(), option + ": " + file + " must hold a mapping");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where =
                    e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new ParameterException(spec.commandLine(), option + ": " + file + " is not valid YAML" + where);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** {@code fields: {aum: double, ...}}. */
    static ProfileSchema schema(CommandSpec spec, Path file) {
        JsonNode fields = yaml(spec, "--schema", file).path("fields");
        if (!fields.isObject() || fields.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(), "--schema: " + file + " needs 'fields:', a mapping of column names to types");
        }
        Map<String, String> types = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : fields.properties()) {
            if (!e.getValue().isTextual()) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--schema: field '" + e.getKey() + "': the type must be a name such as double");
            }
            types.put(e.getKey(), e.getValue().asText());
        }
        try {
            return ProfileSchema.parse(types);
        } catch (SegmentationException e) {
            throw new ParameterException(spec.commandLine(), "--schema: " + reason(e));
        }
    }

    /** {@code segments: [{name, priority, when}]}. */
    static RuleSet rules(CommandSpec spec, Path file, ProfileSchema schema) {
        JsonNode list = yaml(spec, "--rules", file).path("segments");
        if (!list.isArray() || list.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(), "--rules: " + file + " needs 'segments:', a list of {name, priority, when}");
        }
        List<SegmentRule> rules = new ArrayList<>();
        int i = 0;
        for (JsonNode s : list) {
            i++;
            String name = s.path("name").asText("");
            if (!s.path("priority").canConvertToInt() || !s.path("priority").isIntegralNumber()) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--rules: segment " + i + (name.isEmpty() ? "" : " '" + name + "'")
                                + ": 'priority' must be a whole number");
            }
            try {
                rules.add(new SegmentRule(
                        name, s.path("priority").asInt(), s.path("when").asText("")));
            } catch (SegmentationException e) {
                throw new ParameterException(spec.commandLine(), "--rules: segment " + i + ": " + reason(e));
            }
        }
        try {
            return RuleSet.compile(schema, rules);
        } catch (RuleException e) {
            throw new ParameterException(spec.commandLine(), "--rules: " + reason(e));
        } catch (SegmentationException e) {
            throw new ParameterException(spec.commandLine(), "--rules: " + reason(e));
        }
    }

    /** {@code --now}, else the clock's reading. */
    static Instant now(CommandSpec spec, String now, Clock clock) {
        if (now == null) {
            return clock.instant();
        }
        try {
            return java.time.OffsetDateTime.parse(now).toInstant();
        } catch (DateTimeParseException e) {
            throw new ParameterException(
                    spec.commandLine(), "--now: expected an ISO timestamp with a zone, e.g. 2025-06-30T09:00:00+08:00");
        }
    }
}
