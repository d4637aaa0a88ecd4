package io.remotebank.signaling.sip.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.signaling.sip.DigestAlgorithm;
import io.remotebank.signaling.sip.SipMessage;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipUri;
import io.remotebank.signaling.sip.auth.DigestAuthenticator;
import io.remotebank.signaling.sip.auth.DigestClient;
import io.remotebank.signaling.sip.auth.InMemoryCredentialStore;
import io.remotebank.signaling.sip.transaction.SipTransportChannel;
import io.remotebank.signaling.sip.transaction.TransactionLayer;
import io.remotebank.signaling.sip.transaction.TransactionSettings;
import io.remotebank.signaling.sip.transaction.VirtualScheduler;
import io.remotebank.signaling.sip.transport.SipTransport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** A user agent's registration against our registrar, everything on virtual time. */
class RegistrationTest {

    private static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");
    private static final SipUri ALICE = SipUri.parse("sip:alice@bank.example");

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return T0.plusMillis(scheduler.now());
        }
    };
    private final InMemoryCredentialStore users =
            new InMemoryCredentialStore().putPassword("bank.example", "alice", "s3cret!");
    private Registrar registrar = registrar(Duration.ofSeconds(60));
    private final TransactionLayer client =
            TransactionLayer.create(TransactionSettings.ofDefaults(), scheduler, tx -> {});
    private final Network network = new Network();
    private final List<String> events = new ArrayList<>();

    private Registrar registrar(Duration min) {
        return Registrar.builder(new InMemoryLocationService(clock))
                .clock(clock)
                .minExpires(min)
                .authenticator(DigestAuthenticator.builder("bank.example", users)
                        .clock(clock)
                        .algorithms(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5)
                        .build())
                .build();
    }

    /** Delivers each REGISTER to the registrar and its answer back 5 ms later. */
    private final class Network implements SipTransportChannel {
        final List<SipRequest> requests = new ArrayList<>();
        boolean down;

        @Override
        public boolean reliable() {
            return true;
        }

        @Override
        public CompletionStage<Void> send(SipMessage message) {
            if (!down) {
                SipRequest request = (SipRequest) message;
                requests.add(request);
                var response = registrar.register(request);
                scheduler.schedule(Duration.ofMillis(5), () -> client.receive(response, this));
            }
            return CompletableFuture.completedFuture(null);
        }
    }

    private Registration registration(String password, Duration expires) {
        return Registration.builder(client, network)
                .registrar("sip:bank.example")
                .addressOfRecord("sip:alice@bank.example")
                .contact("sip:alice@192.0.2.4:5070")
                .sentBy(SipTransport.UDP, "192.0.2.4", 5070)
                .expires(expires)
                .credentials(DigestClient.of("alice", password))
                .retryInterval(Duration.ofSeconds(30))
                .listener(new Registration.Listener() {
                    @Override
                    public void onRegistered(Duration granted) {
                        events.add("registered " + granted.getSeconds());
                    }

                    @Override
                    public void onFailed(RegistrationException failure) {
                        events.add("failed " + failure.statusCode());
                    }
                })
                .build();
    }

    @Test
    void register_answersTheChallengeWithSha256_andTheBindingExists() {
        Registration r = registration("s3cret!", Duration.ofSeconds(600));
        CompletableFuture<Duration> started = r.start().toCompletableFuture();
        scheduler.advance(100);

        assertThat(started).isCompletedWithValue(Duration.ofSeconds(600));
        assertThat(r.state()).isEqualTo(Registration.State.REGISTERED);
        assertThat(network.requests).hasSize(2);
        assertThat(network.requests.get(1).authorizations().get(0).param("algorithm"))
                .contains("SHA-256");
        assertThat(registrar.lookup(ALICE))
                .singleElement()
                .satisfies(b -> assertThat(b.contact().uri().toString()).isEqualTo("sip:alice@192.0.2.4:5070"));
        assertThat(events).containsExactly("registered 600");
        assertThat(client.liveTransactions()).isZero();
    }

    @Test
    void theRegistration_isRefreshedAMinuteBeforeItEnds_withTheSameCallIdAndAHigherCSeq() {
        Registration r = registration("s3cret!", Duration.ofSeconds(600));
        r.start();
        scheduler.advance(100);
        network.requests.clear();

        scheduler.advance(Duration.ofSeconds(539).toMillis());
        assertThat(network.requests).isEmpty();
        scheduler.advance(Duration.ofSeconds(2).toMillis());

        assertThat(network.requests).hasSize(2); // challenged again: the nonce expired long ago
        assertThat(network.requests).allSatisfy(q -> assertThat(q.callId()).contains(r.callId()));
        assertThat(network.requests.get(1).cseq().orElseThrow().number()).isEqualTo(4);
        assertThat(r.refreshes()).isEqualTo(1);
        assertThat(registrar.lookup(ALICE).get(0).expiresAt()).isAfter(T0.plusSeconds(1100));

        scheduler.advance(Duration.ofHours(2).toMillis());
        assertThat(r.refreshes()).isEqualTo(14);
        assertThat(registrar.lookup(ALICE)).hasSize(1);
    }

    @Test
    void aShortInterval_isRefreshedHalfWay() {
        Registration r = registration("s3cret!", Duration.ofSeconds(90));
        r.start();
        scheduler.advance(100);
        network.requests.clear();
        scheduler.advance(Duration.ofSeconds(45).toMillis());
        assertThat(network.requests).isNotEmpty();
    }

    @Test
    void anIntervalTooBrief_isAskedAgainWithMinExpires() {
        registrar = registrar(Duration.ofSeconds(300));
        Registration r = registration("s3cret!", Duration.ofSeconds(120));
        CompletableFuture<Duration> started = r.start().toCompletableFuture();
        scheduler.advance(100);

        assertThat(started).isCompletedWithValue(Duration.ofSeconds(300));
        assertThat(network.requests)
                .extracting(q -> q.header("Expires").orElseThrow())
                .containsExactly("120", "120", "300", "300");
    }

    @Test
    void aWrongPassword_failsTheRegistration_withoutLooping() {
        Registration r = registration("guess", Duration.ofSeconds(600));
        CompletableFuture<Duration> started = r.start().toCompletableFuture();
        scheduler.advance(100);

        assertThat(started).isCompletedExceptionally();
        assertThat(started.handle((v, e) -> ((RegistrationException) e).statusCode()))
                .isCompletedWithValue(401);
        assertThat(network.requests).hasSize(2);
        assertThat(r.state()).isEqualTo(Registration.State.FAILED);
        assertThat(registrar.lookup(ALICE)).isEmpty();
        assertThat(events).containsExactly("failed 401");
    }

    @Test
    void aFailedRefresh_isTriedAgainAfterTheRetryInterval() {
        Registration r = registration("s3cret!", Duration.ofSeconds(600));
        r.start();
        scheduler.advance(100);
        users.remove("bank.example", "alice");

        scheduler.advance(Duration.ofSeconds(541).toMillis());
        assertThat(r.state()).isEqualTo(Registration.State.FAILED);

        users.putPassword("bank.example", "alice", "s3cret!");
        scheduler.advance(Duration.ofSeconds(31).toMillis());
        assertThat(r.state()).isEqualTo(Registration.State.REGISTERED);
        assertThat(events).containsExactly("registered 600", "failed 401", "registered 600");
    }

    @Test
    void noAnswer_failsWith408AfterTimerF() {
        network.down = true;
        Registration r = registration("s3cret!", Duration.ofSeconds(600));
        CompletableFuture<Duration> started = r.start().toCompletableFuture();
        scheduler.advance(Duration.ofSeconds(31).toMillis());
        assertThat(started).isNotDone();
        scheduler.advance(Duration.ofSeconds(1).toMillis());
        assertThat(started.handle((v, e) -> ((RegistrationException) e).statusCode()))
                .isCompletedWithValue(408);
    }

    @Test
    void stop_removesTheBinding_andNothingIsSentAfterwards() {
        Registration r = registration("s3cret!", Duration.ofSeconds(600));
        r.start();
        scheduler.advance(100);

        CompletableFuture<Void> stopped = r.stop().toCompletableFuture();
        scheduler.advance(100);

        assertThat(stopped).isCompleted();
        assertThat(stopped).isNotCompletedExceptionally();
        assertThat(r.state()).isEqualTo(Registration.State.STOPPED);
        assertThat(registrar.lookup(ALICE)).isEmpty();
        int sent = network.requests.size();
        scheduler.advance(Duration.ofHours(3).toMillis());
        assertThat(network.requests).hasSize(sent);
        assertThat(scheduler.pending()).isZero();
        assertThat(r.stop()).isSameAs(stopped);
    }

    @Test
    void theBuilder_refusesWhatCannotWork() {
        var b = Registration.builder(client, network);
        org.assertj.core.api.Assertions.assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.registrar("tel:+123"))
                .hasMessageContaining("sip or sips");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.expires(Duration.ZERO))
                .hasMessageContaining("expires");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.sentBy(SipTransport.UDP, "h", 0))
                .hasMessageContaining("port");
    }
}
