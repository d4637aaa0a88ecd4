package io.remotebank.core.internal.audit;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.core.AgentId;
import io.remotebank.core.AuditException;
import io.remotebank.core.CoreError;
import io.remotebank.core.CorrelationId;
import io.remotebank.core.CryptoException;
import io.remotebank.core.CustomerId;
import io.remotebank.core.PhoneNumber;
import io.remotebank.core.audit.AuditEvent;
import io.remotebank.core.crypto.EncryptedField;
import io.remotebank.core.crypto.FieldEncryption;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.pii.PiiKind;
import io.remotebank.core.pii.Sensitive;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Writes audit events as the trail stores them and reads them back. One record is one line of
 * JSON whose first two members are fixed: {@code {"seq":N,"prev":"<hex leaf hash of record N-1>",
 * "time":..,"actor":{"type":..,"id":..},"action":..,["subject":..,]["correlation":..,]"details":{..}}}.
 * Personal data in details becomes {@code {"$sensitive":"PHONE","$enc":"rbf1..."}}.
 */
@API(status = INTERNAL, since = "0.1")
public final class RecordCodec {

    /** The largest record accepted. */
    public static final int MAX_RECORD_BYTES = 64 * 1024;

    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_DEPTH = 16;
    private static final byte[] SEQ = "{\"seq\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PREV = ",\"prev\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();

    private RecordCodec() {}

