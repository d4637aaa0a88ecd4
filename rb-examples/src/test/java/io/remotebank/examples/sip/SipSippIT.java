package io.remotebank.examples.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.examples.RbCli;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.testsupport.PeerPolicy;
import io.remotebank.testsupport.RequiresCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * sipp (Debian sip-tester) against {@code rb sip-server}, and {@code rb sip-call} against sipp;
 * sipp's exit code is the verdict (0 only when every call succeeded). Skipped when sipp is missing,
 * failed then when {@code RB_REQUIRE_PEERS=1}.
 */
@RequiresCommand(value = "sipp", debianPackage = "sip-tester")
class SipSippIT {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            return s.getLocalPort();
        }
    }

    static Process sipp(Path dir, List<String> args) throws IOException {
        Path sipp = PeerPolicy.fromEnvironment().requireCommand("sipp", "sip-tester");
        List<String> command = new ArrayList<>();
        command.add(sipp.toString());
        command.addAll(args);
        return new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("sipp.out").toFile())
                .start();
    }

    static String tail(Path dir) throws IOException {
        String output = Files.readString(dir.resolve("sipp.out"));
        return output.length() > 4_000 ? output.substring(output.length() - 4_000) : output;
    }

    @Test
    void sippUac_2000CallsAt100PerSecond_againstSipServer_withoutAFailure() throws Exception {
        SipCommandsTest.Server server = SipCommandsTest.server("--udp", "0", "--json");
        try {
            Path dir = Files.createTempDirectory("sipp-uac");
            Process p = sipp(
                    dir,
                    List.of(
                            "-sn",
                            "uac",
                            "-t",
                            "u1",
                            "-i",
                            "127.0.0.1",
                            "-p",
                            Integer.toString(freeUdpPort()),
                            "-mp",
                            Integer.toString(freeUdpPort()),
                            "-m",
                            "2000",
                            "-r",
                            "100",
                            "-timeout",
                            "300",
                            "-nostdin",
                            "127.0.0.1:" + server.ports().get("udp")));
            boolean ended = p.waitFor(360, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly();
            }
            assertThat(ended).as("sipp ended; output:%n%s", tail(dir)).isTrue();
            assertThat(p.exitValue())
                    .as("sipp exit code; output:%n%s", tail(dir))
                    .isZero();
        } finally {
            assertThat(server.stop()).isEqualTo(ExitCodes.OK);
        }
    }

    @Test
    void sipCall_againstSippUas_everyCallSucceeds() throws Exception {
        int port = freeUdpPort();
        Path dir = Files.createTempDirectory("sipp-uas");
        Process p = sipp(
                dir,
                List.of(
                        "-sn",
                        "uas",
                        "-t",
                        "u1",
                        "-i",
                        "127.0.0.1",
                        "-p",
                        Integer.toString(port),
                        "-mp",
                        Integer.toString(freeUdpPort()),
                        "-m",
                        "20",
                        "-timeout",
                        "120",
                        "-nostdin"));
        try {
            awaitBound(port, p);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = RbCli.execute(
                    new PrintWriter(out),
                    new PrintWriter(err),
                    "sip-call",
                    "--target",
                    "sip:service@127.0.0.1:" + port,
                    "--calls",
                    "20",
                    "--rate",
                    "20");
            assertThat(code).as("rb sip-call: %s%s", out, err).isEqualTo(ExitCodes.OK);
            assertThat(out.toString()).contains("attempted 20, succeeded 20, failed 0");
            boolean ended = p.waitFor(60, TimeUnit.SECONDS);
            assertThat(ended)
                    .as("sipp ended after its 20 calls; output:%n%s", tail(dir))
                    .isTrue();
            assertThat(p.exitValue())
                    .as("sipp exit code; output:%n%s", tail(dir))
                    .isZero();
        } finally {
            p.destroyForcibly();
        }
    }

    /**
     * Waits until sipp has bound its UDP port: polls the kernel's socket table (binding the port to
     * probe it could take it from sipp), at most 10 s.
     */
    private static void awaitBound(int port, Process sipp) throws Exception {
        String hexPort = String.format(java.util.Locale.ROOT, ":%04X ", port);
        Path table = Path.of("/proc/net/udp");
        for (int i = 0; i < 1_000; i++) {
            assertThat(sipp.isAlive()).as("sipp is running").isTrue();
            if (!Files.isReadable(table) || Files.readString(table).contains(hexPort)) {
                return;
            }
            Thread.sleep(10); // polling an external process: nothing to wait on
        }
        throw new AssertionError("sipp did not bind port " + port);
    }
}
