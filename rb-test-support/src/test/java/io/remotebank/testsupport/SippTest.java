package io.remotebank.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fresh ports for sipp, and a new attempt when a port was taken before sipp could bind it. */
@RequiresCommand(value = "sipp", debianPackage = "sip-tester")
class SippTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path dir;

    @Test
    void freePorts_areFree_includingTheVideoPortTwoAboveTheAudioPort() throws Exception {
        Sipp.Ports ports = Sipp.freePorts();

        assertThat(ports.sip()).isNotEqualTo(ports.media());
        for (int port : new int[] {ports.sip(), ports.media(), ports.media() + 2}) {
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(LOOPBACK, port))) {
                assertThat(s.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void run_whenItsVideoPortIsTaken_startsAgainOnNewPorts() throws Exception {
        Sipp.Ports taken = Sipp.freePorts();
        Deque<Sipp.Ports> offered = new ArrayDeque<>(List.of(taken, Sipp.freePorts()));
        try (DatagramSocket squatter = new DatagramSocket(new InetSocketAddress(LOOPBACK, taken.media() + 2))) {
            PeerProcess.Result result =
                    Sipp.run(dir, Duration.ofSeconds(30), offered::removeFirst, ports -> idleUas(ports, 1));

            assertThat(offered).as("both port sets were used").isEmpty();
            // an idle UAS that stops on its timeout exits with 97; a port taken gives 254
            assertThat(result.exitCode()).as(result.outputTail()).isEqualTo(97);
            assertThat(result.outputTail()).doesNotContain("errno = 98");
        }
    }

    @Test
    void start_whenItsSipPortIsTaken_startsAgainAndReturnsOnceBound() throws Exception {
        Sipp.Ports taken = Sipp.freePorts();
        Sipp.Ports free = Sipp.freePorts();
        Deque<Sipp.Ports> offered = new ArrayDeque<>(List.of(taken, free));
        try (DatagramSocket squatter = new DatagramSocket(new InetSocketAddress(LOOPBACK, taken.sip()));
                Sipp.Running sipp = Sipp.start(dir, offered::removeFirst, ports -> idleUas(ports, 60))) {
            assertThat(sipp.ports()).isEqualTo(free);
            assertThat(sipp.process().isAlive()).isTrue();
        }
    }

    private static List<String> idleUas(Sipp.Ports ports, int timeoutSeconds) {
        return Sipp.args(ports, "-sn", "uas", "-m", "1", "-timeout", Integer.toString(timeoutSeconds), "-nostdin");
    }
}
