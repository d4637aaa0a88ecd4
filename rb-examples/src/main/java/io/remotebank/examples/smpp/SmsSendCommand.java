package io.remotebank.examples.smpp;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.channels.Address;
import io.remotebank.channels.Category;
import io.remotebank.channels.InboundMessage;
import io.remotebank.channels.MessageId;
import io.remotebank.channels.smpp.SmppClientConfig;
import io.remotebank.channels.smpp.SmppError;
import io.remotebank.channels.smpp.SmppProvider;
import io.remotebank.channels.smpp.SmppStatistics;
import io.remotebank.channels.spi.DeliveryReport;
import io.remotebank.channels.spi.ProviderContent;
import io.remotebank.channels.spi.ProviderContext;
import io.remotebank.channels.spi.Submission;
import io.remotebank.channels.spi.SubmitResult;
import io.remotebank.core.ValidationException;
import io.remotebank.core.pii.Mask;
import io.remotebank.core.time.Clocks;
import io.remotebank.core.time.Ticker;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.examples.cli.Json;
import io.remotebank.examples.cli.OutputOptions;
import io.remotebank.examples.cli.Secret;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
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
            "receipts received and the rate. --timeout-s bounds the whole run. Exits with 1 when any message",
            "failed or had no answer in time, 3 when the SMSC was not reachable or refused the bind (a refused",
            "password is not retried). The password is never printed; the number is masked unless --unmasked."
        })
public final class SmsSendCommand implements Callable<Integer> {

    /** The command measures real time against a real peer: the JVM's ticker, through rb-core. */
    private final Ticker ticker = Ticker.system();

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

    /** The longest wait for the bind, even with a longer --timeout-s. */
    private static final long MAX_BIND_WAIT_S = 30;

    /** How long the SMSC may take to answer unbind once the run is over. */
    private static final Duration UNBIND_WAIT = Duration.ofSeconds(1);

    @Spec
    CommandSpec spec;

    /** For picocli. */
    public SmsSendCommand() {}

