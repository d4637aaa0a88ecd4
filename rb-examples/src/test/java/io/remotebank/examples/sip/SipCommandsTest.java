package io.remotebank.examples.sip;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.remotebank.examples.CliTest;
import io.remotebank.examples.RbCli;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.signaling.sip.DigestAlgorithm;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.auth.UsersFile;
import io.remotebank.signaling.sip.transport.SipEndpoint;
import io.remotebank.signaling.sip.ua.UasHandler;
import io.remotebank.signaling.sip.ua.UserAgent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code rb sip-server} and {@code rb sip-call} against each other on loopback. */
class SipCommandsTest extends CliTest {

    /** A running sip-server and what it printed. */
    record Server(
            SipServerCommand command, CompletableFuture<Integer> exit, StringWriter out, Map<String, Integer> ports) {
        int stop() throws Exception {
            command.requestStop();
            return exit.get(20, TimeUnit.SECONDS);
        }
    }

    static Server server(String... args) throws Exception {
        SipServerCommand command = new SipServerCommand();
        CommandLine cl = RbCli.configure(new CommandLine(command));
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cl.execute(args));
        Map<String, Integer> ports = command.ready()
                .applyToEither(exit.thenApply(code -> Map.<String, Integer>of("exit", code)), p -> p)
                .get(20, TimeUnit.SECONDS);
        return new Server(command, exit, out, ports);
    }

    @Test
    void sipCall_againstSipServer_overUdpAndTcp_everyCallSucceeds() throws Exception {
        Server s = server("--udp", "0", "--tcp", "0", "--json");
        try {
            JsonNode ready = new ObjectMapper().readTree(s.out().toString().split("\\R")[0]);
            assertThat(ready.get("event").asText()).isEqualTo("ready");
            assertThat(ready.at("/ports/udp").asInt())
                    .isEqualTo(s.ports().get("udp"))
                    .isPositive();
            assertThat(ready.at("/ports/tcp").asInt()).isPositive();

            int code = rb(
                    "sip-call",
                    "--target",
                    "sip:svc@127.0.0.1:" + s.ports().get("udp"),
                    "--calls",
                    "20",
                    "--rate",
                    "200",
                    "--json");
            assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
            JsonNode r = json();
            assertThat(r.get("attempted").asInt()).isEqualTo(20);
            assertThat(r.get("succeeded").asInt()).isEqualTo(20);
            assertThat(r.get("failed").asInt()).isZero();
            assertThat(r.get("rateAchieved").asDouble()).isPositive();
            assertThat(r.at("/setupLatencyMs/p50").asDouble()).isPositive();
            assertThat(r.at("/setupLatencyMs/max").asDouble())
                    .isGreaterThanOrEqualTo(r.at("/setupLatencyMs/p99").asDouble());

            code = rb(
                    "sip-call",
                    "--target",
                    "sip:svc@127.0.0.1:" + s.ports().get("tcp") + ";transport=tcp",
                    "--calls",
                    "5",
                    "--rate",
                    "100",
                    "--duration",
                    "0.05");
            assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
            assertThat(out.toString())
                    .contains("attempted 5, succeeded 5, failed 0")
                    .contains("setup latency ms: p50");
        } finally {
            assertThat(s.stop()).isEqualTo(ExitCodes.OK);
        }
        assertThat(s.out().toString()).contains("\"event\":\"stopped\"");
    }

    @Test
    void sipCall_json_masksThePhoneNumberInTheTarget_unlessUnmasked() throws Exception {
        Server s = server("--udp", "0", "--json");
        try {
            String target = "sip:+8613812345678@127.0.0.1:" + s.ports().get("udp");

            assertThat(rb("sip-call", "--target", target, "--calls", "1", "--json"))
                    .as(err.toString())
                    .isEqualTo(ExitCodes.OK);
            assertThat(json().get("target").asText())
                    .isEqualTo("sip:+86138****5678@127.0.0.1:" + s.ports().get("udp"));
            assertThat(out.toString() + err).doesNotContain("13812345678");

            assertThat(rb("sip-call", "--target", target, "--calls", "1", "--json", "--unmasked"))
                    .isEqualTo(ExitCodes.OK);
            assertThat(json().get("target").asText()).isEqualTo(target);
        } finally {
            assertThat(s.stop()).isEqualTo(ExitCodes.OK);
        }
    }

    @Test
    void sipServer_withTlsWsAndUsers_challengesRegister_andAnswersOverWebSocket(@TempDir Path dir) throws Exception {
        Path users = dir.resolve("users");
        Files.writeString(users, UsersFile.line("alice", "bank.example", "secret", DigestAlgorithm.SHA_256) + "\n");
        SipServerCommand command = new SipServerCommand();
        CommandLine cl = RbCli.configure(new CommandLine(command));
        StringWriter serverOut = new StringWriter();
        StringWriter serverErr = new StringWriter();
        cl.setOut(new PrintWriter(serverOut, true));
        cl.setErr(new PrintWriter(serverErr, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cl.execute(
                "--udp",
                "0",
                "--ws",
                "0",
                "--tls-port",
                "0",
                "--realm",
                "bank.example",
                "--users",
                users.toString(),
                "--json"));
        Map<String, Integer> ports = command.ready().get(20, TimeUnit.SECONDS);
        try (UserAgent ua = UserAgent.start(
                SipEndpoint.builder().bind(InetAddress.getLoopbackAddress()).threads(1),
                InetAddress.getLoopbackAddress(),
                UserAgent.Settings.ofDefaults(),
                UasHandler.REFUSE_ALL)) {
            assertThat(ports).containsKeys("udp", "ws", "tls");
            assertThat(serverErr.toString()).containsPattern("SHA-256 fingerprint ([0-9A-F]{2}:){31}[0-9A-F]{2}");

            SipResponse challenge = ua.request("REGISTER", "sip:bank.example@127.0.0.1:" + ports.get("udp"), null, null)
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            assertThat(challenge.statusCode()).isEqualTo(401);
            assertThat(challenge.header("WWW-Authenticate"))
                    .hasValueSatisfying(v -> assertThat(v).contains("realm=\"bank.example\""));

            int code = rb(
                    "sip-call",
                    "--target",
                    "sip:svc@127.0.0.1:" + ports.get("ws") + ";transport=ws",
                    "--calls",
                    "3",
                    "--rate",
                    "50");
            assertThat(code).as(out + "" + err).isEqualTo(ExitCodes.OK);
        } finally {
            command.requestStop();
            assertThat(exit.get(20, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
        }
    }

    @Test
    void sipServer_tlsOptionsGoTogether_exit2() {
        assertThat(rb("sip-server", "--udp", "0", "--tls-cert", "c.pem")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--tls-key");
        assertThat(rb("sip-server", "--udp", "0", "--realm", "r")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--users");
    }

    @Test
    void sipCall_rejectedCalls_areCountedAsFailed_exit1() throws Exception {
        try (UserAgent refusing = UserAgent.start(
                SipEndpoint.builder().bind(InetAddress.getLoopbackAddress()).threads(1),
                InetAddress.getLoopbackAddress(),
                UserAgent.Settings.ofDefaults(),
                UasHandler.REFUSE_ALL)) {
            int port =
                    refusing.endpoint().orElseThrow().udpAddress().orElseThrow().getPort();
            int code =
                    rb("sip-call", "--target", "sip:svc@127.0.0.1:" + port, "--calls", "3", "--rate", "100", "--json");
            assertThat(code).isEqualTo(ExitCodes.CHECK_FAILED);
            JsonNode r = json();
            assertThat(r.get("failed").asInt()).isEqualTo(3);
            assertThat(r.get("succeeded").asInt()).isZero();
            assertThat(r.at("/failures/480").asInt()).isEqualTo(3);
        }
    }

    @Test
    void sipServer_portInUse_exit3() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            int code = rb("sip-server", "--udp", Integer.toString(taken.getLocalPort()));
            assertThat(code).isEqualTo(ExitCodes.RUNTIME_ERROR);
            assertThat(err.toString()).contains("sip-server: error:");
        }
    }

    @Test
    void badUsage_exit2_namesTheOption() {
        assertThat(rb("sip-call", "--target", "mailto:someone@example.com")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--target");
        assertThat(rb("sip-call", "--target", "sip:svc@127.0.0.1", "--rate", "0"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--rate");
        assertThat(rb("sip-call", "--target", "sip:svc@127.0.0.1", "--calls", "0"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(rb("sip-call")).isEqualTo(ExitCodes.USAGE);
        assertThat(rb("sip-server", "--udp", "70000")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--udp");
        assertThat(rb("sip-server", "--udp", "0", "--ring-ms", "-1")).isEqualTo(ExitCodes.USAGE);
        assertThat(rb("sip-server", "--udp", "0", "--header-timeout", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--header-timeout");
        assertThat(rb("sip-server", "--udp", "0", "--max-connections-per-address", "0"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(rb("sip-server", "--udp", "0", "--max-bindings-per-aor", "0"))
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void sipServer_refusesAConnectionPastItsPerAddressLimit() throws Exception {
        Server s = server("--udp", "0", "--tcp", "0", "--max-connections-per-address", "1", "--header-timeout", "5");
        try (java.net.Socket first = new java.net.Socket("127.0.0.1", s.ports().get("tcp"));
                java.net.Socket second =
                        new java.net.Socket("127.0.0.1", s.ports().get("tcp"))) {
            // two event loops accept them, so either may be the one refused: exactly one is closed
            int closed = 0;
            for (java.net.Socket socket : new java.net.Socket[] {first, second}) {
                socket.setSoTimeout(2_000);
                try {
                    closed += socket.getInputStream().read() < 0 ? 1 : 0;
                } catch (java.net.SocketTimeoutException open) {
                    // this one was admitted and waits for a message
                } catch (java.net.SocketException reset) {
                    closed++;
                }
            }
            assertThat(closed).as("one connection from the address is refused").isEqualTo(1);
        } finally {
            assertThat(s.stop()).isEqualTo(ExitCodes.OK);
        }
    }

    @Test
    void percentile_nearestRank() {
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(SipCallCommand.percentile(v, 50)).isEqualTo(5);
        assertThat(SipCallCommand.percentile(v, 90)).isEqualTo(9);
        assertThat(SipCallCommand.percentile(v, 99)).isEqualTo(10);
        assertThat(SipCallCommand.percentile(new double[0], 50)).isZero();
    }
}
