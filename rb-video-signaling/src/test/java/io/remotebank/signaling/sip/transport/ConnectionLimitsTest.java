package io.remotebank.signaling.sip.transport;

import static io.remotebank.signaling.sip.transport.Probes.LOOPBACK;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.ValidationException;
import io.remotebank.signaling.sip.ua.AutoAnswerUas;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Slow and numerous connections on real sockets: the header timer (with a short timeout, asserting
 * that the connection closes, not how fast), the per-address and total connection limits across
 * TCP, TLS and WS, and the counters that report them. The long form, 500 slowloris connections, is
 * {@code SlowlorisSoakIT}.
 */
class ConnectionLimitsTest {

    private static SipEndpoint.Builder allStreams() {
        return SipEndpoint.builder()
                .bind(LOOPBACK)
                .udpPort(-1)
                .tcpPort(0)
                .tlsPort(0)
                .wsPort(0)
                .tlsIdentity(Probes.IDENTITY)
                .threads(1);
    }

    private static Socket from(int lastOctet, SipEndpoint server, SipTransport transport) throws Exception {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) lastOctet}), 0));
        s.connect(server.address(transport).orElseThrow(), 10_000);
        s.setSoTimeout(10_000);
        return s;
    }

    /** Whether the server closed the connection (a read ends), rather than leaving it open. */
    private static boolean closedByServer(Socket s) throws Exception {
        try {
            return s.getInputStream().read() < 0;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    enum Partial {
        SIP_OVER_TCP(SipTransport.TCP, "OPTIONS sip:uas@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1"),
        WEBSOCKET_UPGRADE(SipTransport.WS, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n");

        final SipTransport transport;
        final String bytes;

        Partial(SipTransport transport, String bytes) {
            this.transport = transport;
            this.bytes = bytes;
        }
    }

    @ParameterizedTest
    @EnumSource(Partial.class)
    void aMessageThatNeverCompletes_closesItsConnectionAtTheHeaderTimeout(Partial partial) throws Exception {
        try (SipEndpoint server =
                        allStreams().headerTimeout(Duration.ofMillis(300)).start(AutoAnswerUas.factory(Probes.uas()));
                Socket s = from(1, server, partial.transport)) {
            s.getOutputStream().write(partial.bytes.getBytes(US_ASCII));
            s.getOutputStream().flush();
            // the idle timeout (5 minutes) is far away: only the header timer can close it
            assertThat(closedByServer(s)).isTrue();
            Probes.await(() -> server.stats().closedHeaderTimeout() == 1, "the close is counted");
        }
    }

    @Test
    void aBodyBehindItsContentLength_closesItsConnectionToo() throws Exception {
        try (SipEndpoint server =
                        allStreams().headerTimeout(Duration.ofMillis(300)).start(AutoAnswerUas.factory(Probes.uas()));
                Socket s = from(1, server, SipTransport.TCP)) {
            s.getOutputStream()
                    .write(Probes.options("TCP 127.0.0.1:5060", "z9hG4bKbd1")
                            .replace("Content-Length: 0", "Content-Length: 100")
                            .getBytes(UTF_8));
            s.getOutputStream().flush();
            assertThat(closedByServer(s)).isTrue();
        }
    }

    @Test
    void completeMessages_keepTheirConnection() throws Exception {
        try (SipEndpoint server =
                        allStreams().headerTimeout(Duration.ofMillis(300)).start(AutoAnswerUas.factory(Probes.uas()));
                Socket s = from(1, server, SipTransport.TCP)) {
            OutputStream out = s.getOutputStream();
            for (int i = 0; i < 3; i++) {
                out.write(Probes.options("TCP 127.0.0.1:5060", "z9hG4bKok" + i).getBytes(UTF_8));
                out.flush();
                assertThat(Probes.readHead(s.getInputStream())).startsWith("SIP/2.0 200 OK");
            }
            assertThat(server.stats().closedHeaderTimeout()).isZero();
        }
    }

    @Test
    void connectionsPastThePerAddressLimit_areRefused_onEveryTransportTogether() throws Exception {
        List<Socket> open = new ArrayList<>();
        try (SipEndpoint server = allStreams().maxConnectionsPerAddress(2).start(AutoAnswerUas.factory(Probes.uas()));
                WebSocketProbe ws =
                        WebSocketProbe.connect(server.address(SipTransport.WS).orElseThrow(), null, "sip")) {
            open.add(from(1, server, SipTransport.TCP));
            Probes.await(() -> server.openConnections() == 2, "a WS and a TCP connection from 127.0.0.1");
            try (Socket third = from(1, server, SipTransport.TLS)) {
                assertThat(closedByServer(third))
                        .as("a third from 127.0.0.1, over TLS")
                        .isTrue();
            }
            try (Socket other = from(2, server, SipTransport.TCP)) {
                other.getOutputStream()
                        .write(Probes.options("TCP 127.0.0.2:5060", "z9hG4bKpa1")
                                .getBytes(UTF_8));
                assertThat(Probes.readHead(other.getInputStream()))
                        .as("another address is served")
                        .startsWith("SIP/2.0 200 OK");
            }
            assertThat(server.stats().refusedOverAddressLimit()).isEqualTo(1);

            open.remove(0).close(); // a place comes back once a connection closes
            Probes.await(() -> server.openConnections() == 1, "the TCP connection is gone");
            try (Socket again = from(1, server, SipTransport.TCP)) {
                again.getOutputStream()
                        .write(Probes.options("TCP 127.0.0.1:5060", "z9hG4bKpa2")
                                .getBytes(UTF_8));
                assertThat(Probes.readHead(again.getInputStream())).startsWith("SIP/2.0 200 OK");
            }
        } finally {
            for (Socket s : open) {
                s.close();
            }
        }
    }

    @Test
    void connectionsPastTheTotalLimit_areRefused() throws Exception {
        List<Socket> open = new ArrayList<>();
        try (SipEndpoint server = allStreams().maxConnections(3).start(AutoAnswerUas.factory(Probes.uas()))) {
            for (int i = 1; i <= 3; i++) {
                open.add(from(i, server, SipTransport.TCP));
            }
            Probes.await(() -> server.openConnections() == 3, "three connections");
            try (Socket fourth = from(4, server, SipTransport.WS)) {
                assertThat(closedByServer(fourth)).isTrue();
            }
            TransportStats stats = server.stats();
            assertThat(stats.refusedOverTotalLimit()).isEqualTo(1);
            assertThat(stats.refusedOverAddressLimit()).isZero();
        } finally {
            for (Socket s : open) {
                s.close();
            }
        }
    }

    @Test
    void theLimitsAreCheckedWithACode() {
        SipEndpoint.Builder b = SipEndpoint.builder();
        assertThatThrownBy(() -> b.maxConnections(0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> b.maxConnectionsPerAddress(-1)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> b.headerTimeout(Duration.ZERO))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("headerTimeout");
        assertThatThrownBy(() -> b.writeBufferWaterMark(10, 5)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> b.maxPendingOutboundBytes(100)).isInstanceOf(ValidationException.class);
        SipEndpoint.Builder inverted =
                SipEndpoint.builder().writeBufferWaterMark(1024, 64 * 1024).maxPendingOutboundBytes(32 * 1024);
        assertThatThrownBy(() -> inverted.start(layer -> tx -> {}))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("writeBufferHighWaterMark");
    }
}
