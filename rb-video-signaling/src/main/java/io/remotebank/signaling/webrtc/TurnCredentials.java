package io.remotebank.signaling.webrtc;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apiguardian.api.API;

/**
 * Time-limited TURN credentials as draft-uberti-behave-turn-rest-00 defines them and coturn's {@code
 * use-auth-secret} checks them: the username is {@code expiry:participant} (expiry in Unix seconds),
 * the password base64(HMAC-SHA1(shared secret, username)). Given to each participant in {@code
 * joined.iceServers}; pass {@link #forJoin} to {@code WebRtcSignaling.Builder.iceServersPerJoin}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TurnCredentials {

    private final byte[] secret;
    private final List<String> urls;
    private final Duration ttl;
    private final Clock clock;

    private TurnCredentials(byte[] secret, List<String> urls, Duration ttl, Clock clock) {
        this.secret = secret;
        this.urls = urls;
        this.ttl = ttl;
        this.clock = clock;
    }

    /**
     * Credentials for TURN servers sharing a secret.
     *
     * @param secret coturn's {@code static-auth-secret}, at least 16 bytes
     * @param urls the servers' {@code turn:} / {@code turns:} URLs
     * @param ttl how long a credential is valid (draft section 2.2 suggests a day; shorter is safer)
     * @param clock the time the expiry counts from
     * @return the credentials
     */
    public static TurnCredentials of(byte[] secret, List<String> urls, Duration ttl, Clock clock) {
        Arguments.length(secret, 16, 1024, "secret");
        Arguments.noNulls(urls, "urls");
        if (urls.isEmpty() || urls.stream().anyMatch(u -> !u.startsWith("turn:") && !u.startsWith("turns:"))) {
            throw new ValidationException(CoreError.ARGUMENT_INVALID, "urls must be turn: or turns: URLs");
        }
        Arguments.positive(ttl, "ttl");
        Arguments.notNull(clock, "clock");
        return new TurnCredentials(secret.clone(), List.copyOf(urls), ttl, clock);
    }

    /**
     * The ICE server entry of one participant.
     *
     * @param participant its id (the username's user part)
     * @return the entry with a username and credential valid for the TTL
     */
    public IceServer forParticipant(String participant) {
        Arguments.notBlank(participant, "participant");
        long expiry = clock.instant().plus(ttl).getEpochSecond();
        String username = expiry + ":" + participant;
        return new IceServer(urls, Optional.of(username), Optional.of(password(username)));
    }

    /** The entries of a grant, for {@code WebRtcSignaling.Builder.iceServersPerJoin(turn::forJoin)}. */
    public List<IceServer> forJoin(JoinGrant grant) {
        return List.of(forParticipant(grant.participant()));
    }

    /** The password of a username: base64(HMAC-SHA1(secret, username)) (the draft's section 2.2). */
    String password(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is in every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "TurnCredentials" + urls + " ttl " + ttl; // never the secret
    }
}
