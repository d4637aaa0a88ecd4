package io.remotebank.signaling.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.ValidationException;
import io.remotebank.signaling.sip.Authentication;
import io.remotebank.signaling.sip.Digest;
import io.remotebank.signaling.sip.DigestAlgorithm;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.auth.AuthResult.Authorized;
import io.remotebank.signaling.sip.auth.AuthResult.Denied;
import io.remotebank.signaling.sip.auth.AuthResult.Failure;
import io.remotebank.signaling.sip.transaction.TransactionLayer;
import io.remotebank.testsupport.ManualClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Digest authentication, server and client, on a manual clock. */
class DigestAuthenticatorTest {

    private static final String REALM = "bank.example";

    private final ManualClock clock = ManualClock.atNineAm();
    private final InMemoryCredentialStore store = new InMemoryCredentialStore().putPassword(REALM, "alice", "s3cret!");
    private final DigestAuthenticator server =
            DigestAuthenticator.builder(REALM, store).clock(clock).build();
    private final DigestClient alice = DigestClient.of("alice", "s3cret!");

    static SipRequest register(long cseq) {
        return (SipRequest) SipRequest.builder("REGISTER", "sip:bank.example")
                .header("Via", "SIP/2.0/UDP 192.0.2.4:5070;rport;branch=" + TransactionLayer.newBranch())
                .header("Max-Forwards", "70")
                .header("From", "<sip:alice@bank.example>;tag=a1")
                .header("To", "<sip:alice@bank.example>")
                .header("Call-ID", "call-1")
                .header("CSeq", cseq + " REGISTER")
                .header("Contact", "<sip:alice@192.0.2.4:5070>")
                .build();
    }

    private SipResponse challenge(SipRequest request) {
        AuthResult r = server.authenticate(request);
        assertThat(r).isInstanceOf(Denied.class);
        return ((Denied) r).response();
    }

    @Test
    void theFirstRequest_getsOneChallengePerAlgorithm_strongestFirst_withOneNonce() {
        SipRequest request = register(1);
        AuthResult r = server.authenticate(request);

        assertThat(r)
                .isInstanceOfSatisfying(
                        Denied.class, d -> assertThat(d.failure()).isEqualTo(Failure.NO_CREDENTIALS));
        SipResponse challenge = ((Denied) r).response();
        assertThat(challenge.statusCode()).isEqualTo(401);
        assertThat(challenge.toTag()).isPresent();
        List<Authentication> challenges = challenge.wwwAuthenticates();
        assertThat(challenges)
                .extracting(c -> c.param("algorithm").orElseThrow())
                .containsExactly("SHA-512-256", "SHA-256", "MD5");
        assertThat(challenges).allSatisfy(c -> {
            assertThat(c.isDigest()).isTrue();
            assertThat(c.param("realm")).contains(REALM);
            assertThat(c.param("qop")).contains("auth");
            assertThat(c.param("stale")).isEmpty();
        });
        assertThat(challenges.stream().map(c -> c.param("nonce").orElseThrow()).distinct())
                .singleElement()
                .satisfies(n -> assertThat(n).hasSize(22)); // 128 bits, base64url
        assertThat(server.outstandingNonces()).isEqualTo(1);
    }

