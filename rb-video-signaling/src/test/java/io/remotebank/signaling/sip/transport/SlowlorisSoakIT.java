package io.remotebank.signaling.sip.transport;

import static io.remotebank.signaling.sip.transport.Probes.LOOPBACK;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.signaling.sip.ua.AutoAnswerUas;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The tester's slowloris in full ({@code -Psoak}): 500 TCP connections, each sending one byte of a
 * message every 5 seconds. From one address only {@code maxConnectionsPerAddress} (256) get in; from
 * five addresses all 500 do. Either way the header timer closes every one of them, while the server
 * goes on answering others. Bounded: about a minute.
 */
class SlowlorisSoakIT {

    private static final int CONNECTIONS = 500;
    private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(10);
    private static final String MESSAGE =
            "OPTIONS sip:uas@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK";

    private static InetAddress address(int lastOctet) throws IOException {
        return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) lastOctet});
    }

    @Test
    void fiveHundredSlowConnections_fromOneAddressOrFive_areRefusedOrClosed() throws Exception {
        try (SipEndpoint server = SipEndpoint.builder()
                .bind(LOOPBACK)
                .udpPort(-1)
                .tcpPort(0)
                .headerTimeout(HEADER_TIMEOUT)
                .start(AutoAnswerUas.factory(Probes.uas()))) {
            InetSocketAddress target = server.tcpAddress().orElseThrow();

            int closedFromOne = slowloris(server, target, 1);
            assertThat(closedFromOne)
                    .as("every connection was refused or closed")
                    .isEqualTo(CONNECTIONS);
            TransportStats one = server.stats();
            assertThat(one.refusedOverAddressLimit()).isEqualTo(CONNECTIONS - 256);
            assertThat(one.closedHeaderTimeout()).isEqualTo(256);

            int closedFromFive = slowloris(server, target, 5);
            assertThat(closedFromFive).isEqualTo(CONNECTIONS);
            TransportStats five = server.stats();
            assertThat(five.refusedOverAddressLimit()).isEqualTo(CONNECTIONS - 256);
            assertThat(five.closedHeaderTimeout()).isEqualTo(256 + CONNECTIONS);
            assertThat(five.closedIdle()).isZero();
        }
    }

    /**
     * Opens {@link #CONNECTIONS} connections spread over {@code addresses} source addresses and
     * trickles a byte into each every 5 s until the server has closed all of them (bounded by a
     * few header timeouts). Meanwhile checks that a well-behaved client is served.
     *
     * @return how many the server closed or refused
     */
    private static int slowloris(SipEndpoint server, InetSocketAddress target, int addresses) throws Exception {
        List<SocketChannel> open = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                SocketChannel c = SocketChannel.open();
                c.bind(new InetSocketAddress(address(1 + i % addresses), 0));
                c.connect(target);
                c.configureBlocking(false);
                open.add(c);
            }
            int closed = 0;
            long bound = System.nanoTime() + 4 * HEADER_TIMEOUT.toNanos();
            for (int round = 0; closed < CONNECTIONS && System.nanoTime() < bound; round++) {
                closed = 0;
                for (SocketChannel c : open) {
                    if (!c.isOpen() || trickle(c, MESSAGE.charAt(round % MESSAGE.length()))) {
                        closed++;
                    }
                }
                assertThat(wellBehavedClientIsServed(target)).isTrue();
                if (closed < CONNECTIONS) {
                    TimeUnit.SECONDS.sleep(5); // the attack's pace, a byte per connection every 5 s
                }
            }
            return closed;
        } finally {
            for (SocketChannel c : open) {
                c.close();
            }
        }
    }

    /** Sends one byte; true when the server has closed the connection. */
    private static boolean trickle(SocketChannel c, char b) {
        try {
            if (c.read(ByteBuffer.allocate(64)) < 0) {
                c.close();
                return true;
            }
            c.write(ByteBuffer.wrap(new byte[] {(byte) b}));
            return false;
        } catch (IOException reset) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closed already
            }
            return true;
        }
    }

    private static boolean wellBehavedClientIsServed(InetSocketAddress target) throws Exception {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(address(200), 0));
            s.connect(target, 10_000);
            s.setSoTimeout(10_000);
            s.getOutputStream()
                    .write(Probes.options("TCP 127.0.0.200:5060", "z9hG4bKwb").getBytes(UTF_8));
            return Probes.readHead(s.getInputStream()).startsWith("SIP/2.0 200 OK");
        }
    }
}
