package io.remotebank.signaling.sip.transport;

import static io.remotebank.signaling.sip.transport.Probes.LOOPBACK;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.remotebank.signaling.sip.SipParser;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.ua.AutoAnswerUas;
import io.remotebank.signaling.webrtc.SignalingClient;
import io.remotebank.signaling.webrtc.TestTokens;
import io.remotebank.signaling.webrtc.WebRtcSignaling;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One WS or WSS port serving SIP over WebSocket (RFC 7118) and the WebRTC signaling protocol, routed
 * by the subprotocol or the path (issue 21, point 1).
 */
class WebRtcOnSipPortTest {

    private static final TlsIdentity IDENTITY = TlsIdentity.selfSigned(Clock.systemUTC(), "127.0.0.1", "localhost");

    private final EventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final WebRtcSignaling signaling =
            WebRtcSignaling.builder().tokens(TestTokens.ANY).start();
    private final SipEndpoint server = SipEndpoint.builder()
            .bind(LOOPBACK)
            .udpPort(-1)
            .tcpPort(-1)
            .wsPort(0)
            .wssPort(0)
            .tlsIdentity(IDENTITY)
            .eventLoopGroup(loops)
            .webRtcSignaling(signaling)
            .start(AutoAnswerUas.factory(Probes.uas()));

    @AfterEach
    void close() {
        server.close();
        signaling.close();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private InetSocketAddress ws() {
        return server.address(SipTransport.WS).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"WS", "WSS"})
    void aSipHandshake_staysSips_besideTheSignalingRoute(SipTransport transport) throws Exception {
        try (WebSocketProbe probe = WebSocketProbe.connect(
                server.address(transport).orElseThrow(),
                transport == SipTransport.WSS ? TlsIdentity.clientContextTrusting(IDENTITY.certificate()) : null,
                "sip")) {
            assertThat(probe.subprotocol()).isEqualTo("sip");
            probe.sendText(Probes.options(transport.viaName() + " df7jal23ls0d.invalid;rport", "z9hG4bKrt1"));
            SipResponse response =
                    (SipResponse) SipParser.ofDefaults().parse(probe.next().getBytes(UTF_8));
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aHandshakeOnTheSignalingPath_joinsARoom() throws Exception {
        try (SignalingClient client = SignalingClient.connect(ws(), "/webrtc")) {
            assertThat(client.subprotocol()).isEmpty();
            assertThat(client.join("r1", "customer", "c1").path("participant").asText())
                    .isEqualTo("c1");
            assertThat(signaling.connectedSessions()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"WS", "WSS"})
    void aHandshakeOfferingTheSignalingSubprotocol_isRoutedOnAnyPath(SipTransport transport) throws Exception {
        try (SignalingClient client = SignalingClient.connect(
                server.address(transport).orElseThrow(),
                "/",
                WebRtcSignaling.SUBPROTOCOL,
                transport == SipTransport.WSS ? TlsIdentity.clientContextTrusting(IDENTITY.certificate()) : null,
                Map.of())) {
            assertThat(client.subprotocol()).isEqualTo(WebRtcSignaling.SUBPROTOCOL);
            client.join("r1", "agent", "a1");
        }
    }

    @Test
    void aHandshakeOfNeitherProtocol_stillGetsSips400() throws Exception {
        assertThat(SignalingClient.refusedStatus(ws(), "/elsewhere", "chat", Map.of()))
                .isEqualTo(400);
        assertThat(http("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")).startsWith("HTTP/1.1 400 ");
    }

    @Test
    void signalingAndSipConnections_shareThePortAtOnce() throws Exception {
        try (SignalingClient client = SignalingClient.connect(ws(), "/webrtc");
                WebSocketProbe probe = WebSocketProbe.connect(ws(), null, "sip")) {
            client.join("r1", "customer", "c1");
            probe.sendText(Probes.options("WS b.invalid", "z9hG4bKrt2"));
            assertThat(probe.next()).startsWith("SIP/2.0 200 OK");
            client.send("ping");
            client.expect("pong");
        }
    }

    private String http(String request) throws Exception {
        try (Socket socket = new Socket(LOOPBACK, ws().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), UTF_8);
        }
    }
}
