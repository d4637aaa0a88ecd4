package io.remotebank.examples.smpp;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.channels.Address;
import io.remotebank.channels.Category;
import io.remotebank.channels.InboundMessage;
import io.remotebank.channels.MessageId;
import io.remotebank.channels.smpp.SmppClientConfig;
import io.remotebank.channels.smpp.SmppProvider;
import io.remotebank.channels.smpp.SmppStatistics;
import io.remotebank.channels.spi.DeliveryReport;
import io.remotebank.channels.spi.ProviderContent;
import io.remotebank.channels.spi.ProviderContext;
import io.remotebank.channels.spi.Submission;
import io.remotebank.channels.spi.SubmitResult;
import io.remotebank.core.ValidationException;
import io.remotebank.core.pii.Mask;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.examples.cli.Json;
import io.remotebank.examples.cli.OutputOptions;
import io.remotebank.examples.cli.Secret;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rb sms-send}: sends SMS through an SMSC with rb-channels' SMPP client and reports. */
@API(status = EXPERIMENTAL, since = "0.1")
@Command(
        name = "sms-send",
        mixinStandardHelpOptions = true,
        description = {
            "Bind to an SMSC over SMPP 3.4 and send a text, once or --count times (at most --rate per second),",
            "then print how many were sent, acknowledged (submit_sm_resp ESME_ROK), failed, the delivery",
            "receipts received and the rate. Exits with 1 when any message failed, 3 when the SMSC was not",
            "reachable. The password is never printed; the number is masked unless --unmasked."
        })
public final class SmsSendCommand implements Callable<Integer> {

    @Option(names = "--smsc", required = true, paramLabel = "HOST:PORT", description = "The SMSC.")
    String smsc;

    @Option(names = "--system-id", required = true, paramLabel = "ID", description = "The system id to bind with.")
    String systemId;

    @Option(
            names = "--password",
            paramLabel = "PW",
            description = "The password (prefer --password-file or --password-env).")
    String password;

    @Option(names = "--password-file", paramLabel = "F", description = "A file holding the password.")
    Path passwordFile;

    @Option(names = "--password-env", paramLabel = "VAR", description = "An environment variable holding the password.")
    String passwordEnv;

    @Option(names = "--to", required = true, paramLabel = "NUMBER", description = "The recipient's phone number.")
    String to;

    @Option(names = "--text", required = true, paramLabel = "TEXT", description = "The text (long texts are split).")
    String text;

    @Option(names = "--count", paramLabel = "N", description = "How many times to send it (default ${DEFAULT-VALUE}).")
    int count = 1;

    @Option(names = "--rate", paramLabel = "R", description = "At most R messages per second (default: no limit).")
    double rate;

    @Option(names = "--window", paramLabel = "W", description = "The send window (default ${DEFAULT-VALUE}).")
    int window = 64;

    @Option(
            names = "--receipt-wait-ms",
            paramLabel = "MS",
            description = "How long to wait for delivery receipts after the last answer (default ${DEFAULT-VALUE}).")
    long receiptWaitMs = 2000;

    @Option(
            names = "--timeout-s",
            paramLabel = "S",
            description = "How long the whole run may take (default ${DEFAULT-VALUE}).")
    long timeoutSeconds = 300;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Spec
    CommandSpec spec;

    /** For picocli. */
    public SmsSendCommand() {}

    @Override
    public Integer call() throws Exception {
        int colon = smsc.lastIndexOf(':');
        int port;
        try {
            port = colon > 0 ? Integer.parseInt(smsc.substring(colon + 1)) : -1;
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--smsc expects HOST:PORT, got '" + smsc + "'");
        }
        if (count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1");
        }
        Address.Msisdn recipient;
        try {
            recipient = Address.Msisdn.of(to);
        } catch (ValidationException e) {
            throw new ParameterException(spec.commandLine(), "--to: " + e.getMessage());
        }
        Secret secret;
        try {
            secret = Secret.resolve("--password", password, passwordFile, passwordEnv, System::getenv)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "give the password with --password, --password-file or --password-env"));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        char[] pw = secret.reveal();
        SmppClientConfig config;
        try {
            SmppClientConfig.Builder b = SmppClientConfig.builder(smsc.substring(0, colon), port)
                    .name("rb-sms-send")
                    .credentials(systemId, pw)
                    .windowSize(window)
                    .reconnectDelay(Duration.ofMillis(200), Duration.ofSeconds(5))
                    .submitTimeout(Duration.ofSeconds(timeoutSeconds));
            if (rate > 0) {
                b.maxRate(rate, 1);
            }
            config = b.build();
        } catch (ValidationException | io.remotebank.channels.smpp.SmppException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } finally {
            Arrays.fill(pw, '\0');
        }
        return send(config, recipient);
    }

    private int send(SmppClientConfig config, Address.Msisdn recipient) throws Exception {
        AtomicLong receipts = new AtomicLong();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (SmppProvider provider = SmppProvider.create(config)) {
            provider.start(new ProviderContext() {
                @Override
                public void report(DeliveryReport report) {
                    receipts.incrementAndGet();
                }

                @Override
                public void receive(InboundMessage message) {}

                @Override
                public Clock clock() {
                    return Clock.systemUTC();
                }
            });
            try {
                provider.bound().toCompletableFuture().get(Math.min(timeoutSeconds, 30), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                err.println("sms-send: could not bind to " + smsc + " as " + systemId);
                return ExitCodes.RUNTIME_ERROR;
            }
            long start = System.nanoTime();
            CompletableFuture<?>[] answers = new CompletableFuture<?>[count];
            for (int i = 0; i < count; i++) {
                Submission s = new Submission(
                        MessageId.random(),
                        recipient,
                        Category.NOTIFICATION,
                        new ProviderContent.Text(text),
                        1,
                        Optional.empty());
                answers[i] = provider.submit(s).toCompletableFuture();
            }
            CompletableFuture.allOf(answers).get(timeoutSeconds, TimeUnit.SECONDS);
            long elapsed = System.nanoTime() - start;
            long acknowledged = 0;
            for (CompletableFuture<?> a : answers) {
                if (a.join() instanceof SubmitResult.Submitted) {
                    acknowledged++;
                }
            }
            long waitUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(receiptWaitMs);
            while (receipts.get() < acknowledged && System.nanoTime() < waitUntil) {
                Thread.sleep(10);
            }
            SmppStatistics stats = provider.statistics();
            double perSecond = count / (elapsed / 1e9);
            String shown = output.unmasked()
                    ? recipient.number().e164()
                    : Mask.phone(recipient.number().e164());
            long failed = count - acknowledged;
            if (output.json()) {
                ObjectNode json = Json.object()
                        .put("smsc", smsc)
                        .put("to", shown)
                        .put("sent", count)
                        .put("acknowledged", acknowledged)
                        .put("failed", failed)
                        .put("receipts", receipts.get())
                        .put("segments", stats.segmentsSent())
                        .put("resent", stats.resent())
                        .put("elapsedMs", TimeUnit.NANOSECONDS.toMillis(elapsed))
                        .put("ratePerSecond", Math.round(perSecond * 10) / 10.0);
                out.println(Json.document(json));
            } else {
                out.printf(
                        Locale.ROOT,
                        "sms-send to %s via %s: sent %d, acknowledged %d, failed %d, receipts %d, %.1f messages/s%n",
                        shown,
                        smsc,
                        count,
                        acknowledged,
                        failed,
                        receipts.get(),
                        perSecond);
            }
            out.flush();
            return failed == 0 ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        }
    }
}
