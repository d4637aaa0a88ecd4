package io.remotebank.channels.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.remotebank.channels.smpp.simulator.SmscSimulator;
import io.remotebank.channels.spi.SubmitResult;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import io.remotebank.core.tls.TlsPolicy;
import io.remotebank.testsupport.Await;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SMPP over TLS with the application's SslContext: a certificate for localhost made by keytool. */
class SmppTlsTest {

    private static final char[] STORE_PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;

    private static KeyStore store;

    @BeforeAll
    static void makeCertificate() throws Exception {
        Path file = dir.resolve("smsc.p12");
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "smsc",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=dns:localhost",
                        "-validity",
                        "2",
                        "-keystore",
                        file.toString(),
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        "changeit",
                        "-keypass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, STORE_PASSWORD);
        }
    }

    private static SslContext server(String... protocols) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, STORE_PASSWORD);
        SslContextBuilder b = SslContextBuilder.forServer(kmf);
        return (protocols.length > 0 ? b.protocols(protocols) : b).build();
    }

    private static SslContext client(String... protocols) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SslContextBuilder b = SslContextBuilder.forClient().trustManager(tmf);
        return (protocols.length > 0 ? b.protocols(protocols) : b).build();
    }

    @Test
    void aProtocolTheApplicationDisabled_staysDisabled() throws Exception {
        // The application's context allows TLS 1.3 only; the SMSC speaks TLS 1.2 only. The client
        // must not turn TLS 1.2 back on: no handshake, no bind.
        try (SmscSimulator smsc =
                        SmscSimulator.builder().tls(server("TLSv1.2")).build().start();
                SmppProvider provider = SmppProvider.create(SmppClientConfig.builder("localhost", smsc.port())
                        .credentials("bank", "secret".toCharArray())
                        .tls(client("TLSv1.3"))
                        .reconnectDelay(Duration.ofSeconds(30), Duration.ofSeconds(30))
                        .build())) {
            provider.start(new RecordingContext());

            Await.until(
                    "the first attempt ends", () -> provider.lastBindFailure().isPresent() || provider.isBound());
            assertThat(provider.isBound())
                    .as("bound over a protocol the application disabled")
                    .isFalse();
            assertThat(provider.lastBindFailure().orElseThrow().getMessage()).contains("TLS handshake");
            assertThat(smsc.statistics().binds()).isZero();
        }
    }

    @Test
    void aNationalProtocolTheContextEnables_isKept_andTheObsoleteOnesGo() throws Exception {
        TlcpNamingContext context = new TlcpNamingContext(client("TLSv1.3", "TLSv1.1"));
        try (SmscSimulator smsc = SmscSimulator.builder().tls(server()).build().start();
                SmppProvider provider = SmppProvider.create(SmppClientConfig.builder("localhost", smsc.port())
                        .credentials("bank", "secret".toCharArray())
                        .tls(context)
                        .build())) {
            provider.start(new RecordingContext());
            provider.bound().toCompletableFuture().get(20, TimeUnit.SECONDS);

            TlcpNamingContext.Engine engine = context.engines.get(context.engines.size() - 1);
            assertThat(engine.tlcpEnabled()).as("TLCP left enabled").isTrue();
            assertThat(engine.enabled()).containsExactlyInAnyOrder(TlcpNamingContext.TLCP, "TLSv1.3");
        }
    }

    @Test
    void aPolicyThatLeavesNoProtocol_isRefusedWhenTheConfigurationIsBuilt() throws Exception {
        SmppClientConfig.Builder b = SmppClientConfig.builder("localhost", 2775)
                .credentials("bank", "secret".toCharArray())
                .tls(client("TLSv1.2"))
                .tlsPolicy(TlsPolicy.builder().onlyProtocols("TLSv1.3").build());

        org.assertj.core.api.Assertions.assertThatThrownBy(b::build)
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.code()).isEqualTo(CoreError.TLS_POLICY_UNSATISFIABLE));
    }

    @Test
    void overTls_theClientBindsAndSubmits() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.builder().tls(server()).build().start();
                SmppProvider provider = SmppProvider.create(SmppClientConfig.builder("localhost", smsc.port())
                        .credentials("bank", "secret".toCharArray())
                        .tls(client())
                        .build())) {
            provider.start(new RecordingContext());
            provider.bound().toCompletableFuture().get(20, TimeUnit.SECONDS);
            assertThat(provider.submit(SmppProviderTest.sms("over TLS"))
                            .toCompletableFuture()
                            .get(10, TimeUnit.SECONDS))
                    .isInstanceOf(SubmitResult.Submitted.class);
            assertThat(smsc.messages())
                    .singleElement()
                    .satisfies(m -> assertThat(m.text()).isEqualTo("over TLS"));
        }
    }

    @Test
    void aCertificateThatDoesNotNameTheHost_isRefused() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.builder().tls(server()).build().start();
                SmppProvider provider = SmppProvider.create(SmppClientConfig.builder("127.0.0.1", smsc.port())
                        .credentials("bank", "secret".toCharArray())
                        .tls(client())
                        .reconnectDelay(Duration.ofMillis(50), Duration.ofMillis(100))
                        .submitTimeout(Duration.ofMillis(800))
                        .build())) {
            provider.start(new RecordingContext());
            assertThat(provider.submit(SmppProviderTest.sms("x"))
                            .toCompletableFuture()
                            .get(10, TimeUnit.SECONDS))
                    .isInstanceOf(SubmitResult.TemporaryFailure.class);
            assertThat(provider.isBound()).isFalse();
            assertThat(smsc.statistics().binds()).isZero();
        }
    }

    @Test
    void aServerContext_isNoClientContext() throws Exception {
        SslContext server = server();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> SmppClientConfig.builder("h", 1).tls(server))
                .isInstanceOf(SmppException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> SmscSimulator.builder().tls(client()))
                .isInstanceOf(SmppException.class);
    }
}
