package io.remotebank.signaling.internal.sip.auth;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * The nonces a digest server handed out (RFC 7616 3.3, 5.4): 128 random bits each, valid for a
 * lifetime on the injected clock, at most {@code maximum} held (Caffeine's size policy picks which go), and for
 * each the nonce counts already used, so that a replayed request fails (RFC 7616 3.4: the server
 * remembers nc values). Counts are checked in a 64-wide sliding window above the highest count seen,
 * so requests that overtake each other on UDP still pass, each exactly once.
 */
@API(status = INTERNAL, since = "0.1")
public final class NonceRegistry {

    /** What a nonce count check found. */
    @API(status = INTERNAL, since = "0.1")
    public enum Check {
        /** The nonce is current and the count was never used. */
        FRESH,
        /** The nonce was never issued, has expired or was evicted. */
        UNKNOWN_OR_EXPIRED,
        /** The count was already used with this nonce (or fell behind the window). */
        REPLAYED
    }

    private static final int WINDOW = 64;

    private final Cache<String, Counts> nonces;
    private final SecureRandom random;

    private static final class Counts {
        private long highest;
        private long seen; // bit i: highest - i was used

        synchronized boolean use(long nc) {
            if (nc > highest) {
                long shift = nc - highest;
                seen = shift >= WINDOW ? 1L : (seen << shift) | 1L;
                highest = nc;
                return true;
            }
            long back = highest - nc;
            if (back >= WINDOW) {
                return false;
            }
            long bit = 1L << back;
            if ((seen & bit) != 0) {
                return false;
            }
            seen |= bit;
            return true;
        }
    }

    /**
     * Creates the registry.
     *
     * @param lifetime how long a nonce is valid after it is issued
     * @param maximum the most nonces kept at once
     * @param clock the time source
     * @param random the source of nonces
     */
    public NonceRegistry(Duration lifetime, long maximum, Clock clock, SecureRandom random) {
        this.random = random;
        this.nonces = Caffeine.newBuilder()
                .expireAfterWrite(lifetime)
                .maximumSize(maximum)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .build();
    }

    /** A new nonce: 128 bits from the SecureRandom, base64url without padding (22 characters). */
    public String issue() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        nonces.put(nonce, new Counts());
        return nonce;
    }

    /**
     * Uses a nonce count.
     *
     * @param nonce the nonce the client sent
     * @param nc the count, at least 1
     * @return whether it is fresh, unknown or expired, or replayed
     */
    public Check use(String nonce, long nc) {
        Counts counts = nonces.getIfPresent(nonce);
        if (counts == null) {
            return Check.UNKNOWN_OR_EXPIRED;
        }
        return nc >= 1 && counts.use(nc) ? Check.FRESH : Check.REPLAYED;
    }

    /** The number of nonces held (expired ones may count until the cache cleans up). */
    public long size() {
        nonces.cleanUp();
        return nonces.estimatedSize();
    }
}
