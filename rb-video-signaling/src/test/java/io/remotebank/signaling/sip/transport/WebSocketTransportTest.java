package io.remotebank.signaling.sip.transport;

import static io.remotebank.signaling.sip.transport.Probes.LOOPBACK;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.signaling.sip.SipParser;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.Via;
import io.remotebank.signaling.sip.transaction.ServerTransaction;
import io.remotebank.signaling.sip.transaction.SipTransportChannel;
import io.remotebank.signaling.sip.transaction.TransactionUser;
import io.remotebank.signaling.sip.ua.AutoAnswerUas;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SIP over WebSocket and secure WebSocket (RFC 7118), with a plain Netty WebSocket client as the peer. */
class WebSocketTransportTest {

    private static final TlsIdentity IDENTITY = TlsIdentity.selfSigned(Clock.systemUTC(), "127.0.0.1");

    private final SipEndpoint server = SipEndpoint.builder()
            .bind(LOOPBACK)
            .udpPort(-1)
            .tcpPort(-1)
            .wsPort(0)
            .wssPort(0)
            .tlsIdentity(IDENTITY)
            .threads(1)
            .start(AutoAnswerUas.factory(Probes.uas()));

    @AfterEach
    void close() {
        server.close();
    }

    private WebSocketProbe probe(SipTransport transport) throws Exception {
        return WebSocketProbe.connect(
                server.address(transport).orElseThrow(),
                transport == SipTransport.WSS ? TlsIdentity.clientContextTrusting(IDENTITY.certificate()) : null,
                "sip");
    }

