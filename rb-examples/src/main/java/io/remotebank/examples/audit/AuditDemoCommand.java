package io.remotebank.examples.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.core.AgentId;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.CorrelationId;
import io.remotebank.core.CustomerId;
import io.remotebank.core.PhoneNumber;
import io.remotebank.core.audit.Actor;
import io.remotebank.core.audit.AuditEvent;
import io.remotebank.core.audit.AuditStores;
import io.remotebank.core.audit.AuditTrail;
import io.remotebank.core.audit.Checkpoint;
import io.remotebank.core.audit.CheckpointWitnesses;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.FieldEncryption;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.crypto.KeyProviders;
import io.remotebank.core.pii.PiiKind;
import io.remotebank.core.pii.Sensitive;
import io.remotebank.core.spi.KeyProvider;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.examples.cli.Json;
import io.remotebank.examples.cli.OutputOptions;
import io.remotebank.examples.cli.Secret;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rb audit demo DIR}: writes a small trail of varied events and the signer's public key. */
@API(status = EXPERIMENTAL, since = "0.1")
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Write a small audit trail of varied events into DIR (an empty or new directory):",
            "segments/ and checkpoints.log (the trail), keys/ (the keystore with the signer and the",
            "customers' data keys), and signer.pem (the signer's public key). With --witness FILE, every",
            "checkpoint is also published to that witness file (put it where the trail's writer cannot",
            "rewrite it), for rb audit verify --witness FILE."
        })
public final class AuditDemoCommand implements Callable<Integer> {

    /** The keystore password used when none is given: for demos only. */
    static final String DEMO_PASSWORD = "rb-demo-password";

    static final KeyId SIGNER = KeyId.of("audit/signer");

    @Parameters(index = "0", paramLabel = "DIR", description = "Where to write the trail.")
    Path directory;

    @Option(
            names = "--suite",
            defaultValue = "INTERNATIONAL",
            description = "INTERNATIONAL (SHA-256, ECDSA P-256) or SM (SM3, SM2). Default: ${DEFAULT-VALUE}.")
    String suiteName;

    @Option(
            names = "--events",
            defaultValue = "60",
            description = "How many events to write, 1 to 1000000. Default: ${DEFAULT-VALUE}.")
    int events;

    @Option(
            names = "--witness",
            paramLabel = "FILE",
            description = "Also publish every checkpoint to this witness file (created when missing).")
    Path witness;

    @Mixin
    TrailFiles.PasswordOptions password = new TrailFiles.PasswordOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Spec
    CommandSpec spec;

    /** For picocli. */
    public AuditDemoCommand() {}

    @Override
    public Integer call() throws IOException {
        if (events < 1 || events > 1_000_000) {
            throw new ParameterException(spec.commandLine(), "--events must be 1 to 1000000, got " + events);
        }
        CryptoSuite suite;
        try {
            suite = CryptoSuite.named(suiteName);
        } catch (RuntimeException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (Files.isDirectory(directory)) {
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    throw new ParameterException(
                            spec.commandLine(),
                            directory + " is not empty; the demo writes into an empty or new directory");
                }
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        char[] secret = password(err);
        KeyProvider keys = KeyProviders.keystore(TrailFiles.keystore(directory))
                .protection(suite)
                .open(secret);
        keys.generate(SIGNER, suite.signingKeyType());
        Files.writeString(
                TrailFiles.signerPem(directory), keys.publicKey(SIGNER).toPem());

        AuditTrail.Builder builder = AuditTrail.builder(AuditStores.directory(directory))
                .suite(suite)
                .signer(keys, SIGNER)
                .fieldEncryption(FieldEncryption.create(keys, suite))
                .checkpointEvery(Math.max(1, Math.min(1000, events / 4)));
        if (witness != null) {
            builder.witness(CheckpointWitnesses.file(witness));
        }
        AuditTrail trail = builder.open();
        Checkpoint last;
        try {
            Instant start = Instant.parse("2026-11-28T09:00:00Z");
            for (int i = 0; i < events; i++) {
                trail.append(event(i, start.plusSeconds(37L * i)));
                if (events >= 10_000 && i % 10_000 == 0 && i > 0) {
                    err.println("rb audit demo: " + i + " events written");
                }
            }
        } finally {
            trail.close(); // writes the last events and signs the final checkpoint
        }
        last = trail.latestCheckpoint().orElseThrow();
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            ObjectNode json = Json.object()
                    .put("directory", directory.toString())
                    .put("events", events)
                    .put("hash", suite.digestAlgorithm())
                    .put("root", last.root())
                    .put("publicKey", TrailFiles.signerPem(directory).toString());
            if (witness != null) {
                json.put("witness", witness.toString());
            }
            out.println(Json.document(json));
        } else {
            out.println("Wrote " + events + " audit events to " + directory + " (" + suite.digestAlgorithm() + ", "
                    + suite.signatureAlgorithm() + ")");
            out.println("Root " + last.root() + " signed at size " + last.size());
            out.println("Signer's public key: " + TrailFiles.signerPem(directory));
            if (witness != null) {
                out.println("Witness: " + witness + " (latest witnessed checkpoint at size "
                        + trail.latestWitnessed()
                                .map(c -> Long.toString(c.size()))
                                .orElse("none") + ")");
            }
            out.println("Next: rb audit verify " + directory + "   |   rb audit show " + directory);
        }
        return ExitCodes.OK;
    }

