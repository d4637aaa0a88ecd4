package io.remotebank.signaling.sip.transport;

import static io.remotebank.signaling.sip.transport.Probes.LOOPBACK;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.transaction.ClientTransaction;
import io.remotebank.signaling.sip.transaction.ClientTransactionListener;
import io.remotebank.signaling.sip.transaction.ServerTransaction;
import io.remotebank.signaling.sip.transaction.SipTransportChannel;
import io.remotebank.signaling.sip.transaction.TransactionLayer;
import io.remotebank.signaling.sip.transaction.TransactionUser;
import io.remotebank.signaling.sip.transaction.VirtualScheduler;
import io.remotebank.signaling.sip.ua.AutoAnswerUas;
import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Connection management on TCP: keep-alives, idle timeouts, framing errors, transport errors, 18.2.2. */
class ConnectionTest {

    private static SipEndpoint.Builder tcpOnly() {
        return SipEndpoint.builder().bind(LOOPBACK).udpPort(-1).threads(1);
    }

    /** TCP and TLS. */
    private static SipEndpoint.Builder streams() {
        return tcpOnly().tlsPort(0).tlsIdentity(Probes.IDENTITY);
    }

    @Test
    void ourConnectionsSendPingsAndCloseWhenNoPongComes() throws Exception {
        try (ServerSocket peer = new ServerSocket(0, 1, LOOPBACK);
                SipEndpoint client = tcpOnly()
                        .keepAliveInterval(Duration.ofMillis(50))
                        .pongTimeout(Duration.ofMillis(300))
                        .start(layer -> tx -> {})) {
            InetSocketAddress target = new InetSocketAddress(LOOPBACK, peer.getLocalPort());
            client.channel(SipTransport.TCP, target).toCompletableFuture().get(10, TimeUnit.SECONDS);
            try (Socket s = peer.accept()) {
                s.setSoTimeout(10_000);
                DataInputStream in = new DataInputStream(s.getInputStream());
                byte[] ping = new byte[4];
                in.readFully(ping);
                assertThat(new String(ping, UTF_8)).isEqualTo("\r\n\r\n"); // RFC 5626 4.4.1 ping
                s.getOutputStream().write("\r\n".getBytes(UTF_8)); // the pong
                s.getOutputStream().flush();
                in.readFully(ping);
                assertThat(new String(ping, UTF_8))
                        .as("another ping after a pong")
                        .isEqualTo("\r\n\r\n");
                // no more pongs: the client declares the flow failed and closes it
                int b;
                do {
                    b = in.read();
                } while (b == '\r' || b == '\n');
                assertThat(b).isEqualTo(-1);
            }
            Probes.await(() -> client.openConnections() == 0, "the failed flow is forgotten");
        }
    }

    @Test
    void pingsBetweenTwoEndpointsKeepTheConnection() throws Exception {
        try (SipEndpoint server = tcpOnly().start(AutoAnswerUas.factory(Probes.uas()));
                SipEndpoint client = tcpOnly()
                        .keepAliveInterval(Duration.ofMillis(20))
                        .pongTimeout(Duration.ofSeconds(5))
                        .start(layer -> tx -> {})) {
            InetSocketAddress target = server.tcpAddress().orElseThrow();
            SipTransportChannel channel = client.channel(SipTransport.TCP, target)
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            for (int i = 0; i < 3; i++) {
                assertThat(Probes.optionsThrough(client, SipTransport.TCP, channel)
                                .statusCode())
                        .isEqualTo(200);
            }
            assertThat(client.channel(SipTransport.TCP, target)
                            .toCompletableFuture()
                            .get(10, TimeUnit.SECONDS))
                    .isSameAs(channel);
        }
    }

    @Test
    void anIdleConnectionIsClosed() throws Exception {
        try (SipEndpoint server = tcpOnly().idleTimeout(Duration.ofMillis(200)).start(layer -> tx -> {});
                Socket socket =
                        new Socket(LOOPBACK, server.tcpAddress().orElseThrow().getPort())) {
            socket.setSoTimeout(10_000);
            Probes.await(() -> server.openConnections() == 1, "the connection is registered");
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
            Probes.await(() -> server.openConnections() == 0, "the idle connection is forgotten");
        }
    }

    /** Keep-alive waits on the endpoint's scheduler (house rule 6): virtual time pings and gives up. */
    @Test
    void keepAlive_runsOnTheInjectedScheduler() throws Exception {
        VirtualScheduler time = new VirtualScheduler();
        try (ServerSocket peer = new ServerSocket(0, 1, LOOPBACK);
                SipEndpoint client = tcpOnly()
                        .scheduler(time)
                        .keepAliveInterval(Duration.ofSeconds(30))
                        .pongTimeout(Duration.ofSeconds(10))
                        .start(layer -> tx -> {})) {
            InetSocketAddress target = new InetSocketAddress(LOOPBACK, peer.getLocalPort());
            client.channel(SipTransport.TCP, target).toCompletableFuture().get(10, TimeUnit.SECONDS);
            try (Socket s = peer.accept()) {
                s.setSoTimeout(10_000);
                DataInputStream in = new DataInputStream(s.getInputStream());
                time.advance(Duration.ofSeconds(30).toMillis());
                byte[] ping = new byte[4];
                in.readFully(ping);
                assertThat(new String(ping, UTF_8)).isEqualTo("\r\n\r\n");
                time.advance(Duration.ofSeconds(10).toMillis());
                assertThat(in.read()).as("no pong: the flow is closed").isEqualTo(-1);
            }
            Probes.await(() -> client.openConnections() == 0, "the failed flow is forgotten");
        }
    }

