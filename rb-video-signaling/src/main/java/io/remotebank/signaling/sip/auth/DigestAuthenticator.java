package io.remotebank.signaling.sip.auth;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import io.remotebank.core.pii.Mask;
import io.remotebank.core.time.Clocks;
import io.remotebank.signaling.internal.sip.auth.NonceRegistry;
import io.remotebank.signaling.sip.Authentication;
import io.remotebank.signaling.sip.Digest;
import io.remotebank.signaling.sip.DigestAlgorithm;
import io.remotebank.signaling.sip.DigestException;
import io.remotebank.signaling.sip.SipMessageBuilder;
import io.remotebank.signaling.sip.SipParseException;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.auth.AuthResult.Authorized;
import io.remotebank.signaling.sip.auth.AuthResult.Denied;
import io.remotebank.signaling.sip.auth.AuthResult.Failure;
import io.remotebank.signaling.sip.auth.spi.CredentialStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of SIP digest authentication (RFC 3261 22, RFC 7616, RFC 8760) for one realm.
 *
 * <p>A challenge (401 with WWW-Authenticate, or 407 with Proxy-Authenticate for a proxy) carries
 * one {@code Digest} challenge per configured algorithm, strongest first (RFC 8760 2.4), all with
 * {@code qop="auth"} and the same fresh nonce: 128 bits from a {@link SecureRandom}, valid for the
 * nonce lifetime on the injected clock. Credentials are checked in this order: a parameter missing,
 * {@code qop} other than {@code auth}, a nonce count that is not 8 hex digits or a {@code uri} that
 * is not the Request-URI gets 400; an algorithm not offered, an unknown user or a wrong response is
 * challenged again; a correct response with an expired or unknown nonce, or with a nonce count
 * already used, is challenged again with {@code stale=true} (RFC 7616 3.3) so the client retries
 * without asking its user. Responses are compared in constant time; the server holds HA1 hashes only
 * ({@link CredentialStore}). The nonce-count check comes last, so wrong guesses cannot use up a
 * legitimate client's counts.
 *
 * <p>Thread-safe. Nothing secret or personal is logged (user names are masked).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class DigestAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(DigestAuthenticator.class);
    private static final HexFormat HEX = HexFormat.of();

    /** Who challenges: the user agent server (401) or a proxy (407). */
    @API(status = EXPERIMENTAL, since = "0.1")
    public enum Kind {
        /** 401 Unauthorized with WWW-Authenticate; credentials in Authorization (a registrar, a UAS). */
        SERVER(401, "Unauthorized", "WWW-Authenticate"),
        /** 407 with Proxy-Authenticate; credentials in Proxy-Authorization. */
        PROXY(407, "Proxy Authentication Required", "Proxy-Authenticate");

        private final int status;
        private final String reason;
        private final String header;

        Kind(int status, String reason, String header) {
            this.status = status;
            this.reason = reason;
            this.header = header;
        }

        /** The status code of a challenge. */
        public int status() {
            return status;
        }

        /** The challenge header field. */
        public String challengeHeader() {
            return header;
        }
    }

    private final String realm;
    private final CredentialStore store;
    private final List<DigestAlgorithm> algorithms;
    private final Kind kind;
    private final NonceRegistry nonces;
    private final SecureRandom random;

    private DigestAuthenticator(Builder b) {
        this.realm = b.realm;
        this.store = b.store;
        this.algorithms = List.copyOf(b.algorithms);
        this.kind = b.kind;
        this.random = b.random;
        this.nonces = new NonceRegistry(b.nonceLifetime, b.maxNonces, b.clock, b.random);
    }

    /**
     * A builder.
     *
     * @param realm the realm, e.g. the domain ({@code bank.example})
     * @param store where the HA1 hashes are
     * @return the builder
     */
    public static Builder builder(String realm, CredentialStore store) {
        return new Builder(realm, store);
    }

    /** The realm. */
    public String realm() {
        return realm;
    }

    /** The algorithms offered, in the order of the challenges. */
    public List<DigestAlgorithm> algorithms() {
        return algorithms;
    }

    /** Server (401) or proxy (407). */
    public Kind kind() {
        return kind;
    }

    /** The number of nonces held for their lifetime. */
    public long outstandingNonces() {
        return nonces.size();
    }

    /**
     * Checks the request's Digest credentials for this realm.
     *
     * @param request the request
     * @return {@link Authorized}, or {@link Denied} with the response to send
     */
    public AuthResult authenticate(SipRequest request) {
        Arguments.notNull(request, "request");
        List<Authentication> all;
        try {
            all = kind == Kind.SERVER ? request.authorizations() : request.proxyAuthorizations();
        } catch (SipParseException e) {
            return bad(request, "unparsable credentials");
        }
        Authentication credentials = null;
        for (Authentication a : all) {
            if (a.isDigest() && a.param("realm").map(realm::equals).orElse(false)) {
                credentials = a;
                break;
            }
        }
        if (credentials == null) {
            return new Denied(Failure.NO_CREDENTIALS, challenge(request, false));
        }
        Optional<String> username = credentials.param("username");
        Optional<String> nonce = credentials.param("nonce");
        Optional<String> uri = credentials.param("uri");
        Optional<String> response = credentials.param("response");
        Optional<String> qop = credentials.param("qop");
        Optional<String> nc = credentials.param("nc");
        Optional<String> cnonce = credentials.param("cnonce");
        if (username.isEmpty() || nonce.isEmpty() || uri.isEmpty() || response.isEmpty()) {
            return bad(request, "username, nonce, uri or response missing");
        }
        if (credentials.param("userhash").map("true"::equalsIgnoreCase).orElse(false)) {
            return bad(request, "userhash was not offered");
        }
        if (!qop.map("auth"::equalsIgnoreCase).orElse(false) || cnonce.isEmpty()) {
            return bad(request, "qop=auth with cnonce is required");
        }
        long count = nonceCount(nc.orElse(""));
        if (count < 0) {
            return bad(request, "nc is not 8 hex digits");
        }
        if (!uri.get().equals(request.requestUri().toString())) {
            return bad(request, "uri differs from the Request-URI");
        }
        DigestAlgorithm algorithm;
        try {
            algorithm = DigestAlgorithm.fromToken(credentials.param("algorithm").orElse(null));
        } catch (DigestException e) {
            return denied(request, Failure.UNSUPPORTED_ALGORITHM, false, username.get());
        }
        if (!algorithms.contains(algorithm)) {
            return denied(request, Failure.UNSUPPORTED_ALGORITHM, false, username.get());
        }
        Optional<String> stored = store.ha1(realm, username.get(), base(algorithm));
        // an unknown user costs the same hashing as a known one
        String ha1 = stored.orElseGet(() -> HEX.formatHex(randomBytes(algorithm == DigestAlgorithm.MD5 ? 16 : 32)));
        if (algorithm.isSession()) {
            ha1 = Digest.sessionHa1(algorithm, ha1, nonce.get(), cnonce.get());
        }
        String expected = Digest.response(
                algorithm,
                ha1,
                nonce.get(),
                nc.get(),
                cnonce.get(),
                Digest.ha2(algorithm, request.method(), uri.get()));
        boolean match = Digest.matches(expected, response.get());
        if (stored.isEmpty()) {
            return denied(request, Failure.UNKNOWN_USER, false, username.get());
        }
        if (!match) {
            return denied(request, Failure.WRONG_RESPONSE, false, username.get());
        }
        return switch (nonces.use(nonce.get(), count)) {
            case FRESH -> new Authorized(username.get(), realm, algorithm);
            case UNKNOWN_OR_EXPIRED -> denied(request, Failure.STALE_NONCE, true, username.get());
            case REPLAYED -> denied(request, Failure.REPLAYED_NONCE_COUNT, true, username.get());
        };
    }

    /**
     * A challenge to the request: a 401 (or 407) with one Digest challenge per algorithm, strongest
     * first, and a fresh nonce.
     *
     * @param request the request
     * @param stale whether to set {@code stale=true}
     * @return the response
     */
    public SipResponse challenge(SipRequest request, boolean stale) {
        String nonce = nonces.issue();
        SipMessageBuilder b = SipResponse.to(request, kind.status, kind.reason, newTag());
        for (DigestAlgorithm a : algorithms) {
            StringBuilder v = new StringBuilder("Digest realm=")
                    .append(quote(realm))
                    .append(", qop=\"auth\", algorithm=")
                    .append(a.token())
                    .append(", nonce=\"")
                    .append(nonce)
                    .append('"');
            if (stale) {
                v.append(", stale=true");
            }
            b.header(kind.header, v.toString());
        }
        return (SipResponse) b.build();
    }

    private Denied denied(SipRequest request, Failure failure, boolean stale, String username) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} for {} in {}: {}", request.method(), Mask.text(username), realm, failure);
        }
        return new Denied(failure, challenge(request, stale));
    }

    private Denied bad(SipRequest request, String why) {
        LOG.debug("{} with malformed digest credentials: {}", request.method(), why);
        return new Denied(Failure.MALFORMED, (SipResponse) SipResponse.to(request, 400, "Bad Request", newTag())
                .header("Warning", "399 rb \"" + why + "\"")
                .build());
    }

    static DigestAlgorithm base(DigestAlgorithm a) {
        return switch (a) {
            case MD5, MD5_SESS -> DigestAlgorithm.MD5;
            case SHA_256, SHA_256_SESS -> DigestAlgorithm.SHA_256;
            case SHA_512_256, SHA_512_256_SESS -> DigestAlgorithm.SHA_512_256;
        };
    }

    /** RFC 7616 3.4: nc-value = 8LHEX; -1 when malformed or zero. */
    static long nonceCount(String nc) {
        if (nc.length() != 8) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < 8; i++) {
            int d = Character.digit(nc.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v == 0 ? -1 : v;
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private String newTag() {
        return HEX.formatHex(randomBytes(8));
    }

    /** The realm, kind and algorithms. */
    @Override
    public String toString() {
        return "DigestAuthenticator[" + realm + ", " + kind + ", "
                + algorithms.stream().map(DigestAlgorithm::token).toList() + "]";
    }

    /** Configures a {@link DigestAuthenticator}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private final String realm;
        private final CredentialStore store;
        private List<DigestAlgorithm> algorithms =
                List.of(DigestAlgorithm.SHA_512_256, DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);
        private Kind kind = Kind.SERVER;
        private Duration nonceLifetime = Duration.ofMinutes(5);
        private long maxNonces = 100_000;
        private Clock clock = Clocks.system();
        private SecureRandom random = new SecureRandom();

        private Builder(String realm, CredentialStore store) {
            Arguments.notNull(realm, "realm");
            if (realm.isBlank()) {
                throw new ValidationException(CoreError.ARGUMENT_INVALID, "the realm must not be blank");
            }
            this.realm = realm;
            this.store = Arguments.notNull(store, "store");
        }

        /**
         * The algorithms to offer, in the order of the challenges (default SHA-512-256, SHA-256,
         * MD5). They are sorted strongest first; give only MD5 for peers that know nothing else.
         *
         * @param algorithms one or more, each at most once
         * @return this builder
         */
        public Builder algorithms(DigestAlgorithm... algorithms) {
            if (algorithms.length == 0) {
                throw new ValidationException(CoreError.ARGUMENT_INVALID, "at least one digest algorithm");
            }
            Set<DigestAlgorithm> set = EnumSet.noneOf(DigestAlgorithm.class);
            for (DigestAlgorithm a : algorithms) {
                if (!set.add(Arguments.notNull(a, "algorithm"))) {
                    throw new ValidationException(CoreError.ARGUMENT_INVALID, a.token() + " is given twice");
                }
            }
            List<DigestAlgorithm> sorted = new ArrayList<>(set);
            sorted.sort((x, y) -> Integer.compare(DigestClient.strength(y), DigestClient.strength(x)));
            this.algorithms = sorted;
            return this;
        }

        /**
         * Server (401, the default) or proxy (407) challenges.
         *
         * @param kind the kind
         * @return this builder
         */
        public Builder kind(Kind kind) {
            this.kind = Arguments.notNull(kind, "kind");
            return this;
        }

        /**
         * How long a nonce is valid (default 5 minutes; 1 second to 1 day).
         *
         * @param lifetime the lifetime
         * @return this builder
         */
        public Builder nonceLifetime(Duration lifetime) {
            if (lifetime.compareTo(Duration.ofSeconds(1)) < 0 || lifetime.compareTo(Duration.ofDays(1)) > 0) {
                throw new ValidationException(
                        CoreError.ARGUMENT_INVALID, "the nonce lifetime must be 1 s to 1 day, not " + lifetime);
            }
            this.nonceLifetime = lifetime;
            return this;
        }

        /**
         * The most nonces held at once (default 100,000); beyond it the cache's size policy drops
         * some, and a client answering a dropped nonce gets {@code stale=true}.
         *
         * @param max 1 to 10,000,000
         * @return this builder
         */
        public Builder maxNonces(long max) {
            if (max < 1 || max > 10_000_000) {
                throw new ValidationException(
                        CoreError.ARGUMENT_INVALID, "maxNonces must be 1 to 10,000,000, not " + max);
            }
            this.maxNonces = max;
            return this;
        }

        /**
         * The clock of nonce expiry (default the system clock).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Arguments.notNull(clock, "clock");
            return this;
        }

        /**
         * The source of nonces and tags (default a new {@link SecureRandom}).
         *
         * @param random the random source
         * @return this builder
         */
        public Builder random(SecureRandom random) {
            this.random = Arguments.notNull(random, "random");
            return this;
        }

        /** The authenticator. */
        public DigestAuthenticator build() {
            return new DigestAuthenticator(this);
        }
    }
}
