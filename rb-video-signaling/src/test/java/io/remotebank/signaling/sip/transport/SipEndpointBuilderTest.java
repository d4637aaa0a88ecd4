package io.remotebank.signaling.sip.transport;

import static io.remotebank.signaling.sip.transport.Probes.LOOPBACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The builder's checks and the transport names. */
class SipEndpointBuilderTest {

    @ParameterizedTest
    @CsvSource({
        "udp, UDP, false, false, 5060",
        "Tcp, TCP, true, false, 5060",
        "tls, TLS, true, true, 5061",
        "ws, WS, true, false, 80",
        "WSS, WSS, true, true, 443"
    })
    void viaTokensNameTheTransports(String token, SipTransport transport, boolean reliable, boolean secure, int port) {
        // RFC 3261 20.42 (UDP, TCP, TLS) and RFC 7118 5 (WS, WSS); default ports RFC 3261 19.1.2
        assertThat(SipTransport.fromViaName(token)).contains(transport);
        assertThat(transport.viaName()).isEqualTo(transport.name());
        assertThat(transport.reliable()).isEqualTo(reliable);
        assertThat(transport.secure()).isEqualTo(secure);
        assertThat(transport.webSocket()).isEqualTo(transport.name().startsWith("WS"));
        assertThat(transport.defaultPort()).isEqualTo(port);
    }

    @Test
    void anUnknownViaTokenIsNoTransport() {
        assertThat(SipTransport.fromViaName("SCTP")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {-2, 65_536})
    void portsOutOfRangeAreRefused(int port) {
        SipEndpoint.Builder b = SipEndpoint.builder();
        assertThatThrownBy(() -> b.tlsPort(port)).hasMessageContaining(Integer.toString(port));
        assertThatThrownBy(() -> b.wsPort(port)).hasMessageContaining(Integer.toString(port));
        assertThatThrownBy(() -> b.wssPort(port)).hasMessageContaining(Integer.toString(port));
        assertThatThrownBy(() -> b.udpPort(port)).hasMessageContaining(Integer.toString(port));
    }

    @Test
    void durationsAndPathsAreChecked() {
        SipEndpoint.Builder b = SipEndpoint.builder();
        assertThatThrownBy(() -> b.keepAliveInterval(Duration.ofSeconds(-1))).hasMessageContaining("keep-alive");
        assertThatThrownBy(() -> b.pongTimeout(Duration.ZERO)).hasMessageContaining("pong");
        assertThatThrownBy(() -> b.connectTimeout(Duration.ZERO)).hasMessageContaining("connect");
        assertThatThrownBy(() -> b.idleTimeout(Duration.ZERO)).hasMessageContaining("idle");
        assertThatThrownBy(() -> b.webSocketPath("sip")).hasMessageContaining("sip");
        assertThatThrownBy(() -> b.webSocketPath("/a b")).hasMessageContaining("/a b");
        assertThat(b.webSocketPath("/ws/sip")).isSameAs(b);
    }

    @Test
    void anEndpointNeedsATransport() {
        assertThatThrownBy(() -> SipEndpoint.builder().udpPort(-1).tcpPort(-1).start(layer -> tx -> {}))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void addressesOfTransportsThatAreOff() {
        try (SipEndpoint e =
                SipEndpoint.builder().bind(LOOPBACK).tcpPort(-1).threads(1).start(layer -> tx -> {})) {
            assertThat(e.address(SipTransport.UDP)).isEqualTo(e.udpAddress()).isPresent();
            assertThat(e.address(SipTransport.TCP)).isEmpty();
            assertThat(e.address(SipTransport.WS)).isEmpty();
            assertThat(e.openConnections()).isZero();
        }
    }

    @Test
    void aClosedEndpointOpensNothing() {
        SipEndpoint e = SipEndpoint.builder().bind(LOOPBACK).threads(1).start(layer -> tx -> {});
        var tcp = e.tcpAddress().orElseThrow();
        e.close();
        assertThat(e.channel(SipTransport.TCP, tcp).toCompletableFuture())
                .failsWithin(5, TimeUnit.SECONDS)
                .withThrowableThat()
                .withCauseInstanceOf(SipTransportException.class);
    }

    @Test
    void nothingListensThereIsATransportError() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, LOOPBACK)) {
            closedPort = s.getLocalPort();
        }
        try (SipEndpoint e = SipEndpoint.builder().bind(LOOPBACK).threads(1).start(layer -> tx -> {})) {
            assertThat(e.channel(SipTransport.TCP, new java.net.InetSocketAddress(LOOPBACK, closedPort))
                            .toCompletableFuture())
                    .failsWithin(10, TimeUnit.SECONDS)
                    .withThrowableThat()
                    .withCauseInstanceOf(SipTransportException.class);
            assertThat(e.channel(SipTransport.TCP, java.net.InetSocketAddress.createUnresolved("nowhere.invalid", 5060))
                            .toCompletableFuture())
                    .failsWithin(1, TimeUnit.SECONDS);
        }
    }
}
