package io.remotebank.channels.wechat.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.channels.wechat.CallbackException;
import io.remotebank.channels.wechat.WeChatError;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/** Reads and writes a mini-program's JSON callback bodies: one object of fields, limits on depth and size. */
@API(status = INTERNAL, since = "0.1")
public final class JsonBody {

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(8)
                    .maxStringLength(1024 * 1024)
                    .maxNumberLength(32)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private JsonBody() {}

    /**
     * Parses a body.
     *
     * @param body the bytes (UTF-8)
     * @return the scalar fields by name, nested objects' by path ({@code Parent/Child})
     * @throws CallbackException with {@link WeChatError#BODY_INVALID} when it is not one JSON object,
     *     repeats a key, or nests too deep
     */
    public static Map<String, String> fields(byte[] body) {
        JsonNode root;
        try (JsonParser parser = MAPPER.getFactory().createParser(body)) {
            root = MAPPER.readTree(parser);
            if (parser.nextToken() != null) {
                throw new CallbackException(WeChatError.BODY_INVALID, "the JSON body has data after its object");
            }
        } catch (IOException e) {
            throw new CallbackException(WeChatError.BODY_INVALID, "the body is not acceptable JSON");
        }
        if (root == null || !root.isObject()) {
            throw new CallbackException(WeChatError.BODY_INVALID, "the JSON body is not an object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        collect(root, "", fields);
        return fields;
    }

    private static void collect(JsonNode node, String prefix, Map<String, String> fields) {
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue();
            String name = prefix + entry.getKey();
            if (value.isObject()) {
                collect(value, name + "/", fields);
            } else if (value.isValueNode() && !value.isNull()) {
                fields.put(name, value.asText());
            }
        }
    }

    /**
     * Writes an object of string fields.
     *
     * @param fields the fields in order
     * @return the JSON text
     */
    public static String write(Map<String, String> fields) {
        ObjectNode node = MAPPER.createObjectNode();
        fields.forEach(node::put);
        return node.toString();
    }
}
