package io.remotebank.signaling.webrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.crypto.KeyProviders;
import io.remotebank.core.crypto.KeyType;
import io.remotebank.core.spi.KeyProvider;
import io.remotebank.signaling.SignalingError;
import io.remotebank.testing.ManualTime;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JWT join tokens: HS256, ES256 through a KeyProvider, and each refusal's own code (point 4). */
class JwtJoinTokensTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final ManualTime time = ManualTime.at(Instant.parse("2026-12-08T09:00:00Z"));
    private final Clock clock = time.clock();
    private final JwtJoinTokens hs = JwtJoinTokens.hs256(SECRET, clock);

    private JoinGrant grant(Role role) {
        return new JoinGrant("room1", "c1", role, clock.instant().plus(Duration.ofMinutes(2)));
    }

    private static void refused(Runnable call, SignalingError code) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        JoinTokenException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void hs256_roundTrips() {
        JoinGrant grant = hs.verify(hs.issue(grant(Role.CUSTOMER)), "room1", Role.CUSTOMER);
        assertThat(grant.participant()).isEqualTo("c1");
        assertThat(grant.role()).isEqualTo(Role.CUSTOMER);
    }

    @Test
    void es256_isSignedThroughTheKeyProvider_andVerifiesWithItsPublicKey() {
        KeyProvider keys = KeyProviders.inMemory(clock);
        KeyId key = KeyId.of("signaling-join");
        keys.generate(key, KeyType.EC_P256);
        JwtJoinTokens es = JwtJoinTokens.es256(keys, key, clock);
        String token = es.issue(grant(Role.AGENT));
        assertThat(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8))
                .contains("\"alg\":\"ES256\"")
                .contains("\"kid\":\"signaling-join\"");
        assertThat(es.verify(token, "room1", Role.AGENT).participant()).isEqualTo("c1");
        // an HS256 token is refused by the ES256 verifier (no algorithm confusion, RFC 8725 2.1)
        refused(() -> es.verify(hs.issue(grant(Role.AGENT)), "room1", Role.AGENT), SignalingError.TOKEN_BAD_SIGNATURE);
    }

    @Test
    void anExpiredToken_isExpired() {
        String token = hs.issue(grant(Role.CUSTOMER));
        time.advance(Duration.ofMinutes(3));
        refused(() -> hs.verify(token, "room1", Role.CUSTOMER), SignalingError.TOKEN_EXPIRED);
    }

    @Test
    void anotherRoom_isWrongRoom() {
        String token = hs.issue(grant(Role.CUSTOMER));
        refused(() -> hs.verify(token, "room2", Role.CUSTOMER), SignalingError.TOKEN_WRONG_ROOM);
    }

    @Test
    void anotherRole_isWrongRole() {
        String token = hs.issue(grant(Role.CUSTOMER));
        refused(() -> hs.verify(token, "room1", Role.AGENT), SignalingError.TOKEN_WRONG_ROLE);
    }

    @Test
    void anotherSecret_isBadSignature() {
        JwtJoinTokens other =
                JwtJoinTokens.hs256("another-secret-of-32-bytes-long!".getBytes(StandardCharsets.US_ASCII), clock);
        refused(
                () -> hs.verify(other.issue(grant(Role.CUSTOMER)), "room1", Role.CUSTOMER),
                SignalingError.TOKEN_BAD_SIGNATURE);
    }

    @Test
    void aTokenUsedTwice_isReplayed() {
        String token = hs.issue(grant(Role.CUSTOMER));
        hs.verify(token, "room1", Role.CUSTOMER);
        refused(() -> hs.verify(token, "room1", Role.CUSTOMER), SignalingError.TOKEN_REPLAYED);
    }

    @Test
    void garbage_isMalformed() {
        refused(() -> hs.verify("not.a.jwt", "room1", Role.CUSTOMER), SignalingError.TOKEN_MALFORMED);
        refused(() -> hs.verify("", "room1", Role.CUSTOMER), SignalingError.TOKEN_MALFORMED);
    }

    @Test
    void overTheWire_aReplayedTokenIsRefusedWithItsCode() throws Exception {
        try (WebRtcSignaling server = WebRtcSignaling.builder()
                        .tokens(hs)
                        .scheduler(time)
                        .port(0)
                        .start();
                SignalingClient first = SignalingClient.connect(server.address().orElseThrow(), "/webrtc");
                SignalingClient second =
                        SignalingClient.connect(server.address().orElseThrow(), "/webrtc")) {
            String token = hs.issue(grant(Role.CUSTOMER));
            first.join("room1", "customer", token);
            first.send("leave");
            first.expect("left");
            second.send("join", "v", 1, "room", "room1", "role", "customer", "token", token);
            assertThat(second.errorCode()).isEqualTo(SignalingError.TOKEN_REPLAYED.code());
        }
    }

    @Test
    void turnCredentials_followTheTurnRestDraft_andReachTheJoinedMessage() throws Exception {
        ManualTime at = ManualTime.at(Instant.ofEpochSecond(1_765_184_400L - 86_400));
        TurnCredentials turn = TurnCredentials.of(
                "north-gate-turn-secret".getBytes(StandardCharsets.US_ASCII),
                List.of("turn:turn.bank.example:3478?transport=udp"),
                Duration.ofDays(1),
                at.clock());
        IceServer server = turn.forParticipant("c1");
        assertThat(server.username()).contains("1765184400:c1");
        // openssl dgst -sha1 -hmac north-gate-turn-secret -binary <<< "1765184400:c1" (no newline) | base64
        assertThat(server.credential()).contains("eEXbd06/lJU6sH/fuMlkAxJVktU=");
        assertThat(server.toString()).doesNotContain("eEXbd06");
        try (WebRtcSignaling signaling = WebRtcSignaling.builder()
                        .tokens(TestTokens.ANY)
                        .scheduler(at)
                        .port(0)
                        .iceServersPerJoin(turn::forJoin)
                        .start();
                SignalingClient client =
                        SignalingClient.connect(signaling.address().orElseThrow(), "/webrtc", null, null, Map.of())) {
            var ice = client.join("room1", "customer", "c1").path("iceServers").get(0);
            assertThat(ice.path("urls").get(0).asText()).isEqualTo("turn:turn.bank.example:3478?transport=udp");
            assertThat(ice.path("username").asText()).isEqualTo("1765184400:c1");
            assertThat(ice.path("credential").asText()).isEqualTo("eEXbd06/lJU6sH/fuMlkAxJVktU=");
        }
    }
}
