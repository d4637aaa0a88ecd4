package io.remotebank.signaling.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.transaction.ClientTransaction;
import io.remotebank.signaling.sip.transaction.ClientTransactionListener;
import io.remotebank.signaling.sip.transaction.SipTransportChannel;
import io.remotebank.signaling.sip.transaction.TransactionLayer;
import io.remotebank.signaling.sip.ua.AutoAnswerUas;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples of docs/rb-video-signaling-transports.md, compiled and run. */
class TransportGuideTest {

    @TempDir
    Path dir;

    @Test
    void serverAndClient() throws Exception {
        InetAddress address = InetAddress.getLoopbackAddress();
        // tag::server[]
        // Without a certificate of its own a server can make one; peers pin its fingerprint.
        TlsIdentity identity = TlsIdentity.selfSigned(Clock.systemUTC(), "127.0.0.1", "localhost");
        String fingerprint = identity.sha256Fingerprint(); // 4A:AD:...: print it for the peers
        SipEndpoint server = SipEndpoint.builder()
                .bind(address)
                .udpPort(0) // 0: an ephemeral port; 5060 in production
                .tcpPort(0) // 5060
                .tlsPort(0) // 5061
                .wsPort(0) // 80 or 8080 behind a proxy
                .wssPort(0) // 443 or 8443
                .tlsIdentity(identity) // or .tlsServerContext(applicationSslContext)
                .idleTimeout(Duration.ofMinutes(5))
                .start(AutoAnswerUas.factory(AutoAnswerUas.Settings.audio("sip:uas@127.0.0.1", "127.0.0.1", 30000)));
        // end::server[]
        try (server) {
            assertThat(fingerprint).hasSize(95);
            // tag::client[]
            try (SipEndpoint client = SipEndpoint.builder()
                    .bind(address)
                    .tlsClientContext(TlsIdentity.clientContextTrusting(identity.certificate()))
                    .keepAliveInterval(Duration.ofSeconds(30)) // RFC 5626 CRLF pings on our connections
                    .start(layer -> transaction -> {})) {
                SipTransportChannel tls = client.channel(
                                SipTransport.TLS,
                                server.address(SipTransport.TLS).orElseThrow())
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS); // a later call to the same address reuses it
                SipRequest options =
                        Probes.parseRequest(Probes.options("TLS client.invalid", TransactionLayer.newBranch()));
                CompletableFuture<Integer> status = new CompletableFuture<>();
                client.transactions().sendRequest(options, tls, new ClientTransactionListener() {
                    @Override
                    public void onResponse(ClientTransaction transaction, SipResponse response) {
                        status.complete(response.statusCode());
                    }

                    @Override
                    public void onTransportError(ClientTransaction transaction, Throwable cause) {
                        status.completeExceptionally(cause); // the connection failed: all is released
                    }
                });
                assertThat(status.get(10, TimeUnit.SECONDS)).isEqualTo(200);
            }
            // end::client[]
        }
    }

    @Test
    void pemFiles() {
        Path certFile = dir.resolve("cert.pem");
        Path keyFile = dir.resolve("key.pem");
        TlsIdentity.selfSigned(Clock.systemUTC(), "sip.bank.example").writePem(certFile, keyFile);
        // tag::pem[]
        TlsIdentity identity = TlsIdentity.fromPem(certFile, keyFile); // leaf first, then the chain
        SipEndpoint.Builder builder = SipEndpoint.builder().tlsPort(0).tlsIdentity(identity);
        // end::pem[]
        assertThat(identity.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=sip.bank.example");
        assertThat(builder).isNotNull();
    }

    @Test
    void limitsAgainstAbusivePeers() {
        InetAddress address = InetAddress.getLoopbackAddress();
        // tag::limits[]
        SipEndpoint guarded = SipEndpoint.builder()
                .bind(address)
                .maxConnections(10_000) // peer-opened connections in all
                .maxConnectionsPerAddress(256) // from one source address
                .headerTimeout(Duration.ofSeconds(32)) // a message's header block, then its body
                .writeBufferWaterMark(32 * 1024, 64 * 1024) // stop reading above 64 KiB queued
                .maxPendingOutboundBytes(1024 * 1024) // close past 1 MiB queued
                .start(layer -> transaction -> {});
        TransportStats stats = guarded.stats(); // refused, closed, dropped, queued
        // end::limits[]
        try (guarded) {
            assertThat(stats.openConnections()).isZero();
            assertThat(stats.refusedOverAddressLimit()).isZero();
        }
    }
}
