package io.remotebank.signaling.internal.webrtc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.signaling.SignalingError;
import io.remotebank.signaling.webrtc.WebRtcSignalingException;
import java.util.regex.Pattern;

/**
 * The JSON of the protocol: reads one client message into an object node and reads its fields with
 * the protocol's checks; every fault is a {@code signaling.webrtc.malformed} with what is wrong.
 */
final class Wire {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        // a message is one small object: refuse deep nesting and long numbers before they cost
        JSON.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(16)
                        .maxNumberLength(20)
                        .build());
    }

    /** Room and participant ids: short, and safe to show in a log or a URL. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");

    private Wire() {}

    /** Reads one message: a JSON object with a string {@code type}. */
    static ObjectNode read(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw malformed("the message is not JSON");
        }
        if (!(node instanceof ObjectNode object)) {
            throw malformed("the message is not a JSON object");
        }
        text(object, "type");
        return object;
    }

    static String text(ObjectNode message, String field) {
        JsonNode value = message.get(field);
        if (value == null || !value.isTextual()) {
            throw malformed("the field " + field + " must be a string");
        }
        return value.asText();
    }

    static String optionalText(ObjectNode message, String field) {
        JsonNode value = message.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw malformed("the field " + field + " must be a string");
        }
        return value.asText();
    }

    static String id(ObjectNode message, String field) {
        String value = text(message, field);
        if (!ID.matcher(value).matches()) {
            throw malformed("the field " + field + " must be 1 to 64 of A-Z a-z 0-9 . _ : @ -");
        }
        return value;
    }

    static long number(ObjectNode message, String field, long min) {
        JsonNode value = message.get(field);
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < min) {
            throw malformed("the field " + field + " must be an integer of at least " + min);
        }
        return value.asLong();
    }

    static boolean bool(ObjectNode message, String field) {
        JsonNode value = message.get(field);
        if (value == null || !value.isBoolean()) {
            throw malformed("the field " + field + " must be true or false");
        }
        return value.asBoolean();
    }

    static ObjectNode object(ObjectNode message, String field) {
        JsonNode value = message.get(field);
        if (!(value instanceof ObjectNode object)) {
            throw malformed("the field " + field + " must be an object");
        }
        return object;
    }

    static ObjectNode message(String type) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", type);
        return node;
    }

    static String write(ObjectNode message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an object node always serializes", e);
        }
    }

    static WebRtcSignalingException malformed(String why) {
        return new WebRtcSignalingException(SignalingError.WEBRTC_MALFORMED, why, null);
    }

    static WebRtcSignalingException error(SignalingError code, String why) {
        return new WebRtcSignalingException(code, why, null);
    }
}
