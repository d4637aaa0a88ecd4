package io.remotebank.signaling.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.signaling.sip.ua.AutoAnswerUas;
import io.remotebank.testsupport.PeerProcess;
import io.remotebank.testsupport.RequiresCommand;
import io.remotebank.testsupport.Sipp;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * sipp's built-in {@code uac} scenario (INVITE, 100/180 optional, 200, ACK, BYE, 200) against our
 * endpoint and auto-answering UAS over UDP; sipp's exit code is the verdict (0 only when every call
 * succeeded).
 */
@RequiresCommand(value = "sipp", debianPackage = "sip-tester")
class SippUacIT {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** Calls and rate: 200 at 50/s unless {@code -Drb.sipp.calls} / {@code -Drb.sipp.rate} say otherwise. */
    private static final int CALLS = Integer.getInteger("rb.sipp.calls", 200);

    private static final int RATE = Integer.getInteger("rb.sipp.rate", 50);

    @Test
    void sippUacOverUdpWithoutAFailure() throws Exception {
        run(SipTransport.UDP);
    }

    @Test
    void sippUacOverTcpWithoutAFailure() throws Exception {
        run(SipTransport.TCP);
    }

    private void run(SipTransport transport) throws Exception {
        AutoAnswerUas[] uas = new AutoAnswerUas[1];
        try (SipEndpoint endpoint = SipEndpoint.builder()
                .bind(LOOPBACK)
                .start(layer -> uas[0] = new AutoAnswerUas(
                        layer, AutoAnswerUas.Settings.audio("sip:uas@127.0.0.1", "127.0.0.1", 30000)))) {
            int port = transport == SipTransport.UDP
                    ? endpoint.udpAddress().orElseThrow().getPort()
                    : endpoint.tcpAddress().orElseThrow().getPort();
            Path dir = Files.createTempDirectory("sipp-uac");
            PeerProcess.Result sippRun = Sipp.run(
                    dir,
                    Duration.ofSeconds(360),
                    ports -> Sipp.args(
                            ports,
                            "-sn",
                            "uac",
                            "-t",
                            transport == SipTransport.UDP ? "u1" : "t1",
                            "-m",
                            Integer.toString(CALLS),
                            "-r",
                            Integer.toString(RATE),
                            "-timeout",
                            "300",
                            "-nostdin",
                            "127.0.0.1:" + port));
            sippRun.assertSucceeded();
            assertThat(uas[0].liveDialogs())
                    .as("every dialog ended with its BYE")
                    .isZero();
        }
    }
}
