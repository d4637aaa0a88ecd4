package io.remotebank.signaling.sip.transport;

import static io.remotebank.signaling.sip.transport.Probes.LOOPBACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import io.remotebank.core.tls.TlsPolicy;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.transaction.SipTransportChannel;
import io.remotebank.signaling.sip.ua.AutoAnswerUas;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SIP over TLS between two of our endpoints, and what TLS refuses. */
class TlsTransportTest {

    private static final TlsIdentity IDENTITY = TlsIdentity.selfSigned(Clock.systemUTC(), "127.0.0.1", "localhost");

    private final SipEndpoint server = SipEndpoint.builder()
            .bind(LOOPBACK)
            .udpPort(-1)
            .tcpPort(-1)
            .tlsPort(0)
            .tlsIdentity(IDENTITY)
            .threads(1)
            .start(AutoAnswerUas.factory(Probes.uas()));

    @AfterEach
    void close() {
        server.close();
    }

    private InetSocketAddress tls() {
        return server.address(SipTransport.TLS).orElseThrow();
    }

    private static SslContext clientTrusting(String protocol) throws Exception {
        return SslContextBuilder.forClient()
                .sslProvider(SslProvider.JDK)
                .protocols(protocol)
                .trustManager(IDENTITY.certificate())
                .build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void optionsOverTlsBetweenTwoEndpoints(String protocol) throws Exception {
        try (SipEndpoint client = SipEndpoint.builder()
                .bind(LOOPBACK)
                .tcpPort(-1)
                .tlsClientContext(clientTrusting(protocol))
                .threads(1)
                .start(layer -> tx -> {})) {
            SipTransportChannel channel = client.channel(SipTransport.TLS, tls())
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            SipResponse response = Probes.optionsThrough(client, SipTransport.TLS, channel);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.topVia().orElseThrow().transport()).isEqualTo("TLS");
            assertThat(response.topVia().orElseThrow().received()).contains("127.0.0.1");
            // RFC 3261 18.1.1: the next request to the same address reuses the connection
            assertThat(client.channel(SipTransport.TLS, tls())
                            .toCompletableFuture()
                            .get(10, TimeUnit.SECONDS))
                    .isSameAs(channel);
            assertThat(Probes.optionsThrough(client, SipTransport.TLS, channel).statusCode())
                    .isEqualTo(200);
            assertThat(client.openConnections()).isEqualTo(1);
            assertThat(server.openConnections()).isEqualTo(1);
        }
        Probes.await(() -> server.openConnections() == 0, "the server forgets the closed connection");
        assertThat(server.transactions().liveTransactions()).isZero();
    }

