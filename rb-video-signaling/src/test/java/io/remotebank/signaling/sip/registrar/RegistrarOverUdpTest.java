package io.remotebank.signaling.sip.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.signaling.sip.DigestAlgorithm;
import io.remotebank.signaling.sip.SipUri;
import io.remotebank.signaling.sip.auth.DigestAuthenticator;
import io.remotebank.signaling.sip.auth.DigestClient;
import io.remotebank.signaling.sip.auth.InMemoryCredentialStore;
import io.remotebank.signaling.sip.auth.spi.CredentialStore;
import io.remotebank.signaling.sip.transaction.SipTransportChannel;
import io.remotebank.signaling.sip.transport.SipEndpoint;
import io.remotebank.signaling.sip.transport.SipTransport;
import io.remotebank.signaling.sip.ua.AutoAnswerUas;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SHA-256 and SHA-512-256 proven over real UDP: our Registration (a UAC) against our registrar on a
 * SipEndpoint that also runs the auto-answering UAS.
 */
class RegistrarOverUdpTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @ParameterizedTest
    @EnumSource(
            value = DigestAlgorithm.class,
            names = {"SHA_256", "SHA_512_256", "MD5"})
    void ourUacRegisters_withTheAlgorithmBothSidesPreferMost(DigestAlgorithm algorithm) throws Exception {
        InMemoryCredentialStore users = new InMemoryCredentialStore().putPassword("bank.example", "alice", "s3cret!");
        java.util.Set<DigestAlgorithm> asked = java.util.concurrent.ConcurrentHashMap.newKeySet();
        CredentialStore recording = (realm, user, alg) -> {
            asked.add(alg);
            return users.ha1(realm, user, alg);
        };
        Registrar registrar = Registrar.builder(new InMemoryLocationService(Clock.systemUTC()))
                .authenticator(DigestAuthenticator.builder("bank.example", recording)
                        .build()) // offers SHA-512-256, SHA-256 and MD5
                .build();
        try (SipEndpoint server = SipEndpoint.builder()
                        .bind(LOOPBACK)
                        .tcpPort(-1)
                        .threads(1)
                        .start(registrar.factoryInFrontOf(AutoAnswerUas.factory(
                                AutoAnswerUas.Settings.audio("sip:uas@127.0.0.1", "127.0.0.1", 30000))));
                SipEndpoint ua = SipEndpoint.builder()
                        .bind(LOOPBACK)
                        .tcpPort(-1)
                        .threads(1)
                        .start(layer -> tx -> {})) {
            InetSocketAddress local = ua.udpAddress().orElseThrow();
            SipTransportChannel channel = ua.channel(
                            SipTransport.UDP, server.udpAddress().orElseThrow())
                    .toCompletableFuture()
                    .get(5, TimeUnit.SECONDS);
            // the client supports the algorithm under test and the weaker ones
            EnumSet<DigestAlgorithm> supported = EnumSet.of(algorithm, DigestAlgorithm.MD5);
            Registration registration = Registration.builder(ua.transactions(), channel)
                    .registrar("sip:bank.example")
                    .addressOfRecord("sip:alice@bank.example")
                    .contact("sip:alice@127.0.0.1:" + local.getPort())
                    .sentBy(SipTransport.UDP, "127.0.0.1", local.getPort())
                    .expires(Duration.ofSeconds(300))
                    .credentials(DigestClient.of("alice", "s3cret!", supported, new SecureRandom()))
                    .build();

            Duration granted = registration.start().toCompletableFuture().get(10, TimeUnit.SECONDS);

            assertThat(granted).isEqualTo(Duration.ofSeconds(300));
            assertThat(asked).containsExactly(algorithm); // the strongest both support, over the wire
            assertThat(registrar.lookup(SipUri.parse("sip:alice@bank.example")))
                    .singleElement()
                    .satisfies(b -> assertThat(b.contact().uri().port()).hasValue(local.getPort()));

            registration.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(registrar.lookup(SipUri.parse("sip:alice@bank.example"))).isEmpty();
        }
    }
}
