package io.remotebank.examples.cli;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apiguardian.api.API;

/** JSON output of {@code rb} commands: built as trees, so no command type needs reflection. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    /** A new, empty JSON object. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * One document, indented, for a command's single result.
     *
     * @param node the document
     * @return its text
     */
    public static String document(JsonNode node) {
        return write(PRETTY, node);
    }

    /**
     * One line, for the event stream of a server command.
     *
     * @param node the event
     * @return its text, without line breaks
     */
    public static String line(JsonNode node) {
        return write(MAPPER, node);
    }

    private static String write(ObjectMapper mapper, JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // A tree of plain nodes always serializes; anything else is a bug here.
            throw new IllegalStateException("cannot serialize JSON output", e);
        }
    }
}
