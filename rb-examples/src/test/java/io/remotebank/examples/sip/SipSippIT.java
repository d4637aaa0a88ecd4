package io.remotebank.examples.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.examples.RbCli;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.testsupport.PeerProcess;
import io.remotebank.testsupport.RequiresCommand;
import io.remotebank.testsupport.Sipp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * sipp (Debian sip-tester) against {@code rb sip-server}, and {@code rb sip-call} against sipp;
 * sipp's exit code is the verdict (0 only when every call succeeded). Skipped when sipp is missing,
 * failed then when {@code RB_REQUIRE_PEERS=1}.
 */
@RequiresCommand(value = "sipp", debianPackage = "sip-tester")
class SipSippIT {

    @Test
    void sippUac_2000CallsAt100PerSecond_againstSipServer_withoutAFailure() throws Exception {
        SipCommandsTest.Server server = SipCommandsTest.server("--udp", "0", "--json");
        try {
            Path dir = Files.createTempDirectory("sipp-uac");
            PeerProcess.Result sippRun = Sipp.run(
                    dir,
                    Duration.ofSeconds(360),
                    ports -> Sipp.args(
                            ports,
                            "-sn",
                            "uac",
                            "-t",
                            "u1",
                            "-m",
                            "2000",
                            "-r",
                            "100",
                            "-timeout",
                            "300",
                            "-nostdin",
                            "127.0.0.1:" + server.ports().get("udp")));
            sippRun.assertSucceeded();
        } finally {
            assertThat(server.stop()).isEqualTo(ExitCodes.OK);
        }
    }

    @Test
    void sipCall_againstSippUas_everyCallSucceeds() throws Exception {
        Path dir = Files.createTempDirectory("sipp-uas");
        try (Sipp.Running sipp = Sipp.start(
                dir, ports -> Sipp.args(ports, "-sn", "uas", "-t", "u1", "-m", "20", "-timeout", "120", "-nostdin"))) {
            int port = sipp.ports().sip();
            Process p = sipp.process();
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
                    .as("sipp ended after its 20 calls; output:%n%s", sipp.outputTail())
                    .isTrue();
            assertThat(p.exitValue())
                    .as("sipp exit code; output:%n%s", sipp.outputTail())
                    .isZero();
        }
    }
}
