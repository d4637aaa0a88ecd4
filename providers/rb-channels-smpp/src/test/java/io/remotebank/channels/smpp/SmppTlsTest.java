package io.remotebank.channels.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.remotebank.channels.smpp.simulator.SmscSimulator;
import io.remotebank.channels.spi.SubmitResult;
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

    private static SslContext server() throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, STORE_PASSWORD);
        return SslContextBuilder.forServer(kmf).build();
    }

    private static SslContext client() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        return SslContextBuilder.forClient().trustManager(tmf).build();
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