    /**
     * Everything of a record but its sequence number and previous hash: {@code ,"time":...}}
     * (starting with the comma after prev). Built outside the trail's lock; encrypts personal data.
     */
    public static byte[] body(AuditEvent event, Instant time, Optional<FieldEncryption> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            // The generator writes one object; the leading '"' closes prev's string.
            out.write('"');
            out.write(',');
            g.writeStartObject();
            g.writeStringField("time", time.toString());
            g.writeObjectFieldStart("actor");
            g.writeStringField("type", event.actor().type().code());
            g.writeStringField("id", event.actor().id());
            g.writeEndObject();
            g.writeStringField("action", event.action());
            if (event.subject().isPresent()) {
                g.writeStringField("subject", event.subject().get().value());
            }
            if (event.correlation().isPresent()) {
                g.writeStringField("correlation", event.correlation().get().value());
            }
            g.writeFieldName("details");
            writeMap(g, event.details(), event, fields, 0);
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory failed", e);
        }
        byte[] bytes = out.toByteArray();
        // Drop the generator's '{' that opened its object: prev's '"' ',' then the members follow.
        byte[] body = new byte[bytes.length - 1];
        body[0] = '"';
        body[1] = ',';
        System.arraycopy(bytes, 3, body, 2, bytes.length - 3);
        if (body.length > MAX_RECORD_BYTES - 200) {
            throw new AuditException(
                    CoreError.AUDIT_EVENT_INVALID,
                    "an audit event is at most " + MAX_RECORD_BYTES + " bytes; this one has " + body.length);
        }
        return body;
    }

    /** The whole record: {@code {"seq":N,"prev":"hex} + body. */
    public static byte[] record(long sequence, byte[] previousLeafHash, byte[] body) {
        byte[] seq = Long.toString(sequence).getBytes(StandardCharsets.US_ASCII);
        byte[] prev = HEX.formatHex(previousLeafHash).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[SEQ.length + seq.length + PREV.length + prev.length + body.length];
        int p = 0;
        System.arraycopy(SEQ, 0, out, p, SEQ.length);
        p += SEQ.length;
        System.arraycopy(seq, 0, out, p, seq.length);
        p += seq.length;
        System.arraycopy(PREV, 0, out, p, PREV.length);
        p += PREV.length;
        System.arraycopy(prev, 0, out, p, prev.length);
        p += prev.length;
        System.arraycopy(body, 0, out, p, body.length);
        return out;
    }

    /**
     * The sequence number and previous hash a record starts with, without parsing the rest.
     *
     * @param record the record
     * @return the header, or empty when the record does not start as the format says
     */
    public static Optional<Header> header(byte[] record) {
        if (record.length < SEQ.length + 1 + PREV.length + 64 + 2) {
            return Optional.empty();
        }
        for (int i = 0; i < SEQ.length; i++) {
            if (record[i] != SEQ[i]) {
                return Optional.empty();
            }
        }
        int p = SEQ.length;
        long seq = 0;
        int digits = 0;
        while (p < record.length && record[p] >= '0' && record[p] <= '9' && digits < 19) {
            seq = seq * 10 + (record[p] - '0');
            p++;
            digits++;
        }
        if (digits == 0 || p + PREV.length + 65 > record.length) {
            return Optional.empty();
        }
        for (int i = 0; i < PREV.length; i++) {
            if (record[p + i] != PREV[i]) {
                return Optional.empty();
            }
        }
        p += PREV.length;
        try {
            byte[] prev = HEX.parseHex(new String(record, p, 64, StandardCharsets.US_ASCII));
            if (record[p + 64] != '"') {
                return Optional.empty();
            }
            return Optional.of(new Header(seq, prev));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * A record's sequence number and the leaf hash of the record before it.
     *
     * @param sequence the sequence number written in the record
     * @param previousLeafHash the previous record's leaf hash (zeros for the first)
     */
    @API(status = INTERNAL, since = "0.1")
    public record Header(long sequence, byte[] previousLeafHash) {}

    /**
     * Parses a record for display, turning encrypted personal data into its masked form (or its
     * value when {@code unmasked}), {@code <erased>} once the subject's key is destroyed, or {@code
     * <encrypted KIND>} without keys.
     */
    public static ObjectNode display(byte[] record, Optional<FieldEncryption> fields, boolean unmasked) {
        try {
            ObjectNode node = (ObjectNode) MAPPER.readTree(record);
            JsonNode details = node.get("details");
            if (details != null) {
                node.set("details", reveal(details, fields, unmasked));
            }
            return node;
        } catch (IOException | ClassCastException e) {
            throw new AuditException(CoreError.AUDIT_TAMPERED, "a record is not valid JSON", e);
        }
    }

    private static JsonNode reveal(JsonNode node, Optional<FieldEncryption> fields, boolean unmasked) {
        if (node.isObject() && node.has("$sensitive") && node.has("$enc")) {
            String kindName = node.get("$sensitive").asText();
            if (fields.isEmpty()) {
                return MAPPER.getNodeFactory().textNode("<encrypted " + kindName + ">");
            }
            try {
                PiiKind kind = PiiKind.valueOf(kindName);
                String value = fields.get()
                        .decryptString(EncryptedField.parse(node.get("$enc").asText()));
                return MAPPER.getNodeFactory().textNode(unmasked ? value : kind.mask(value));
            } catch (CryptoException e) {
                return MAPPER.getNodeFactory()
                        .textNode(e.code() == CoreError.KEY_DESTROYED ? "<erased>" : "<unreadable " + kindName + ">");
            } catch (IllegalArgumentException e) {
                return MAPPER.getNodeFactory().textNode("<unreadable " + kindName + ">");
            }
        }
        if (node.isObject()) {
            ObjectNode copy = MAPPER.createObjectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                copy.set(e.getKey(), reveal(e.getValue(), fields, unmasked));
            }
            return copy;
        }
        if (node.isArray()) {
            var copy = MAPPER.createArrayNode();
            node.forEach(element -> copy.add(reveal(element, fields, unmasked)));
            return copy;
        }
        return node;
    }

    private static void writeMap(
            JsonGenerator g, Map<?, ?> map, AuditEvent event, Optional<FieldEncryption> fields, int depth)
            throws IOException {
        if (depth > MAX_DEPTH) {
            throw invalid("details nest deeper than " + MAX_DEPTH + " levels");
        }
        g.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key) || key.isEmpty() || key.startsWith("$")) {
                throw invalid("detail keys are non-empty strings not starting with '$', got " + entry.getKey());
            }
            g.writeFieldName(key);
            writeValue(g, key, entry.getValue(), event, fields, depth + 1);
        }
        g.writeEndObject();
    }

    private static void writeValue(
            JsonGenerator g, String key, Object value, AuditEvent event, Optional<FieldEncryption> fields, int depth)
            throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof Sensitive<?> sensitive) {
            writeSensitive(g, key, String.valueOf(sensitive.reveal()), sensitive.kind(), event, fields);
        } else if (value instanceof PhoneNumber phone) {
            writeSensitive(g, key, phone.e164(), PiiKind.PHONE, event, fields);
        } else if (value instanceof CharSequence text) {
            g.writeString(text.toString());
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            g.writeNumber(big);
        } else if (value instanceof BigDecimal decimal) {
            g.writeNumber(decimal.toPlainString());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw invalid("detail '" + key + "' is not a finite number");
            }
            g.writeNumber(d);
        } else if (value instanceof Enum<?> e) {
            g.writeString(e.name());
        } else if (value instanceof TemporalAccessor || value instanceof Duration) {
            g.writeString(value.toString());
        } else if (value instanceof CustomerId id) {
            g.writeString(id.value());
        } else if (value instanceof AgentId id) {
            g.writeString(id.value());
        } else if (value instanceof CorrelationId id) {
            g.writeString(id.value());
        } else if (value instanceof KeyId id) {
            g.writeString(id.value());
        } else if (value instanceof Optional<?> optional) {
            writeValue(g, key, optional.orElse(null), event, fields, depth);
        } else if (value instanceof Map<?, ?> map) {
            writeMap(g, map, event, fields, depth);
        } else if (value instanceof Collection<?> list) {
            if (depth > MAX_DEPTH) {
                throw invalid("details nest deeper than " + MAX_DEPTH + " levels");
            }
            g.writeStartArray();
            for (Object element : list) {
                writeValue(g, key, element, event, fields, depth + 1);
            }
            g.writeEndArray();
        } else {
            throw invalid("detail '" + key + "' is a " + value.getClass().getName()
                    + "; use text, numbers, booleans, maps, lists, times, ids, or Sensitive for personal data");
        }
    }

    private static void writeSensitive(
            JsonGenerator g, String key, String value, PiiKind kind, AuditEvent event, Optional<FieldEncryption> fields)
            throws IOException {
        CustomerId subject = event.subject()
                .orElseThrow(() -> invalid("detail '" + key
                        + "' is personal data, so the event needs a subject whose key" + " protects it"));
        FieldEncryption encryption = fields.orElseThrow(() ->
                invalid("detail '" + key + "' is personal data but the trail has no field encryption configured"));
        g.writeStartObject();
        g.writeStringField("$sensitive", kind.name());
        g.writeStringField("$enc", encryption.encrypt(subject, value).encode());
        g.writeEndObject();
    }

    private static AuditException invalid(String message) {
        return new AuditException(CoreError.AUDIT_EVENT_INVALID, message);
    }
}
