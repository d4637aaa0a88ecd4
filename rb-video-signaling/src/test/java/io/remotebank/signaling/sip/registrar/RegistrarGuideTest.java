package io.remotebank.signaling.sip.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.signaling.sip.SipUri;
import io.remotebank.signaling.sip.auth.DigestAuthenticator;
import io.remotebank.signaling.sip.auth.DigestClient;
import io.remotebank.signaling.sip.auth.InMemoryCredentialStore;
import io.remotebank.signaling.sip.auth.UsersFile;
import io.remotebank.signaling.sip.transaction.SipTransportChannel;
import io.remotebank.signaling.sip.transport.SipEndpoint;
import io.remotebank.signaling.sip.transport.SipTransport;
import io.remotebank.signaling.sip.ua.AutoAnswerUas;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples of docs/rb-video-signaling-registrar.md, compiled and run. */
class RegistrarGuideTest {

    @Test
    void aRegistrarWithDigest_andAUserAgentThatRegisters(@TempDir Path dir) throws Exception {
        Path usersFile = dir.resolve("users");
        // tag::users-file[]
        Files.write(usersFile, List.of(UsersFile.line("alice", "bank.example", "s3cret!"))); // HA1s only
        InMemoryCredentialStore users = UsersFile.load(usersFile);
        // end::users-file[]

        // tag::registrar[]
        Clock clock = Clock.systemUTC();
        Registrar registrar = Registrar.builder(new InMemoryLocationService(clock))
                .clock(clock)
                .domains("bank.example")
                .authenticator(DigestAuthenticator.builder("bank.example", users)
                        .clock(clock)
                        .build()) // challenges with SHA-512-256, SHA-256 and MD5
                .build();
        SipEndpoint server = SipEndpoint.builder()
                .bind(InetAddress.getLoopbackAddress())
                .start(registrar.factoryInFrontOf(
                        AutoAnswerUas.factory(AutoAnswerUas.Settings.audio("sip:uas@127.0.0.1", "127.0.0.1", 30000))));
        // end::registrar[]

        try (server;
                SipEndpoint phone = SipEndpoint.builder()
                        .bind(InetAddress.getLoopbackAddress())
                        .start(layer -> tx -> {})) {
            InetSocketAddress local = phone.udpAddress().orElseThrow();
            // tag::registration[]
            SipTransportChannel toRegistrar = phone.channel(
                            SipTransport.UDP, server.udpAddress().orElseThrow())
                    .toCompletableFuture()
                    .get(5, TimeUnit.SECONDS);
            Registration registration = Registration.builder(phone.transactions(), toRegistrar)
                    .registrar("sip:bank.example")
                    .addressOfRecord("sip:alice@bank.example")
                    .contact("sip:alice@127.0.0.1:" + local.getPort())
                    .sentBy(SipTransport.UDP, "127.0.0.1", local.getPort())
                    .expires(Duration.ofMinutes(10))
                    .credentials(DigestClient.of("alice", "s3cret!"))
                    .build();
            Duration granted = registration.start().toCompletableFuture().get(5, TimeUnit.SECONDS);
            // refreshed a minute before it runs out, until registration.stop()
            List<Binding> alice = registrar.lookup(SipUri.parse("sip:alice@bank.example"));
            // end::registration[]

            assertThat(granted).isEqualTo(Duration.ofMinutes(10));
            assertThat(alice).hasSize(1);
            registration.stop().toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(registrar.lookup(SipUri.parse("sip:alice@bank.example"))).isEmpty();
        }
    }
}
