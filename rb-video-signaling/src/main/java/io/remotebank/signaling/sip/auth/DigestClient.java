package io.remotebank.signaling.sip.auth;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import io.remotebank.signaling.sip.Authentication;
import io.remotebank.signaling.sip.CSeq;
import io.remotebank.signaling.sip.Digest;
import io.remotebank.signaling.sip.DigestAlgorithm;
import io.remotebank.signaling.sip.DigestException;
import io.remotebank.signaling.sip.SipMessageBuilder;
import io.remotebank.signaling.sip.SipParseException;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.Via;
import io.remotebank.signaling.sip.transaction.TransactionLayer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * The client side of SIP digest authentication (RFC 3261 22.2-22.3, RFC 7616, RFC 8760): given a 401
 * or 407 and the request it answers, {@link #authorize} builds the retry, a new transaction with the
 * next CSeq and a new Via branch, with Authorization (or Proxy-Authorization) credentials for each
 * realm that challenged. Among a realm's Digest challenges it takes the strongest algorithm it
 * supports (SHA-512-256, then SHA-256, then MD5; a {@code -sess} variant ranks just below its base)
 * whose {@code qop} offers {@code auth}; each answer has a fresh {@code cnonce} of 128 bits from a
 * {@link SecureRandom} and the next nonce count for that nonce.
 *
 * <p>It gives up (an empty result) when no challenge is usable, or when the request already carried
 * credentials for a realm that challenges again without {@code stale=true}: the password is wrong,
 * and asking again would loop. Thread-safe; the password stays inside.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class DigestClient {

    private static final HexFormat HEX = HexFormat.of();
    private static final int MAX_NONCES = 256;

    private final String username;
    private final String password;
    private final Set<DigestAlgorithm> supported;
    private final SecureRandom random;
    private final ConcurrentHashMap<String, AtomicLong> counts = new ConcurrentHashMap<>();

    private DigestClient(String username, String password, Set<DigestAlgorithm> supported, SecureRandom random) {
        this.username = username;
        this.password = password;
        this.supported = supported;
        this.random = random;
    }

    /**
     * A client that supports every algorithm.
     *
     * @param username the user name
     * @param password the password
     * @return the client
     */
    public static DigestClient of(String username, String password) {
        return of(username, password, EnumSet.allOf(DigestAlgorithm.class), new SecureRandom());
    }

    /**
     * A client limited to some algorithms.
     *
     * @param username the user name
     * @param password the password
     * @param supported the algorithms it may answer with, at least one
     * @param random the source of cnonces
     * @return the client
     */
    public static DigestClient of(
            String username, String password, Set<DigestAlgorithm> supported, SecureRandom random) {
        Arguments.notNull(username, "username");
        Arguments.notNull(password, "password");
        if (supported.isEmpty()) {
            throw new ValidationException(CoreError.ARGUMENT_INVALID, "at least one digest algorithm");
        }
        return new DigestClient(username, password, EnumSet.copyOf(supported), Arguments.notNull(random, "random"));
    }

    /** The user name. */
    public String username() {
        return username;
    }

    /** The algorithms it may answer with. */
    public Set<DigestAlgorithm> supported() {
        return EnumSet.copyOf(supported);
    }

    /**
     * The retry of a request that got a 401 or 407.
     *
     * @param request the request as sent
     * @param challenge the 401 or 407 it got
     * @return the request to send as a new transaction, or empty when the challenge cannot or
     *     should not be answered
     * @throws ValidationException when the response is not a 401 or 407
     */
    public Optional<SipRequest> authorize(SipRequest request, SipResponse challenge) {
        Arguments.notNull(request, "request");
        String header;
        List<Authentication> challenges;
        List<Authentication> previous;
        try {
            if (challenge.statusCode() == 401) {
                header = "Authorization";
                challenges = challenge.wwwAuthenticates();
                previous = request.authorizations();
            } else if (challenge.statusCode() == 407) {
                header = "Proxy-Authorization";
                challenges = challenge.proxyAuthenticates();
                previous = request.proxyAuthorizations();
            } else {
                throw new ValidationException(
                        CoreError.ARGUMENT_INVALID, "not a 401 or 407: " + challenge.statusCode());
            }
        } catch (SipParseException e) {
            return Optional.empty();
        }
        Map<String, Authentication> best = new LinkedHashMap<>();
        for (Authentication c : challenges) {
            Optional<DigestAlgorithm> alg = usable(c);
            if (alg.isEmpty()) {
                continue;
            }
            String realm = c.param("realm").orElseThrow();
            Authentication current = best.get(realm);
            if (current == null
                    || strength(alg.get()) > strength(usable(current).orElseThrow())) {
                best.put(realm, c);
            }
        }
        if (best.isEmpty()) {
            return Optional.empty();
        }
        for (Map.Entry<String, Authentication> e : best.entrySet()) {
            boolean answeredBefore = previous.stream()
                    .anyMatch(p -> p.isDigest()
                            && p.param("realm").map(e.getKey()::equals).orElse(false));
            boolean stale =
                    e.getValue().param("stale").map("true"::equalsIgnoreCase).orElse(false);
            if (answeredBefore && !stale) {
                return Optional.empty(); // the credentials were refused: do not loop
            }
        }
        SipMessageBuilder b = request.toBuilder().remove(header);
        for (Authentication p : previous) {
            String realm = p.param("realm").orElse(null);
            if (!p.isDigest() || !best.containsKey(realm)) {
                b.header(header, p.toString()); // credentials for other realms stay
            }
        }
        String uri = request.requestUri().toString();
        for (Authentication c : best.values()) {
            b.header(header, credentials(c, request.method(), uri));
        }
        CSeq cseq = request.cseq()
                .orElseThrow(() -> new ValidationException(CoreError.ARGUMENT_INVALID, "the request has no CSeq"));
        b.set("CSeq", (cseq.number() + 1) + " " + cseq.method());
        Via via = request.topVia()
                .orElseThrow(() -> new ValidationException(CoreError.ARGUMENT_INVALID, "the request has no Via"));
        Via next = new Via(
                via.protocol(),
                via.version(),
                via.transport(),
                via.host(),
                via.port(),
                via.parameters().with("branch", TransactionLayer.newBranch()));
        b.removeFirstValue("Via").headerFirst("Via", next.toString());
        return Optional.of((SipRequest) b.build());
    }

    private Optional<DigestAlgorithm> usable(Authentication c) {
        if (!c.isDigest() || c.param("realm").isEmpty() || c.param("nonce").isEmpty()) {
            return Optional.empty();
        }
        boolean auth = c.param("qop")
                .map(q -> List.of(q.toLowerCase(Locale.ROOT).split("\\s*,\\s*")).contains("auth"))
                .orElse(false);
        if (!auth) {
            return Optional.empty();
        }
        try {
            DigestAlgorithm a = DigestAlgorithm.fromToken(c.param("algorithm").orElse(null));
            return supported.contains(a) ? Optional.of(a) : Optional.empty();
        } catch (DigestException e) {
            return Optional.empty();
        }
    }

    private String credentials(Authentication c, String method, String uri) {
        DigestAlgorithm alg = usable(c).orElseThrow();
        String realm = c.param("realm").orElseThrow();
        String nonce = c.param("nonce").orElseThrow();
        if (counts.size() > MAX_NONCES) {
            counts.clear();
        }
        long count = counts.computeIfAbsent(nonce, n -> new AtomicLong()).incrementAndGet();
        String nc = String.format(Locale.ROOT, "%08x", count);
        byte[] cn = new byte[16];
        random.nextBytes(cn);
        String cnonce = HEX.formatHex(cn);
        String response = Digest.response(alg, username, realm, password, method, uri, nonce, nc, cnonce);
        StringBuilder sb = new StringBuilder("Digest username=")
                .append(DigestAuthenticator.quote(username))
                .append(", realm=")
                .append(DigestAuthenticator.quote(realm))
                .append(", nonce=")
                .append(DigestAuthenticator.quote(nonce))
                .append(", uri=")
                .append(DigestAuthenticator.quote(uri))
                .append(", response=\"")
                .append(response)
                .append("\", algorithm=")
                .append(alg.token())
                .append(", cnonce=\"")
                .append(cnonce)
                .append("\", qop=auth, nc=")
                .append(nc);
        c.param("opaque").ifPresent(o -> sb.append(", opaque=").append(DigestAuthenticator.quote(o)));
        return sb.toString();
    }

    /** Ranks algorithms: SHA-512-256 above SHA-256 above MD5, a -sess variant just below its base. */
    static int strength(DigestAlgorithm a) {
        return switch (a) {
            case SHA_512_256 -> 6;
            case SHA_512_256_SESS -> 5;
            case SHA_256 -> 4;
            case SHA_256_SESS -> 3;
            case MD5 -> 2;
            case MD5_SESS -> 1;
        };
    }

    /** The user name only. */
    @Override
    public String toString() {
        return "DigestClient[" + io.remotebank.core.pii.Mask.text(username) + ", " + new ArrayList<>(supported) + "]";
    }
}