    private char[] password(PrintWriter err) {
        return password.resolve(System::getenv).map(Secret::reveal).orElseGet(() -> {
            err.println("rb audit demo: no --keystore-password given; the keystore uses the demo password"
                    + " (fine for a demo, never for real keys)");
            return DEMO_PASSWORD.toCharArray();
        });
    }

    /** The i-th event of a remote bank's morning. */
    static AuditEvent event(int i, Instant time) {
        CustomerId customer = CustomerId.of("C" + (10_001 + i % 9));
        CorrelationId session = CorrelationId.of("session-" + (100_000 + i / 3));
        AgentId agent = new AgentId("A" + (7 + i % 4));
        return switch (i % 6) {
            case 0 ->
                AuditEvent.builder("identity.flow.decided", Actor.system("kyc-engine"))
                        .time(time)
                        .subject(customer)
                        .correlation(session)
                        .detail("decision", i % 12 == 0 ? "approved" : "referred-to-review")
                        .detail("faceMatchScore", 0.9 + (i % 10) / 100.0)
                        .detail("idNumber", Sensitive.of("11010519491231002X", PiiKind.ID_NUMBER))
                        .detail("name", Sensitive.of("张三", PiiKind.NAME))
                        .build();
            case 1 ->
                AuditEvent.builder("channels.message.suppressed", Actor.system("contact-policy"))
                        .time(time)
                        .subject(customer)
                        .correlation(session)
                        .detail("channel", ContactChannel.SMS)
                        .detail("category", "marketing")
                        .detail("reason", "quiet-hours")
                        .detail("to", PhoneNumber.parse("13812345678"))
                        .build();
            case 2 ->
                AuditEvent.builder("routing.contact.assigned", Actor.system("routing-engine"))
                        .time(time)
                        .subject(customer)
                        .correlation(session)
                        .detail("queue", "video-account-opening")
                        .detail("agent", agent)
                        .detail("waitedSeconds", 8 + i % 40)
                        .detail("skills", List.of("kyc", "mandarin"))
                        .build();
            case 3 ->
                AuditEvent.builder("core.consent.recorded", Actor.customer(customer))
                        .time(time)
                        .subject(customer)
                        .detail("purpose", "marketing.sms")
                        .detail("state", i % 4 == 3 ? "withdrawn" : "granted")
                        .detail("evidence", "app-consent-log:" + (7000 + i))
                        .build();
            case 4 ->
                AuditEvent.builder("signaling.recording.started", Actor.agent(agent))
                        .time(time)
                        .subject(customer)
                        .correlation(session)
                        .detail("kind", "dual-recording")
                        .detail("product", "wealth-fund-R3")
                        .detail("media", Map.of("audio", true, "video", true))
                        .build();
            default ->
                AuditEvent.builder("routing.override.applied", Actor.agent(new AgentId("SUP1")))
                        .time(time)
                        .subject(customer)
                        .correlation(session)
                        .detail("from", "queue:general")
                        .detail("to", "agent:" + agent.value())
                        .detail("reason", "relationship-manager")
                        .build();
        };
    }
}