    private static SipResponse parse(String text) {
        return (SipResponse) SipParser.ofDefaults().parse(text.getBytes(UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"WS", "WSS"})
    void optionsFromANettyWebSocketClient(SipTransport transport) throws Exception {
        try (WebSocketProbe probe = probe(transport)) {
            assertThat(probe.subprotocol()).isEqualTo("sip");
            // RFC 7118 5.2: the client cannot be reached back, so its sent-by is a .invalid name
            probe.sendText(Probes.options(transport.viaName() + " df7jal23ls0d.invalid;rport", "z9hG4bKws1"));
            SipResponse response = parse(probe.next());
            assertThat(response.statusCode()).isEqualTo(200);
            Via via = response.topVia().orElseThrow();
            assertThat(via.transport()).isEqualTo(transport.viaName());
            assertThat(via.host()).isEqualTo("df7jal23ls0d.invalid");
            assertThat(via.received()).contains("127.0.0.1");
            assertThat(via.rport()).isPresent();
            assertThat(server.openConnections()).isEqualTo(1);
        }
        Probes.await(() -> server.openConnections() == 0, "the server forgets the closed connection");
    }

    @Test
    void aBinaryFrameCarriesAMessageToo() throws Exception {
        try (WebSocketProbe probe = probe(SipTransport.WS)) {
            probe.sendBinary(Probes.options("WS b.invalid", "z9hG4bKws2").getBytes(UTF_8));
            // the response is valid UTF-8, so it goes back as a text frame (RFC 7118 4.2)
            assertThat(probe.next()).startsWith("SIP/2.0 200 OK");
        }
    }

    @Test
    void aMalformedMessageIsDroppedAndTheConnectionStays() throws Exception {
        try (WebSocketProbe probe = probe(SipTransport.WS)) {
            probe.sendText("OPTIONS nonsense\r\n\r\n");
            probe.sendText(Probes.options("WS c.invalid", "z9hG4bKws3"));
            assertThat(parse(probe.next()).cseq().orElseThrow().method()).isEqualTo("OPTIONS");
        }
    }

    @Test
    void aHandshakeWithoutTheSipSubprotocolGetsA400() throws Exception {
        String response = http("GET /sip HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Protocol: chat, superchat\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400 ").contains("subprotocol sip");
        assertThatThrownBy(() ->
                        WebSocketProbe.connect(server.address(SipTransport.WS).orElseThrow(), null, null))
                .isInstanceOf(ExecutionException.class);
    }

    @Test
    void aPlainHttpRequestGetsA400() throws Exception {
        assertThat(http("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")).startsWith("HTTP/1.1 400 ");
    }

    private String http(String request) throws Exception {
        try (Socket socket = new Socket(
                LOOPBACK, server.address(SipTransport.WS).orElseThrow().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readAllBytes(), UTF_8); // the server closes after the 400
            return head;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"WS", "WSS"})
    void ourEndpointAsAWebSocketClient(SipTransport transport) throws Exception {
        try (SipEndpoint client = SipEndpoint.builder()
                .bind(LOOPBACK)
                .tcpPort(-1)
                .tlsClientContext(TlsIdentity.clientContextTrusting(IDENTITY.certificate()))
                .threads(1)
                .start(layer -> tx -> {})) {
            SipTransportChannel channel = client.channel(
                            transport, server.address(transport).orElseThrow())
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            assertThat(Probes.optionsThrough(client, transport, channel).statusCode())
                    .isEqualTo(200);
            assertThat(client.channel(transport, server.address(transport).orElseThrow())
                            .toCompletableFuture()
                            .get(10, TimeUnit.SECONDS))
                    .isSameAs(channel);
            assertThat(client.openConnections()).isEqualTo(1);
        }
    }

    @Test
    void ourWebSocketClientFailsAgainstAServerThatIsNoWebSocketServer() throws Exception {
        // a TCP server is no WebSocket server at all; the handshake fails and nothing stays open
        try (SipEndpoint tcpOnly = SipEndpoint.builder()
                        .bind(LOOPBACK)
                        .udpPort(-1)
                        .threads(1)
                        .start(layer -> tx -> {});
                SipEndpoint client = SipEndpoint.builder()
                        .bind(LOOPBACK)
                        .tcpPort(-1)
                        .connectTimeout(java.time.Duration.ofSeconds(5))
                        .threads(1)
                        .start(layer -> tx -> {})) {
            assertThatThrownBy(() -> client.channel(
                                    SipTransport.WS, tcpOnly.tcpAddress().orElseThrow())
                            .toCompletableFuture()
                            .get(20, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(SipTransportException.class);
            Probes.await(() -> client.openConnections() == 0, "no connection left");
        }
    }

    @Test
    void aClosedWebSocketEndsItsServerTransactions() throws Exception {
        AtomicInteger errors = new AtomicInteger();
        try (SipEndpoint holding = SipEndpoint.builder()
                .bind(LOOPBACK)
                .udpPort(-1)
                .tcpPort(-1)
                .wsPort(0)
                .threads(1)
                .start(layer -> new TransactionUser() {
                    @Override
                    public void onRequest(ServerTransaction transaction) {
                        // never answers: the transaction waits for its response
                    }

                    @Override
                    public void onTransportError(ServerTransaction transaction, Throwable cause) {
                        errors.incrementAndGet();
                    }
                })) {
            WebSocketProbe probe =
                    WebSocketProbe.connect(holding.address(SipTransport.WS).orElseThrow(), null, "sip");
            probe.sendText(Probes.request("INVITE", "WS d.invalid", "z9hG4bKws4"));
            Probes.await(() -> holding.transactions().liveTransactions() == 1, "the INVITE transaction exists");
            probe.close();
            Probes.await(() -> holding.transactions().liveTransactions() == 0, "the transaction is released");
            assertThat(errors).hasValue(1);
            Probes.await(() -> holding.openConnections() == 0, "the connection is forgotten");
        }
    }

    @Test
    void webSocketPingsKeepOurConnection() throws Exception {
        try (SipEndpoint client = SipEndpoint.builder()
                .bind(LOOPBACK)
                .tcpPort(-1)
                .keepAliveInterval(java.time.Duration.ofMillis(20))
                .threads(1)
                .start(layer -> tx -> {})) {
            var target = server.address(SipTransport.WS).orElseThrow();
            SipTransportChannel channel = client.channel(SipTransport.WS, target)
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            for (int i = 0; i < 3; i++) {
                assertThat(Probes.optionsThrough(client, SipTransport.WS, channel)
                                .statusCode())
                        .isEqualTo(200);
            }
            assertThat(client.channel(SipTransport.WS, target)
                            .toCompletableFuture()
                            .get(10, TimeUnit.SECONDS))
                    .isSameAs(channel);
        }
    }

    @Test
    void aFragmentedMessageIsReassembledAndANonUtf8ResponseGoesInABinaryFrame() throws Exception {
        try (SipEndpoint binary = SipEndpoint.builder()
                        .bind(LOOPBACK)
                        .udpPort(-1)
                        .tcpPort(-1)
                        .wsPort(0)
                        .threads(1)
                        .start(layer -> tx -> tx.respond((SipResponse) SipResponse.to(tx.request(), 200, "OK", "b1")
                                .set("Content-Type", "application/octet-stream")
                                .body(new byte[] {(byte) 0xff, (byte) 0xfe})
                                .build()));
                WebSocketProbe probe =
                        WebSocketProbe.connect(binary.address(SipTransport.WS).orElseThrow(), null, "sip")) {
            String options = Probes.options("WS e.invalid", "z9hG4bKws5");
            int half = options.length() / 2;
            probe.sendFragments(options.substring(0, half), options.substring(half));
            // RFC 7118 4.2: text frames carry UTF-8 only, so this response is a binary frame
            assertThat(probe.next()).startsWith("binary:SIP/2.0 200 OK");
        }
    }
}
