package io.remotebank.examples.smpp;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.smpp.DeliveryReceipt;
import io.remotebank.channels.smpp.pdu.CommandStatus;
import io.remotebank.channels.smpp.simulator.SmscSimulator;
import io.remotebank.examples.cli.ServerCommand;
import java.time.Duration;
import java.util.Map;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rb smsc-sim}: runs rb-channels' SMSC simulator until interrupted. */
@API(status = EXPERIMENTAL, since = "0.1")
@Command(
        name = "smsc-sim",
        mixinStandardHelpOptions = true,
        description = {
            "Run an SMPP 3.4 SMSC simulator (any credentials bind; delivery receipts on request) until",
            "SIGINT or SIGTERM. With --json, prints a ready and a stopped event as JSON lines."
        })
public final class SmscSimCommand extends ServerCommand {

    @Option(
            names = "--port",
            paramLabel = "P",
            description = "The TCP port (0: any free one; default ${DEFAULT-VALUE}).")
    int port = 2775;

    @Option(names = "--host", paramLabel = "HOST", description = "The address to listen on (default ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = "--latency-ms", paramLabel = "MS", description = "Delay before each answer (default 0).")
    long latencyMs;

    @Option(
            names = "--error-rate",
            paramLabel = "R",
            description = "Share of submissions refused with ESME_RSYSERR, 0-1.")
    double errorRate;

    @Option(
            names = "--throttle-rate",
            paramLabel = "R",
            description = "Share of submissions refused with ESME_RTHROTTLED, 0-1.")
    double throttleRate;

    @Option(
            names = "--drop-every",
            paramLabel = "N",
            description = "Drop the connection on every N-th submit_sm (0: never).")
    int dropEvery;

    @Option(names = "--no-receipts", description = "Send no delivery receipts.")
    boolean noReceipts;

    @Option(
            names = "--receipt-delay-ms",
            paramLabel = "MS",
            description = "Delay before each delivery receipt (default 0).")
    long receiptDelayMs;

    /** For picocli. */
    public SmscSimCommand() {}

    @Override
    protected RunningServer start() {
        SmscSimulator smsc = SmscSimulator.builder()
                .listen(host, port)
                .latency(Duration.ofMillis(latencyMs))
                .errorRate(errorRate, CommandStatus.ESME_RSYSERR)
                .throttleRate(throttleRate)
                .dropEvery(dropEvery)
                .receipts(!noReceipts, Duration.ofMillis(receiptDelayMs), DeliveryReceipt.State.DELIVERED)
                .recordLimit(0)
                .build()
                .start();
        return new RunningServer() {
            @Override
            public Map<String, Integer> ports() {
                return Map.of("smpp", smsc.port());
            }

            @Override
            public void close() {
                smsc.close();
            }
        };
    }
}