    @Override
    public Integer call() throws InterruptedException {
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
        if (timeoutSeconds < 1 || timeoutSeconds > 86_400) {
            throw new ParameterException(spec.commandLine(), "--timeout-s must be 1-86400, got " + timeoutSeconds);
        }
        if (receiptWaitMs < 0) {
            throw new ParameterException(spec.commandLine(), "--receipt-wait-ms must not be negative");
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

    private int send(SmppClientConfig config, Address.Msisdn recipient) throws InterruptedException {
        // --timeout-s bounds the whole run: every wait below ends at this deadline, and the close
        // after it waits at most UNBIND_WAIT for the SMSC, whatever the SMSC does.
        long start = ticker.read();
        long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        Semaphore receipts = new Semaphore(0);
        AtomicLong receiptCount = new AtomicLong();
        PrintWriter err = spec.commandLine().getErr();
        SmppProvider provider = SmppProvider.create(config);
        Run run;
        try {
            provider.start(new ProviderContext() {
                @Override
                public void report(DeliveryReport report) {
                    receiptCount.incrementAndGet();
                    receipts.release();
                }

                @Override
                public void receive(InboundMessage message) {}

                @Override
                public Clock clock() {
                    return Clocks.system();
                }
            });
            Optional<String> notBound =
                    awaitBind(provider, Math.min(deadline, start + TimeUnit.SECONDS.toNanos(MAX_BIND_WAIT_S)));
            if (notBound.isPresent()) {
                err.println("sms-send: " + notBound.get());
                return ExitCodes.RUNTIME_ERROR;
            }
            run = submitAll(provider, recipient, deadline);
            long waitUntil = Math.min(deadline, ticker.read() + TimeUnit.MILLISECONDS.toNanos(receiptWaitMs));
            if (run.acknowledged() > 0) {
                receipts.tryAcquire(
                        (int) Math.min(run.acknowledged(), Integer.MAX_VALUE),
                        Math.max(0, waitUntil - ticker.read()),
                        TimeUnit.NANOSECONDS);
            }
        } finally {
            // Fails what is still unanswered, each with its submit_sm's sequence number.
            provider.close(UNBIND_WAIT);
        }
        return report(provider, run, recipient, receiptCount.get());
    }

    /** Waits for the first bind; the reason it did not happen, if it did not. */
    private Optional<String> awaitBind(SmppProvider provider, long until) throws InterruptedException {
        try {
            provider.bound().toCompletableFuture().get(Math.max(0, until - ticker.read()), TimeUnit.NANOSECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            // The SMSC refused for good (channels.smpp.bind.refused): the message says with what.
            return Optional.of(e.getCause().getMessage());
        } catch (TimeoutException e) {
            String why = provider.lastBindFailure()
                    .map(Exception::getMessage)
                    .orElse(SmppError.NOT_BOUND.code()
                            + ": no answer yet (the TCP connection or the bind was still under way)");
            return Optional.of("could not bind to " + smsc + " as " + systemId + " within "
                    + Math.min(timeoutSeconds, MAX_BIND_WAIT_S) + " s: " + why);
        }
    }

    /** What the run did: the answers, and those still unanswered at the deadline. */
    private record Run(
            List<CompletableFuture<SubmitResult>> answers,
            List<CompletableFuture<SubmitResult>> late,
            long elapsedNanos) {
        long acknowledged() {
            return answers.stream().filter(Run::submitted).count();
        }

        /** Unanswered at the deadline and not acknowledged since (the close fails them, with a reason). */
        List<CompletableFuture<SubmitResult>> timedOut() {
            return late.stream().filter(a -> !submitted(a)).toList();
        }

        private static boolean submitted(CompletableFuture<SubmitResult> a) {
            return a.getNow(null) instanceof SubmitResult.Submitted;
        }
    }

    private Run submitAll(SmppProvider provider, Address.Msisdn recipient, long deadline) throws InterruptedException {
        long start = ticker.read();
        List<CompletableFuture<SubmitResult>> answers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Submission s = new Submission(
                    MessageId.random(),
                    recipient,
                    Category.NOTIFICATION,
                    new ProviderContent.Text(text),
                    1,
                    Optional.empty());
            answers.add(provider.submit(s).toCompletableFuture());
        }
        try {
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                    .get(Math.max(0, deadline - ticker.read()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // Reported below, message by message.
        } catch (ExecutionException e) {
            // A provider's stage never fails (a failure is a SubmitResult); nothing to add.
        }
        long elapsed = ticker.read() - start;
        return new Run(answers, answers.stream().filter(a -> !a.isDone()).toList(), elapsed);
    }

    private int report(SmppProvider provider, Run run, Address.Msisdn recipient, long receipts) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long acknowledged = run.acknowledged();
        long failed = count - acknowledged;
        List<CompletableFuture<SubmitResult>> timedOut = run.timedOut();
        Optional<String> firstFailure = (timedOut.isEmpty() ? run.answers() : timedOut)
                .stream()
                        .map(a -> a.getNow(null))
                        .map(SmsSendCommand::failureReason)
                        .flatMap(Optional::stream)
                        .findFirst();
        if (!timedOut.isEmpty()) {
            err.println("sms-send: " + SmppError.SUBMIT_TIMEOUT.code() + ": " + timedOut.size() + " of " + count
                    + " messages had no answer within --timeout-s " + timeoutSeconds
                    + firstFailure.map(f -> "; the first: " + f).orElse(""));
        } else if (failed > 0) {
            err.println("sms-send: " + failed + " of " + count + " messages failed"
                    + firstFailure.map(f -> "; the first: " + f).orElse(""));
        }
        SmppStatistics stats = provider.statistics();
        double perSecond = count / Math.max(run.elapsedNanos() / 1e9, 1e-9);
        String shown = output.unmasked()
                ? recipient.number().e164()
                : Mask.phone(recipient.number().e164());
        if (output.json()) {
            ObjectNode json = Json.object()
                    .put("smsc", smsc)
                    .put("to", shown)
                    .put("sent", count)
                    .put("acknowledged", acknowledged)
                    .put("failed", failed)
                    .put("timedOut", timedOut.size())
                    .put("receipts", receipts)
                    .put("segments", stats.segmentsSent())
                    .put("resent", stats.resent())
                    .put("elapsedMs", TimeUnit.NANOSECONDS.toMillis(run.elapsedNanos()))
                    .put("ratePerSecond", Math.round(perSecond * 10) / 10.0);
            firstFailure.ifPresent(f -> json.put("firstFailure", f));
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
                    receipts,
                    perSecond);
        }
        out.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private static Optional<String> failureReason(SubmitResult r) {
        if (r instanceof SubmitResult.TemporaryFailure t) {
            return Optional.of(t.reason());
        }
        if (r instanceof SubmitResult.PermanentFailure p) {
            return Optional.of(p.reason());
        }
        return Optional.empty();
    }
}
