package io.remotebank.examples.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.remotebank.channels.Address;
import io.remotebank.channels.Category;
import io.remotebank.channels.InboundMessage;
import io.remotebank.channels.MessageId;
import io.remotebank.channels.smpp.SmppClientConfig;
import io.remotebank.channels.smpp.SmppProvider;
import io.remotebank.channels.spi.DeliveryReport;
import io.remotebank.channels.spi.ProviderContent;
import io.remotebank.channels.spi.ProviderContext;
import io.remotebank.channels.spi.Submission;
import io.remotebank.channels.spi.SubmitResult;
import io.remotebank.examples.cli.ExitCodes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The security tester's runs, as he ran them ({@code -Psoak}): {@code rb sms-send} with 256 MB of
 * heap against an SMSC that floods it for the whole of {@code --timeout-s 15} and never reads (his
 * run: 1.1-2.4 GB queued, an OutOfMemoryError and exit 1 after 32.7 s), and {@code rb smsc-sim} with
 * 256 MB against an ESME that floods it for 20 s (3.3 GB). Each runs the shaded jar that {@code ./rb}
 * runs, in a JVM of its own.
 */
class SmppFloodSoakIT {

    /** What a side that stops reading lets through: the kernel's socket buffers and one read's answers. */
    private static final long BOUND = 64L * 1024 * 1024;

    /** After --timeout-s: the unbind wait (1 s), the provider's shutdown and the JVM's exit. */
    private static final long GRACE_S = 30;

    private static List<String> java256(String... rbArgs) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:MaxDirectMemorySize=256m",
                "-jar",
                Path.of(System.getProperty("rb.root"), "rb-examples", "target", "rb.jar")
                        .toString()));
        command.addAll(List.of(rbArgs));
        return command;
    }

    private static CompletableFuture<String> slurp(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(
            value = HostileSmsc.After.class,
            names = {"FLOOD_ENQUIRE_LINK", "FLOOD_DELIVER_SM"})
    void smsSend_with256Mb_floodedForItsWholeTimeout_endsInTime_andReports(HostileSmsc.After flood) throws Exception {
        try (HostileSmsc smsc = HostileSmsc.start(flood)) {
            Process run = new ProcessBuilder(java256(
                            "sms-send",
                            "--smsc",
                            "127.0.0.1:" + smsc.port(),
                            "--system-id",
                            "bank",
                            "--password",
                            "pw",
                            "--to",
                            "13812345678",
                            "--text",
                            "hi",
                            "--timeout-s",
                            "15",
                            "--json"))
                    .start();
            CompletableFuture<String> out = slurp(run.getInputStream());
            CompletableFuture<String> err = slurp(run.getErrorStream());

            assertThat(run.waitFor(15 + GRACE_S, TimeUnit.SECONDS))
                    .as("rb sms-send ended")
                    .isTrue();
            String stderr = err.join();
            assertThat(stderr).doesNotContain("OutOfMemoryError");
            assertThat(run.exitValue()).as(stderr).isEqualTo(ExitCodes.CHECK_FAILED);
            JsonNode json = new ObjectMapper().readTree(out.join());
            assertThat(json.get("timedOut").asInt()).isEqualTo(1);
            assertThat(stderr).contains("channels.smpp.submit.timeout");
            assertThat(smsc.written())
                    .as("the client stopped reading the flood")
                    .isLessThan(BOUND);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void smscSim_with256Mb_floodedForTwentySeconds_keepsServingOthers(boolean submitSm) throws Exception {
        Process sim = new ProcessBuilder(java256("smsc-sim", "--port", "0", "--json")).start();
        CompletableFuture<String> err = slurp(sim.getErrorStream());
        BufferedReader events = new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8));
        try {
            JsonNode ready = new ObjectMapper().readTree(events.readLine());
            int port = ready.get("ports").get("smpp").asInt();

            try (HostileEsme esme = HostileEsme.flood(port, submitSm)) {
                // The attack lasts 20 s, as the tester's did; nothing is awaited but the time.
                CountDownLatch never = new CountDownLatch(1);
                assertThat(never.await(20, TimeUnit.SECONDS)).isFalse();
                assertThat(sim.isAlive()).as("the simulator survived the flood").isTrue();
                assertThat(esme.written())
                        .as("the simulator stopped reading the flood")
                        .isLessThan(BOUND);
                assertThat(sendTen(port)).allSatisfy(r -> assertThat(r).isInstanceOf(SubmitResult.Submitted.class));
            }
        } finally {
            sim.toHandle().destroy(); // SIGTERM, a graceful stop (Process.destroy would close its output too)
            assertThat(sim.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        List<String> rest = events.lines().toList();
        assertThat(rest).anySatisfy(line -> assertThat(line).contains("\"event\":\"stopped\""));
        assertThat(err.join()).doesNotContain("OutOfMemoryError");
    }

    private static List<SubmitResult> sendTen(int port) throws Exception {
        try (SmppProvider provider = SmppProvider.create(SmppClientConfig.builder("127.0.0.1", port)
                .credentials("bank", "secret".toCharArray())
                .build())) {
            provider.start(new ProviderContext() {
                @Override
                public void report(DeliveryReport report) {}

                @Override
                public void receive(InboundMessage message) {}

                @Override
                public Clock clock() {
                    return Clock.systemUTC();
                }
            });
            provider.bound().toCompletableFuture().get(30, TimeUnit.SECONDS);
            List<SubmitResult> results = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                results.add(provider.submit(new Submission(
                                MessageId.random(),
                                Address.Msisdn.of("13812345678"),
                                Category.NOTIFICATION,
                                new ProviderContent.Text("beside the flood " + i),
                                1,
                                Optional.empty()))
                        .toCompletableFuture()
                        .get(30, TimeUnit.SECONDS));
            }
            return results;
        }
    }
}
