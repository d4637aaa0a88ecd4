package io.remotebank.examples.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.core.audit.AuditReader;
import io.remotebank.core.audit.AuditStores;
import io.remotebank.core.audit.AuditVerification;
import io.remotebank.core.audit.AuditVerifier;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.FieldEncryption;
import io.remotebank.core.crypto.KeyProviders;
import io.remotebank.core.spi.AuditStore;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.examples.cli.Json;
import io.remotebank.examples.cli.OutputOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rb audit show DIR}: lists events, personal data masked. */
@API(status = EXPERIMENTAL, since = "0.1")
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = {
            "List the events of an audit trail. Personal data is stored encrypted: with the keystore's",
            "password it is shown masked (or unmasked with --unmasked); without it, as <encrypted KIND>;",
            "once a customer's key is destroyed (crypto-shredding), as <erased>. The trail is verified",
            "first: an event that no signed checkpoint vouches for (after the last one, or anywhere when",
            "the trail fails verification from some record on) is marked [not anchored], with a warning."
        })
public final class AuditShowCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The trail's directory.")
    Path directory;

    @Option(names = "--from", defaultValue = "0", description = "The first sequence number. Default: ${DEFAULT-VALUE}.")
    long from;

    @Option(
            names = "--limit",
            defaultValue = "100",
            description = "At most this many events, 1 to 100000. Default: ${DEFAULT-VALUE}.")
    int limit;

    @Mixin
    TrailFiles.PasswordOptions password = new TrailFiles.PasswordOptions();

    @Mixin
    TrailFiles.KeyOptions key = new TrailFiles.KeyOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Spec
    CommandSpec spec;

    /** For picocli. */
    public AuditShowCommand() {}

    @Override
    public Integer call() throws IOException {
        if (limit < 1 || limit > 100_000) {
            throw new ParameterException(spec.commandLine(), "--limit must be 1 to 100000, got " + limit);
        }
        Optional<FieldEncryption> fields = password.resolve(System::getenv).map(secret -> {
            var keys = KeyProviders.keystore(TrailFiles.keystore(directory)).open(secret.reveal());
            // The suite only decides new fields; existing ones name their own algorithm.
            return FieldEncryption.create(keys, CryptoSuite.international());
        });
        if (fields.isEmpty() && Files.isDirectory(TrailFiles.keystore(directory))) {
            spec.commandLine()
                    .getErr()
                    .println("rb audit show: personal data stays encrypted; give --keystore-password-file"
                            + " or --keystore-password-env to see it masked");
        }
        PrintWriter err = spec.commandLine().getErr();
        try (AuditStore store = AuditStores.directoryReadOnly(directory)) {
            long size = store.size();
            if (from < 0 || from > size) {
                throw new ParameterException(spec.commandLine(), "--from must be 0 to " + size + ", got " + from);
            }
            long vouched = vouchedFor(store, err);
            List<ObjectNode> events = parse(AuditReader.of(store, fields).readJson(from, limit, output.unmasked()));
            events.forEach(event -> event.put("anchored", event.path("seq").asLong() < vouched));
            long unvouched =
                    events.stream().filter(e -> !e.get("anchored").asBoolean()).count();
            if (unvouched > 0) {
                err.println("rb audit show: WARNING: " + unvouched + " of the events shown (from record "
                        + Math.max(from, vouched) + " on) are not vouched for by any signed checkpoint: anyone who"
                        + " can write the trail's files could have written or changed them");
            }
            PrintWriter out = spec.commandLine().getOut();
            if (output.json()) {
                ObjectNode json =
                        Json.object().put("total", size).put("from", from).put("anchoredSize", vouched);
                ArrayNode array = json.putArray("events");
                events.forEach(array::add);
                out.println(Json.document(json));
            } else {
                events.forEach(event -> out.println(line(event)));
                out.println("(" + events.size() + " of " + size + " events, from " + from + "; "
                        + (vouched >= size ? "all" : "the first " + vouched) + " under a signed checkpoint)");
            }
        }
        return ExitCodes.OK;
    }

    /**
     * How many records, from the first, a signed checkpoint vouches for: the verifier's anchored
     * size, or 0 without a key to check signatures with. Warns about what it cannot vouch for.
     */
    private long vouchedFor(AuditStore store, PrintWriter err) throws IOException {
        TrailFiles.TrustedKey trusted;
        try {
            trusted = key.resolve(directory, err, "rb audit show");
        } catch (IOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                err.println("rb audit show: WARNING: " + e.getMessage() + "; no event can be vouched for");
                return 0;
            }
            throw e;
        }
        AuditVerification result =
                AuditVerifier.trusting(trusted.key()).acceptingUnanchoredTail().verify(store);
        if (!result.passed()) {
            err.println("rb audit show: WARNING: the trail does not verify ("
                    + result.problems().size()
                    + " problem(s), the first: " + result.problems().get(0).message() + "); run rb audit verify "
                    + directory);
        }
        return result.anchoredSize();
    }

    private static List<ObjectNode> parse(List<String> events) {
        ObjectMapper mapper = new ObjectMapper();
        return events.stream()
                .map(text -> {
                    try {
                        return (ObjectNode) mapper.readTree(text);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("the reader produced invalid JSON", e);
                    }
                })
                .toList();
    }

    private static String line(ObjectNode event) {
        StringBuilder s = new StringBuilder();
        if (!event.path("anchored").asBoolean()) {
            s.append("[not anchored] ");
        }
        s.append('#')
                .append(event.path("seq").asLong())
                .append(' ')
                .append(event.path("time").asText())
                .append(' ');
        JsonNode actor = event.path("actor");
        s.append(actor.path("type").asText())
                .append(':')
                .append(actor.path("id").asText())
                .append(' ');
        s.append(event.path("action").asText());
        if (event.has("subject")) {
            s.append(" subject=").append(event.get("subject").asText());
        }
        s.append(' ').append(Json.line(event.path("details")));
        return s.toString();
    }
}