    /** The idle timeout is measured on the endpoint's scheduler, not on the event loop's clock. */
    @Test
    void anIdleConnection_isClosedOnTheInjectedSchedulersTime() throws Exception {
        VirtualScheduler time = new VirtualScheduler();
        try (SipEndpoint server = tcpOnly()
                        .scheduler(time)
                        .idleTimeout(Duration.ofMinutes(5))
                        .start(layer -> tx -> {});
                Socket socket =
                        new Socket(LOOPBACK, server.tcpAddress().orElseThrow().getPort())) {
            socket.setSoTimeout(10_000);
            Probes.await(() -> server.openConnections() == 1, "the connection is registered");
            time.advance(Duration.ofMinutes(5).toMillis());
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
            Probes.await(() -> server.openConnections() == 0, "the idle connection is forgotten");
            assertThat(server.stats().closedIdle()).isEqualTo(1);
        }
    }

    /** RFC 3261 18.3: on a stream a bad Content-Length loses the framing, so the connection closes. */
    @ParameterizedTest(name = "{0} Content-Length: {1}")
    @CsvSource({"TCP, x1", "TCP, -1", "TCP, 99999999999", "TCP, 1 2", "TLS, x1", "TLS, 70000"})
    void aBadContentLengthClosesTheConnection(SipTransport transport, String contentLength) throws Exception {
        try (SipEndpoint server = streams().start(AutoAnswerUas.factory(Probes.uas()));
                Socket socket = Probes.connect(server, transport)) {
            OutputStream out = socket.getOutputStream();
            out.write(
                    Probes.options(transport + " 127.0.0.1:5060", "z9hG4bKcl0").getBytes(UTF_8));
            out.flush();
            assertThat(Probes.readHead(socket.getInputStream())).startsWith("SIP/2.0 200 OK");
            out.write(Probes.options(transport + " 127.0.0.1:5060", "z9hG4bKcl1")
                    .replace("Content-Length: 0", "Content-Length: " + contentLength)
                    .getBytes(UTF_8));
            out.flush();
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
            Probes.await(() -> server.openConnections() == 0, "the connection is forgotten");
            Probes.await(() -> server.transactions().liveTransactions() == 0, "nothing is left");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TCP", "TLS"})
    void aClosedConnectionEndsTheServerTransactionsOnIt(SipTransport transport) throws Exception {
        AtomicInteger errors = new AtomicInteger();
        try (SipEndpoint server = streams().start(layer -> new TransactionUser() {
                    @Override
                    public void onRequest(ServerTransaction transaction) {}

                    @Override
                    public void onTransportError(ServerTransaction transaction, Throwable cause) {
                        errors.incrementAndGet();
                    }
                });
                Socket socket = Probes.connect(server, transport)) {
            OutputStream out = socket.getOutputStream();
            out.write(Probes.request("INVITE", transport + " 127.0.0.1:5060", "z9hG4bKte1")
                    .getBytes(UTF_8));
            out.write(
                    Probes.options(transport + " 127.0.0.1:5060", "z9hG4bKte2").getBytes(UTF_8));
            out.flush();
            Probes.await(() -> server.transactions().liveTransactions() == 2, "two transactions exist");
            socket.close();
            Probes.await(() -> server.transactions().liveTransactions() == 0, "both are released");
            assertThat(errors).hasValue(2);
        }
    }

    /** RFC 5923: a Via with alias offers the connection for requests to the sent-by address. */
    @Test
    void anAliasOffersTheConnectionForRequestsToItsSentBy() throws Exception {
        int unusedPort;
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            unusedPort = s.getLocalPort(); // nothing listens there afterwards
        }
        InetSocketAddress sentBy = new InetSocketAddress(LOOPBACK, unusedPort);
        try (SipEndpoint server = tcpOnly().start(AutoAnswerUas.factory(Probes.uas()));
                Socket socket = Probes.connect(server, SipTransport.TCP)) {
            OutputStream out = socket.getOutputStream();
            out.write(Probes.options("TCP 127.0.0.2:" + unusedPort + ";alias", "z9hG4bKal0")
                    .getBytes(UTF_8));
            out.write(
                    Probes.options("TCP 127.0.0.1:" + unusedPort, "z9hG4bKal9").getBytes(UTF_8));
            out.flush();
            assertThat(Probes.readHead(socket.getInputStream())).startsWith("SIP/2.0 200 OK");
            assertThat(Probes.readHead(socket.getInputStream())).startsWith("SIP/2.0 200 OK");
            // neither another host's address nor a Via without alias makes an alias: a new connection
            // is tried, and nothing listens there
            for (String host : new String[] {"127.0.0.2", "127.0.0.1"}) {
                assertThat(server.channel(SipTransport.TCP, new InetSocketAddress(host, unusedPort))
                                .toCompletableFuture())
                        .failsWithin(10, TimeUnit.SECONDS);
            }
            out.write(Probes.options("TCP 127.0.0.1:" + unusedPort + ";alias", "z9hG4bKal1")
                    .getBytes(UTF_8));
            out.flush();
            assertThat(Probes.readHead(socket.getInputStream())).startsWith("SIP/2.0 200 OK");
            SipTransportChannel back = server.channel(SipTransport.TCP, sentBy)
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            back.send(Probes.parseRequest(Probes.options("TCP 127.0.0.1:5060", "z9hG4bKal2")))
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            assertThat(Probes.readHead(socket.getInputStream())).startsWith("OPTIONS sip:uas@127.0.0.1");
            assertThat(server.openConnections()).isEqualTo(1);
        }
    }

    @Test
    void aConnectionThatDropsMidTransactionEndsTheClientTransaction() throws Exception {
        try (ServerSocket peer = new ServerSocket(0, 1, LOOPBACK);
                SipEndpoint client = tcpOnly().start(layer -> tx -> {})) {
            InetSocketAddress target = new InetSocketAddress(LOOPBACK, peer.getLocalPort());
            SipTransportChannel channel = client.channel(SipTransport.TCP, target)
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            SipRequest invite =
                    Probes.parseRequest(Probes.request("INVITE", "TCP client.invalid", TransactionLayer.newBranch()));
            CompletableFuture<Throwable> error = new CompletableFuture<>();
            client.transactions().sendRequest(invite, channel, new ClientTransactionListener() {
                @Override
                public void onResponse(ClientTransaction transaction, SipResponse response) {}

                @Override
                public void onTransportError(ClientTransaction transaction, Throwable cause) {
                    error.complete(cause);
                }
            });
            try (Socket s = peer.accept()) {
                s.setSoTimeout(10_000);
                assertThat(Probes.readHead(s.getInputStream())).startsWith("INVITE ");
                assertThat(client.transactions().liveTransactions()).isEqualTo(1);
            } // the peer drops the connection before answering
            assertThat(error.get(10, TimeUnit.SECONDS)).isNotNull();
            Probes.await(() -> client.transactions().liveTransactions() == 0, "the transaction is released");
            Probes.await(() -> client.openConnections() == 0, "the connection is forgotten");
        }
    }

    /**
     * RFC 3261 18.2.2: when the connection a request came on has closed, a response (here one the
     * UAS core sends outside a transaction, like a 2xx retransmission) goes over a new connection to
     * the received address and the sent-by port.
     */
    @Test
    void aResponseAfterTheConnectionClosedGoesOverANewOne() throws Exception {
        AtomicReference<ServerTransaction> held = new AtomicReference<>();
        try (ServerSocket clientListener = new ServerSocket(0, 1, LOOPBACK);
                SipEndpoint server = tcpOnly().start(layer -> held::set)) {
            try (Socket socket =
                    new Socket(LOOPBACK, server.tcpAddress().orElseThrow().getPort())) {
                socket.getOutputStream()
                        .write(Probes.options("TCP localhost:" + clientListener.getLocalPort(), "z9hG4bKfb1")
                                .getBytes(UTF_8));
                socket.getOutputStream().flush();
                Probes.await(() -> held.get() != null, "the request arrives");
            }
            Probes.await(() -> server.openConnections() == 0, "the first connection is gone");
            ServerTransaction tx = held.get();
            SipResponse ok =
                    (SipResponse) SipResponse.to(tx.request(), 200, "OK", "s1").build();
            tx.channel().send(ok).toCompletableFuture().get(10, TimeUnit.SECONDS);
            try (Socket back = clientListener.accept()) {
                back.setSoTimeout(10_000);
                InputStream in = back.getInputStream();
                assertThat(Probes.readHead(in)).startsWith("SIP/2.0 200 OK").contains("received=127.0.0.1");
            }
        }
    }

    @Test
    void concurrentSendersShareOneNewConnection() throws Exception {
        try (SipEndpoint server = tcpOnly().start(AutoAnswerUas.factory(Probes.uas()));
                SipEndpoint client = tcpOnly().start(layer -> tx -> {})) {
            InetSocketAddress target = server.tcpAddress().orElseThrow();
            var first = client.channel(SipTransport.TCP, target).toCompletableFuture();
            var second = client.channel(SipTransport.TCP, target).toCompletableFuture();
            assertThat(first.get(10, TimeUnit.SECONDS)).isSameAs(second.get(10, TimeUnit.SECONDS));
            Probes.await(() -> server.openConnections() == 1, "one connection at the server");
            assertThat(client.openConnections()).isEqualTo(1);
        }
    }
}
