package io.remotebank.signaling.webrtc;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.crypto.SignatureEncoding;
import io.remotebank.core.crypto.SignatureOptions;
import io.remotebank.core.spi.KeyProvider;
import io.remotebank.signaling.SignalingError;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Short-lived JWT join tokens (RFC 7519) bound to a room, a role and a participant: the application
 * issues one when it admits someone to a session, the signaling server checks it on {@code join}.
 * HS256 with a shared secret, or ES256 with a P-256 key held by rb-core's {@link KeyProvider} (an
 * HSM can sign; only the public key is read to verify).
 *
 * <p>Claims: {@code sub} the participant, {@code room}, {@code role} (the wire name), {@code iat},
 * {@code exp}, {@code jti}. A token is refused, each with its own code, when it is not a readable
 * JWT with these claims ({@code signaling.token.malformed}), its signature does not verify or its
 * algorithm is not this verifier's ({@code bad-signature}), it has expired or lives longer than the
 * allowed lifetime ({@code expired}), it is for another room ({@code wrong-room}) or role ({@code
 * wrong-role}), or its {@code jti} was used for a join before ({@code replayed}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class JwtJoinTokens implements JoinTokenVerifier {

    private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
    /** The clock difference tolerated between the issuer and this server. */
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final JWSAlgorithm algorithm;
    private final JWSSigner signer;
    private final JWSVerifier verifier;
    private final Clock clock;
    private final Duration maxLifetime;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();
    /** The jti of each token used, until its expiry has passed. */
    private final Cache<String, Instant> used;

    private JwtJoinTokens(
            JWSAlgorithm algorithm,
            JWSSigner signer,
            JWSVerifier verifier,
            Clock clock,
            Duration maxLifetime,
            String keyId) {
        this.algorithm = algorithm;
        this.signer = signer;
        this.verifier = verifier;
        this.clock = clock;
        this.maxLifetime = maxLifetime;
        this.keyId = keyId;
        // the entry lives a lifetime (plus the skew): a token older than that is refused as expired
        this.used = Caffeine.newBuilder()
                .expireAfterWrite(maxLifetime.plus(SKEW).plus(SKEW))
                .ticker(() -> clock.millis() * 1_000_000L)
                .maximumSize(1_000_000)
                .build();
    }

    /**
     * HS256 with a shared secret of at least 32 bytes (RFC 7518 3.2).
     *
     * @param secret the secret
     * @param clock the time of expiry checks
     * @param maxLifetime the longest a token may live (exp - iat), at most an hour
     * @return the tokens
     */
    public static JwtJoinTokens hs256(byte[] secret, Clock clock, Duration maxLifetime) {
        Arguments.length(secret, 32, 1024, "secret");
        Arguments.notNull(clock, "clock");
        checkLifetime(maxLifetime);
        try {
            return new JwtJoinTokens(
                    JWSAlgorithm.HS256, new MACSigner(secret), new MACVerifier(secret), clock, maxLifetime, null);
        } catch (JOSEException e) {
            throw new ValidationException(CoreError.ARGUMENT_INVALID, "the secret cannot key HS256", e);
        }
    }

    /** HS256 with tokens of at most five minutes. */
    public static JwtJoinTokens hs256(byte[] secret, Clock clock) {
        return hs256(secret, clock, DEFAULT_LIFETIME);
    }

    /**
     * ES256 (RFC 7518 3.4) with a P-256 key pair of a key provider: tokens are signed through the
     * provider, which never gives the private key out.
     *
     * @param keys the provider
     * @param key an {@code EC_P256} key pair of it
     * @param clock the time of expiry checks
     * @param maxLifetime the longest a token may live (exp - iat), at most an hour
     * @return the tokens
     */
    public static JwtJoinTokens es256(KeyProvider keys, KeyId key, Clock clock, Duration maxLifetime) {
        Arguments.notNull(keys, "keys");
        Arguments.notNull(key, "key");
        Arguments.notNull(clock, "clock");
        checkLifetime(maxLifetime);
        ECPublicKey publicKey;
        try {
            publicKey = (ECPublicKey) KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(keys.publicKey(key).der()));
            return new JwtJoinTokens(
                    JWSAlgorithm.ES256,
                    new ProviderSigner(keys, key),
                    new ECDSAVerifier(publicKey),
                    clock,
                    maxLifetime,
                    key.value());
        } catch (GeneralSecurityException | JOSEException | ClassCastException e) {
            throw new ValidationException(CoreError.ARGUMENT_INVALID, "the key is not a P-256 key pair", e);
        }
    }

    /** ES256 with tokens of at most five minutes. */
    public static JwtJoinTokens es256(KeyProvider keys, KeyId key, Clock clock) {
        return es256(keys, key, clock, DEFAULT_LIFETIME);
    }

    private static void checkLifetime(Duration maxLifetime) {
        Arguments.positive(maxLifetime, "maxLifetime");
        if (maxLifetime.compareTo(Duration.ofHours(1)) > 0) {
            throw new ValidationException(CoreError.ARGUMENT_INVALID, "a join token lives at most an hour");
        }
    }

    /**
     * Issues a token for a grant, valid from now until its expiry.
     *
     * @param grant what the token grants; its expiry at most the lifetime from now
     * @return the compact JWS
     */
    public String issue(JoinGrant grant) {
        Arguments.notNull(grant, "grant");
        Instant now = clock.instant();
        if (!grant.expiresAt().isAfter(now) || grant.expiresAt().isAfter(now.plus(maxLifetime))) {
            throw new ValidationException(
                    CoreError.ARGUMENT_INVALID, "the grant must expire within " + maxLifetime + " from now");
        }
        byte[] jti = new byte[16];
        random.nextBytes(jti);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(grant.participant())
                .claim("room", grant.room())
                .claim("role", grant.role().wireName())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(grant.expiresAt()))
                .jwtID(Base64.getUrlEncoder().withoutPadding().encodeToString(jti))
                .build();
        JWSHeader.Builder header = new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT);
        if (keyId != null) {
            header.keyID(keyId);
        }
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new JoinTokenException(SignalingError.TOKEN_BAD_SIGNATURE, "the token cannot be signed", e);
        }
        return jwt.serialize();
    }

    @Override
    public JoinGrant verify(String token, String room, Role role) {
        Arguments.notNull(token, "token");
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw refused(SignalingError.TOKEN_MALFORMED, "the token is not a signed JWT");
        }
        // RFC 8725 3.1: the algorithm is the verifier's, never the one the token names
        if (!algorithm.equals(jwt.getHeader().getAlgorithm())) {
            throw refused(SignalingError.TOKEN_BAD_SIGNATURE, "the token is not signed with " + algorithm);
        }
        try {
            if (jwt.getState() != JWSObject.State.SIGNED || !jwt.verify(verifier)) {
                throw refused(SignalingError.TOKEN_BAD_SIGNATURE, "the token's signature does not verify");
            }
        } catch (JOSEException e) {
            throw refused(SignalingError.TOKEN_BAD_SIGNATURE, "the token's signature does not verify");
        }
        String participant = claims.getSubject();
        Object tokenRoom = claims.getClaim("room");
        Object tokenRole = claims.getClaim("role");
        Date issued = claims.getIssueTime();
        Date expires = claims.getExpirationTime();
        String jti = claims.getJWTID();
        if (participant == null
                || participant.isBlank()
                || !(tokenRoom instanceof String roomClaim)
                || !(tokenRole instanceof String roleClaim)
                || issued == null
                || expires == null
                || jti == null) {
            throw refused(SignalingError.TOKEN_MALFORMED, "the token lacks sub, room, role, iat, exp or jti");
        }
        Instant now = clock.instant();
        if (!expires.toInstant().plus(SKEW).isAfter(now)) {
            throw refused(SignalingError.TOKEN_EXPIRED, "the token has expired");
        }
        if (Duration.between(issued.toInstant(), expires.toInstant()).compareTo(maxLifetime) > 0
                || issued.toInstant().isAfter(now.plus(SKEW))) {
            throw refused(
                    SignalingError.TOKEN_EXPIRED,
                    "the token lives longer than " + maxLifetime + " or is not yet valid");
        }
        if (!roomClaim.equals(room)) {
            throw refused(SignalingError.TOKEN_WRONG_ROOM, "the token is for another room");
        }
        Role granted = Role.fromWireName(roleClaim)
                .orElseThrow(() -> refused(SignalingError.TOKEN_MALFORMED, "the token's role is unknown"));
        if (granted != role) {
            throw refused(SignalingError.TOKEN_WRONG_ROLE, "the token is for another role");
        }
        if (used.asMap().putIfAbsent(jti, expires.toInstant()) != null) {
            throw refused(SignalingError.TOKEN_REPLAYED, "the token was used already");
        }
        return new JoinGrant(roomClaim, participant, granted, expires.toInstant());
    }

    private static JoinTokenException refused(SignalingError code, String why) {
        return new JoinTokenException(code, why, null);
    }

    /** Signs the JWS input through the key provider: ES256 is ECDSA P-256 SHA-256, r || s (RFC 7518 3.4). */
    private static final class ProviderSigner implements JWSSigner {

        private final KeyProvider keys;
        private final KeyId key;
        private final JCAContext context = new JCAContext();

        ProviderSigner(KeyProvider keys, KeyId key) {
            this.keys = keys;
            this.key = key;
        }

        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) {
            return Base64URL.encode(keys.sign(key, signingInput, SignatureOptions.ecdsa(SignatureEncoding.PLAIN)));
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.ES256);
        }

        @Override
        public JCAContext getJCAContext() {
            return context;
        }
    }
}