    /** A policy that leaves the application's context no protocol fails at start, not at each connection. */
    @Test
    void aPolicyThatLeavesTheContextNoProtocol_failsAtStart() throws Exception {
        SslContext tls12Only = SslContextBuilder.forServer(IDENTITY.privateKey(), IDENTITY.certificate())
                .sslProvider(SslProvider.JDK)
                .protocols("TLSv1.2")
                .build();
        SipEndpoint.Builder builder = SipEndpoint.builder()
                .bind(LOOPBACK)
                .udpPort(-1)
                .tcpPort(-1)
                .tlsPort(0)
                .tlsServerContext(tls12Only)
                .tlsPolicy(TlsPolicy.builder().onlyProtocols("TLSv1.3").build());
        assertThatThrownBy(() -> builder.start(layer -> tx -> {}))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.code()).isEqualTo(CoreError.TLS_POLICY_UNSATISFIABLE));
    }

    @Test
    void anUntrustedCertificateFailsTheConnection() throws Exception {
        try (SipEndpoint client =
                SipEndpoint.builder().bind(LOOPBACK).tcpPort(-1).threads(1).start(layer -> tx -> {})) {
            // the JDK's trust store does not know the self-signed certificate
            assertThatThrownBy(() -> client.channel(SipTransport.TLS, tls())
                            .toCompletableFuture()
                            .get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(SipTransportException.class)
                    .hasMessageContaining("TLS handshake failed");
            assertThat(client.openConnections()).isZero();
        }
    }

    @Test
    void aCertificateForAnotherHostFailsTheConnection() throws Exception {
        TlsIdentity other = TlsIdentity.selfSigned(Clock.systemUTC(), "sip.example.com");
        try (SipEndpoint otherServer = SipEndpoint.builder()
                        .bind(LOOPBACK)
                        .udpPort(-1)
                        .tcpPort(-1)
                        .tlsPort(0)
                        .tlsIdentity(other)
                        .threads(1)
                        .start(AutoAnswerUas.factory(Probes.uas()));
                SipEndpoint client = SipEndpoint.builder()
                        .bind(LOOPBACK)
                        .tcpPort(-1)
                        .tlsClientContext(TlsIdentity.clientContextTrusting(other.certificate()))
                        .threads(1)
                        .start(layer -> tx -> {})) {
            // trusted, but issued for sip.example.com, not 127.0.0.1 (RFC 5922 7.2)
            assertThatThrownBy(() -> client.channel(
                                    SipTransport.TLS,
                                    otherServer.address(SipTransport.TLS).orElseThrow())
                            .toCompletableFuture()
                            .get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(SipTransportException.class);
        }
    }

    /**
     * A hand-made ClientHello offering only TLS 1.0 (0x0301) or TLS 1.1 (0x0302), RFC 2246 7.4.1.2
     * and RFC 4346 7.4.1.2; the server must answer with a fatal protocol_version alert (70) and no
     * ServerHello (RFC 8996 5).
     */
    @ParameterizedTest(name = "TLS version 0x{0}")
    @CsvSource({"0301", "0302"})
    void tls10And11ClientsAreRefused(String version) throws Exception {
        int minor = Integer.parseInt(version, 16) & 0xff;
        try (Socket socket = new Socket(LOOPBACK, tls().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(clientHello(minor));
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] header = new byte[5];
            in.readFully(header);
            assertThat(header[0]).as("record type alert").isEqualTo((byte) 21);
            byte[] alert = new byte[2];
            in.readFully(alert);
            assertThat(alert[0]).as("fatal").isEqualTo((byte) 2);
            assertThat(alert[1]).as("protocol_version").isEqualTo((byte) 70);
            assertThat(readToEnd(in)).as("nothing after the alert").isEqualTo(0);
        }
    }

    private static int readToEnd(InputStream in) throws Exception {
        int n = 0;
        while (in.read() >= 0) {
            n++;
        }
        return n;
    }

    private static byte[] clientHello(int minor) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(3);
        body.write(minor);
        for (int i = 0; i < 32; i++) {
            body.write(i); // random
        }
        body.write(0); // no session id
        int[] suites = {0xc009, 0xc013, 0x002f, 0x0035, 0x00ff};
        body.write(0);
        body.write(suites.length * 2);
        for (int s : suites) {
            body.write(s >> 8);
            body.write(s & 0xff);
        }
        body.write(1); // compression methods: null
        body.write(0);
        byte[] extensions = {
            0x00,
            0x0a,
            0x00,
            0x04,
            0x00,
            0x02,
            0x00,
            0x17, // supported_groups: secp256r1
            0x00,
            0x0b,
            0x00,
            0x02,
            0x01,
            0x00 // ec_point_formats: uncompressed
        };
        body.write(0);
        body.write(extensions.length);
        body.writeBytes(extensions);
        byte[] b = body.toByteArray();
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(22); // handshake
        record.write(3);
        record.write(minor);
        int handshakeLength = b.length + 4;
        record.write(handshakeLength >> 8);
        record.write(handshakeLength & 0xff);
        record.write(1); // client_hello
        record.write(0);
        record.write(b.length >> 8);
        record.write(b.length & 0xff);
        record.writeBytes(b);
        return record.toByteArray();
    }

    @Test
    void tlsNeedsAServerIdentity() {
        assertThatThrownBy(() -> SipEndpoint.builder().tlsPort(0).start(layer -> tx -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tlsIdentity");
        assertThatThrownBy(() -> SipEndpoint.builder()
                        .tlsServerContext(TlsIdentity.clientContextTrusting(IDENTITY.certificate())))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> SipEndpoint.builder().tlsClientContext(IDENTITY.serverContext()))
                .isInstanceOf(ValidationException.class);
    }
}
