package io.remotebank.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.core.Arguments;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.CoreError;
import io.remotebank.core.CustomerId;
import io.remotebank.core.RbException;
import io.remotebank.core.StorageException;
import io.remotebank.core.consent.ConsentPurpose;
import io.remotebank.core.consent.ConsentRecord;
import io.remotebank.core.consent.ConsentState;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Consent records in an append-only file (one JSON object per line, CRC-checked, forced to disk
 * before {@link #record} returns), replayed into memory when opened.
 */
@API(status = INTERNAL, since = "0.1")
public final class FileConsentRegistry extends InMemoryConsentRegistry implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final LineLog log;

    private FileConsentRegistry(Path file, LineLog log) {
        this.file = file;
        this.log = log;
    }

    /**
     * Opens (or creates) the registry file.
     *
     * @param file the file
     * @return the registry with every record the file holds
     * @throws StorageException when the file cannot be read or is damaged
     */
    public static FileConsentRegistry open(Path file) {
        Arguments.notNull(file, "file");
        LineLog log = LineLog.open(file);
        FileConsentRegistry registry = new FileConsentRegistry(file, log);
        int line = 0;
        try {
            for (String text : log.records()) {
                line++;
                registry.replay(fromJson(text));
            }
        } catch (RbException | JsonProcessingException | DateTimeParseException | IllegalArgumentException e) {
            log.close();
            throw new StorageException(
                    CoreError.STORAGE_CORRUPT,
                    file + ": record " + line + " is not a valid consent record: " + e.getMessage(),
                    e);
        }
        return registry;
    }

    @Override
    public synchronized void record(ConsentRecord record) {
        Arguments.notNull(record, "record");
        log.append(toJson(record));
        super.record(record);
    }

    @Override
    public void close() {
        log.close();
    }

    @Override
    public String toString() {
        return "FileConsentRegistry[" + file + "]";
    }

    private void replay(ConsentRecord record) {
        super.record(record);
    }

    private static String toJson(ConsentRecord r) {
        ObjectNode node = JSON.createObjectNode()
                .put("customer", r.customer().value())
                .put("purpose", r.purpose().code())
                .put("state", r.state().name().toLowerCase(Locale.ROOT))
                .put("at", r.at().toString())
                .put("channel", r.channel().code())
                .put("evidence", r.evidence());
        return node.toString();
    }

    private static ConsentRecord fromJson(String text) throws JsonProcessingException {
        JsonNode node = JSON.readTree(text);
        return new ConsentRecord(
                CustomerId.of(field(node, "customer")),
                ConsentPurpose.of(field(node, "purpose")),
                ConsentState.valueOf(field(node, "state").toUpperCase(Locale.ROOT)),
                Instant.parse(field(node, "at")),
                ContactChannel.parse(field(node, "channel")),
                field(node, "evidence"));
    }

    private static String field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("missing text field '" + name + "'");
        }
        return value.asText();
    }
}