    @Test
    void noncesDiffer_fromChallengeToChallenge() {
        String a =
                challenge(register(1)).wwwAuthenticates().get(0).param("nonce").orElseThrow();
        String b =
                challenge(register(1)).wwwAuthenticates().get(0).param("nonce").orElseThrow();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void theClient_answersWithTheStrongestAlgorithm_andIsAuthorized() {
        SipRequest first = register(1);
        SipRequest retry = alice.authorize(first, challenge(first)).orElseThrow();

        assertThat(retry.cseq().orElseThrow().number()).isEqualTo(2);
        assertThat(retry.topVia().orElseThrow().branch())
                .isNotEqualTo(first.topVia().orElseThrow().branch());
        assertThat(retry.topVia().orElseThrow().branch().orElseThrow()).startsWith("z9hG4bK");
        Authentication credentials = retry.authorizations().get(0);
        assertThat(credentials.param("algorithm")).contains("SHA-512-256");
        assertThat(credentials.param("nc")).contains("00000001");
        assertThat(credentials.param("qop")).contains("auth");
        assertThat(credentials.param("cnonce").orElseThrow()).hasSize(32);
        assertThat(credentials.param("uri")).contains("sip:bank.example");

        assertThat(server.authenticate(retry)).isEqualTo(new Authorized("alice", REALM, DigestAlgorithm.SHA_512_256));
    }

    @ParameterizedTest
    @EnumSource(DigestAlgorithm.class)
    void eachAlgorithm_authenticatesEndToEnd(DigestAlgorithm algorithm) {
        DigestAuthenticator only = DigestAuthenticator.builder(REALM, store)
                .clock(clock)
                .algorithms(algorithm)
                .build();
        SipRequest first = register(1);
        SipResponse challenge = ((Denied) only.authenticate(first)).response();
        SipRequest retry = alice.authorize(first, challenge).orElseThrow();
        assertThat(only.authenticate(retry)).isEqualTo(new Authorized("alice", REALM, algorithm));
    }

    @Test
    void aClientLimitedToMd5_picksMd5FromTheSeveralChallenges() {
        DigestClient md5 = DigestClient.of("alice", "s3cret!", EnumSet.of(DigestAlgorithm.MD5), new SecureRandom());
        SipRequest first = register(1);
        SipRequest retry = md5.authorize(first, challenge(first)).orElseThrow();
        assertThat(server.authenticate(retry)).isEqualTo(new Authorized("alice", REALM, DigestAlgorithm.MD5));
    }

    @Test
    void aClientWithNoCommonAlgorithm_givesUp() {
        DigestAuthenticator shaOnly = DigestAuthenticator.builder(REALM, store)
                .algorithms(DigestAlgorithm.SHA_256)
                .build();
        DigestClient md5 = DigestClient.of("alice", "s3cret!", EnumSet.of(DigestAlgorithm.MD5), new SecureRandom());
        SipRequest first = register(1);
        assertThat(md5.authorize(first, ((Denied) shaOnly.authenticate(first)).response()))
                .isEmpty();
    }

    @Test
    void credentialsWithAnAlgorithmNotOffered_areChallengedAgain() {
        DigestAuthenticator shaOnly = DigestAuthenticator.builder(REALM, store)
                .algorithms(DigestAlgorithm.SHA_256)
                .build();
        String nonce = ((Denied) shaOnly.authenticate(register(1)))
                .response()
                .wwwAuthenticates()
                .get(0)
                .param("nonce")
                .orElseThrow();
        SipRequest md5Retry = withCredentials(register(2), md5Credentials(register(2), nonce, "00000001"));
        assertThat(shaOnly.authenticate(md5Retry)).isInstanceOfSatisfying(Denied.class, d -> {
            assertThat(d.failure()).isEqualTo(Failure.UNSUPPORTED_ALGORITHM);
            assertThat(d.response().statusCode()).isEqualTo(401);
        });
    }

    @Test
    void aWrongPassword_isChallengedAgain_notStale_andTheClientStops() {
        DigestClient mallory = DigestClient.of("alice", "guess");
        SipRequest first = register(1);
        SipRequest retry = mallory.authorize(first, challenge(first)).orElseThrow();

        AuthResult r = server.authenticate(retry);
        assertThat(r).isInstanceOfSatisfying(Denied.class, d -> {
            assertThat(d.failure()).isEqualTo(Failure.WRONG_RESPONSE);
            assertThat(d.response().wwwAuthenticates())
                    .allSatisfy(c -> assertThat(c.param("stale")).isEmpty());
        });
        assertThat(mallory.authorize(retry, ((Denied) r).response())).isEmpty();
    }

    @Test
    void anUnknownUser_isChallengedLikeAWrongPassword() {
        DigestClient bob = DigestClient.of("bob", "s3cret!");
        SipRequest first = register(1);
        SipRequest retry = bob.authorize(first, challenge(first)).orElseThrow();
        assertThat(server.authenticate(retry)).isInstanceOfSatisfying(Denied.class, d -> {
            assertThat(d.failure()).isEqualTo(Failure.UNKNOWN_USER);
            assertThat(d.response().statusCode()).isEqualTo(401);
        });
    }

    @Test
    void anExpiredNonce_isStale_andTheClientRetriesWithoutAskingItsUser() {
        SipRequest first = register(1);
        SipRequest retry = alice.authorize(first, challenge(first)).orElseThrow();
        clock.advance(Duration.ofMinutes(5)); // the default nonce lifetime

        AuthResult r = server.authenticate(retry);
        assertThat(r).isInstanceOfSatisfying(Denied.class, d -> {
            assertThat(d.failure()).isEqualTo(Failure.STALE_NONCE);
            assertThat(d.response().wwwAuthenticates())
                    .allSatisfy(c -> assertThat(c.param("stale")).contains("true"));
        });
        SipRequest again = alice.authorize(retry, ((Denied) r).response()).orElseThrow();
        assertThat(again.cseq().orElseThrow().number()).isEqualTo(3);
        assertThat(again.authorizations()).hasSize(1);
        assertThat(server.authenticate(again)).isInstanceOf(Authorized.class);
    }

    @Test
    void aNonceIsValidJustBeforeItsLifetimeEnds() {
        SipRequest first = register(1);
        SipRequest retry = alice.authorize(first, challenge(first)).orElseThrow();
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(server.authenticate(retry)).isInstanceOf(Authorized.class);
    }

    @Test
    void aReplayedRequest_isRefused_withStale() {
        SipRequest first = register(1);
        SipRequest retry = alice.authorize(first, challenge(first)).orElseThrow();
        assertThat(server.authenticate(retry)).isInstanceOf(Authorized.class);

        assertThat(server.authenticate(retry)).isInstanceOfSatisfying(Denied.class, d -> {
            assertThat(d.failure()).isEqualTo(Failure.REPLAYED_NONCE_COUNT);
            assertThat(d.response().wwwAuthenticates().get(0).param("stale")).contains("true");
        });
    }

    @Test
    void aWrongGuess_doesNotUseUpTheNonceCount() {
        SipRequest first = register(1);
        SipResponse challenge = challenge(first);
        SipRequest guess =
                DigestClient.of("alice", "guess").authorize(first, challenge).orElseThrow();
        assertThat(server.authenticate(guess)).isInstanceOf(Denied.class);
        SipRequest real = alice.authorize(first, challenge).orElseThrow(); // nc 00000001 again
        assertThat(real.authorizations().get(0).param("nc")).contains("00000001");
        assertThat(server.authenticate(real)).isInstanceOf(Authorized.class);
    }

    @Test
    void laterRequestsOnTheSameNonce_countUp() {
        String nonce =
                challenge(register(1)).wwwAuthenticates().get(2).param("nonce").orElseThrow();
        assertThat(server.authenticate(withCredentials(register(2), md5Credentials(register(2), nonce, "00000002"))))
                .isInstanceOf(Authorized.class);
        assertThat(server.authenticate(withCredentials(register(3), md5Credentials(register(3), nonce, "00000001"))))
                .isInstanceOf(Authorized.class); // overtaken on UDP: still fresh
        assertThat(server.authenticate(withCredentials(register(4), md5Credentials(register(4), nonce, "00000002"))))
                .isInstanceOfSatisfying(
                        Denied.class, d -> assertThat(d.failure()).isEqualTo(Failure.REPLAYED_NONCE_COUNT));
    }

    @Test
    void aCountFarBehindTheHighest_isRefused() {
        String nonce =
                challenge(register(1)).wwwAuthenticates().get(2).param("nonce").orElseThrow();
        assertThat(server.authenticate(withCredentials(register(2), md5Credentials(register(2), nonce, "00000100"))))
                .isInstanceOf(Authorized.class);
        assertThat(server.authenticate(withCredentials(register(3), md5Credentials(register(3), nonce, "00000010"))))
                .isInstanceOfSatisfying(
                        Denied.class, d -> assertThat(d.failure()).isEqualTo(Failure.REPLAYED_NONCE_COUNT));
    }

    @Test
    void aNonceTheServerNeverIssued_isStaleWhenTheResponseIsRight() {
        assertThat(server.authenticate(withCredentials(
                        register(2), md5Credentials(register(2), "bm90LWlzc3VlZC1ieS11cw", "00000001"))))
                .isInstanceOfSatisfying(
                        Denied.class, d -> assertThat(d.failure()).isEqualTo(Failure.STALE_NONCE));
    }

    @Test
    void noMoreNoncesAreHeldThanTheLimit_andAnEvictedOneIsStale() {
        DigestAuthenticator small = DigestAuthenticator.builder(REALM, store)
                .clock(clock)
                .maxNonces(2)
                .build();
        List<SipRequest> retries = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            SipRequest first = register(1);
            retries.add(alice.authorize(first, ((Denied) small.authenticate(first)).response())
                    .orElseThrow());
        }
        assertThat(small.outstandingNonces()).isLessThanOrEqualTo(2);
        List<AuthResult> results = retries.stream().map(small::authenticate).toList();
        assertThat(results.stream().filter(Authorized.class::isInstance)).hasSizeLessThanOrEqualTo(2);
        assertThat(results.stream().filter(Denied.class::isInstance))
                .hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(d -> assertThat(((Denied) d).failure()).isEqualTo(Failure.STALE_NONCE));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "username=\"alice\", realm=\"bank.example\", uri=\"sip:bank.example\", response=\"00\", qop=auth, nc=00000001, cnonce=\"c\"",
                "username=\"alice\", realm=\"bank.example\", nonce=\"n\", uri=\"sip:bank.example\", response=\"00\"",
                "username=\"alice\", realm=\"bank.example\", nonce=\"n\", uri=\"sip:bank.example\", response=\"00\", qop=auth-int, nc=00000001, cnonce=\"c\"",
                "username=\"alice\", realm=\"bank.example\", nonce=\"n\", uri=\"sip:bank.example\", response=\"00\", qop=auth, nc=1, cnonce=\"c\"",
                "username=\"alice\", realm=\"bank.example\", nonce=\"n\", uri=\"sip:bank.example\", response=\"00\", qop=auth, nc=00000000, cnonce=\"c\"",
                "username=\"alice\", realm=\"bank.example\", nonce=\"n\", uri=\"sip:bank.example\", response=\"00\", qop=auth, nc=0000000g, cnonce=\"c\"",
                "username=\"alice\", realm=\"bank.example\", nonce=\"n\", uri=\"sip:bank.example\", response=\"00\", qop=auth, nc=00000001",
                "username=\"alice\", realm=\"bank.example\", nonce=\"n\", uri=\"sip:elsewhere.example\", response=\"00\", qop=auth, nc=00000001, cnonce=\"c\"",
                "username=\"alice\", realm=\"bank.example\", nonce=\"n\", uri=\"sip:bank.example\", response=\"00\", qop=auth, nc=00000001, cnonce=\"c\", userhash=true",
            })
    void malformedCredentials_are400(String params) {
        AuthResult r = server.authenticate(withCredentials(register(2), "Digest " + params));
        assertThat(r).isInstanceOfSatisfying(Denied.class, d -> {
            assertThat(d.failure()).isEqualTo(Failure.MALFORMED);
            assertThat(d.response().statusCode()).isEqualTo(400);
        });
    }

    @Test
    void credentialsForAnotherRealm_countAsNone() {
        AuthResult r = server.authenticate(withCredentials(
                register(2),
                "Digest username=\"alice\", realm=\"other\", nonce=\"n\", uri=\"sip:bank.example\", response=\"00\""));
        assertThat(r)
                .isInstanceOfSatisfying(
                        Denied.class, d -> assertThat(d.failure()).isEqualTo(Failure.NO_CREDENTIALS));
    }

    @Test
    void aProxy_challengesWith407_andTheClientAnswersWithProxyAuthorization() {
        DigestAuthenticator proxy = DigestAuthenticator.builder(REALM, store)
                .kind(DigestAuthenticator.Kind.PROXY)
                .build();
        SipRequest first = register(1);
        SipResponse challenge = ((Denied) proxy.authenticate(first)).response();
        assertThat(challenge.statusCode()).isEqualTo(407);
        assertThat(challenge.proxyAuthenticates()).hasSize(3);
        assertThat(challenge.wwwAuthenticates()).isEmpty();

        SipRequest retry = alice.authorize(first, challenge).orElseThrow();
        assertThat(retry.proxyAuthorizations()).hasSize(1);
        assertThat(retry.authorizations()).isEmpty();
        assertThat(proxy.authenticate(retry)).isInstanceOf(Authorized.class);
        assertThat(server.authenticate(retry)).isInstanceOf(Denied.class); // a 401 realm wants Authorization
    }

    @Test
    void theClientKeepsCredentialsForOtherRealms() {
        SipRequest withOther = withCredentials(
                register(1),
                "Digest username=\"alice\", realm=\"outbound.example\", nonce=\"x\", uri=\"sip:bank.example\", response=\"00\"");
        SipRequest retry = alice.authorize(withOther, challenge(withOther)).orElseThrow();
        assertThat(retry.authorizations())
                .extracting(a -> a.param("realm").orElseThrow())
                .containsExactly("outbound.example", REALM);
    }

    @Test
    void theClientRefusesAResponseThatIsNotAChallenge() {
        SipRequest first = register(1);
        SipResponse ok = (SipResponse) SipResponse.to(first, 200, "OK", "t").build();
        assertThatThrownBy(() -> alice.authorize(first, ok)).isInstanceOf(ValidationException.class);
    }

    @Test
    void aChallengeWithoutQopAuth_isNotAnswered() {
        SipRequest first = register(1);
        SipResponse old = (SipResponse) SipResponse.to(first, 401, "Unauthorized", "t")
                .header("WWW-Authenticate", "Digest realm=\"bank.example\", nonce=\"abc\"")
                .header("WWW-Authenticate", "Basic realm=\"bank.example\"")
                .build();
        assertThat(alice.authorize(first, old)).isEmpty();
    }

    @Test
    void aRealmWithAQuote_isEscapedInTheChallenge() {
        DigestAuthenticator odd =
                DigestAuthenticator.builder("bank \"east\"", store).build();
        SipResponse c = ((Denied) odd.authenticate(register(1))).response();
        assertThat(c.wwwAuthenticates().get(0).param("realm")).contains("bank \"east\"");
    }

    @Test
    void settingsOutOfRange_areRefusedAtOnce() {
        assertThatThrownBy(() -> DigestAuthenticator.builder(" ", store)).hasMessageContaining("realm");
        assertThatThrownBy(() -> DigestAuthenticator.builder(REALM, store).algorithms())
                .hasMessageContaining("at least one");
        assertThatThrownBy(() ->
                        DigestAuthenticator.builder(REALM, store).algorithms(DigestAlgorithm.MD5, DigestAlgorithm.MD5))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> DigestAuthenticator.builder(REALM, store).nonceLifetime(Duration.ZERO))
                .hasMessageContaining("nonce lifetime");
        assertThatThrownBy(() -> DigestAuthenticator.builder(REALM, store).maxNonces(0))
                .hasMessageContaining("maxNonces");
        assertThat(DigestAuthenticator.builder(REALM, store)
                        .algorithms(DigestAlgorithm.MD5, DigestAlgorithm.SHA_512_256, DigestAlgorithm.SHA_256_SESS)
                        .build()
                        .algorithms())
                .containsExactly(DigestAlgorithm.SHA_512_256, DigestAlgorithm.SHA_256_SESS, DigestAlgorithm.MD5);
    }

    @Test
    void logsAndToStrings_neverShowTheUserNameInClear() {
        assertThat(new Authorized("13800138000", REALM, DigestAlgorithm.MD5).toString())
                .doesNotContain("13800138000");
        assertThat(DigestClient.of("13800138000", "pw").toString())
                .doesNotContain("13800138000")
                .doesNotContain("pw");
        assertThat(store.toString()).doesNotContain("alice");
    }

    private static SipRequest withCredentials(SipRequest request, String credentials) {
        return (SipRequest)
                request.toBuilder().set("Authorization", credentials).build();
    }

    private String md5Credentials(SipRequest request, String nonce, String nc) {
        String response = Digest.response(
                DigestAlgorithm.MD5,
                "alice",
                REALM,
                "s3cret!",
                request.method(),
                "sip:bank.example",
                nonce,
                nc,
                "0a4f113b");
        return "Digest username=\"alice\", realm=\"" + REALM + "\", nonce=\"" + nonce
                + "\", uri=\"sip:bank.example\", response=\"" + response
                + "\", algorithm=MD5, cnonce=\"0a4f113b\", qop=auth, nc=" + nc;
    }
}
