package io.remotebank.signaling.sip;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.signaling.SignalingError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apiguardian.api.API;

/**
 * The digest computation of RFC 7616 3.4 with {@code qop=auth}, as SIP uses it (RFC 3261 22.4, RFC
 * 8760): HA1, HA2, the response, and the userhash. All strings are UTF-8 and every hash is lower
 * case hex. A server compares responses with {@link #matches}, in constant time.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Digest {

    private Digest() {}

    /**
     * HA1 = H(username:realm:password); for a {@code -sess} algorithm H(that:nonce:cnonce).
     *
     * @param algorithm the algorithm
     * @param username the user name
     * @param realm the realm
     * @param password the password
     * @param nonce the server nonce (used by -sess only)
     * @param cnonce the client nonce (used by -sess only)
     * @return HA1 in hex
     */
    public static String ha1(
            DigestAlgorithm algorithm, String username, String realm, String password, String nonce, String cnonce) {
        String ha1 = hash(
                algorithm, req(username, "username") + ":" + req(realm, "realm") + ":" + req(password, "password"));
        return algorithm.isSession()
                ? hash(algorithm, ha1 + ":" + req(nonce, "nonce") + ":" + req(cnonce, "cnonce"))
                : ha1;
    }

    /**
     * The HA1 of a {@code -sess} algorithm from the stored HA1 of its base algorithm: H(ha1:nonce:cnonce)
     * (RFC 7616 3.4.2), for a server that holds hashes only.
     *
     * @param algorithm the session algorithm (its hash function is used)
     * @param ha1 the base HA1 in hex
     * @param nonce the server nonce
     * @param cnonce the client nonce
     * @return the session HA1 in hex
     */
    public static String sessionHa1(DigestAlgorithm algorithm, String ha1, String nonce, String cnonce) {
        return hash(algorithm, req(ha1, "ha1") + ":" + req(nonce, "nonce") + ":" + req(cnonce, "cnonce"));
    }

    /**
     * HA2 = H(method:digest-uri) for {@code qop=auth}.
     *
     * @param algorithm the algorithm
     * @param method the request method
     * @param digestUri the uri parameter
     * @return HA2 in hex
     */
    public static String ha2(DigestAlgorithm algorithm, String method, String digestUri) {
        return hash(algorithm, req(method, "method") + ":" + req(digestUri, "uri"));
    }

    /**
     * The response = H(HA1:nonce:nc:cnonce:qop:HA2) with {@code qop=auth}.
     *
     * @param algorithm the algorithm
     * @param ha1 HA1 in hex
     * @param nonce the nonce
     * @param nc the nonce count, 8 hex digits
     * @param cnonce the client nonce
     * @param ha2 HA2 in hex
     * @return the response in hex
     */
    public static String response(
            DigestAlgorithm algorithm, String ha1, String nonce, String nc, String cnonce, String ha2) {
        return hash(
                algorithm,
                req(ha1, "ha1") + ":" + req(nonce, "nonce") + ":" + req(nc, "nc") + ":" + req(cnonce, "cnonce")
                        + ":auth:" + req(ha2, "ha2"));
    }

    /**
     * The whole response from the password (what a UAC sends).
     *
     * @param algorithm the algorithm
     * @param username the user name
     * @param realm the realm
     * @param password the password
     * @param method the request method
     * @param digestUri the uri parameter
     * @param nonce the nonce
     * @param nc the nonce count, 8 hex digits
     * @param cnonce the client nonce
     * @return the response in hex
     */
    public static String response(
            DigestAlgorithm algorithm,
            String username,
            String realm,
            String password,
            String method,
            String digestUri,
            String nonce,
            String nc,
            String cnonce) {
        return response(
                algorithm,
                ha1(algorithm, username, realm, password, nonce, cnonce),
                nonce,
                nc,
                cnonce,
                ha2(algorithm, method, digestUri));
    }

    /**
     * The userhash = H(username:realm) (RFC 7616 3.4.4).
     *
     * @param algorithm the algorithm
     * @param username the user name
     * @param realm the realm
     * @return the userhash in hex
     */
    public static String userhash(DigestAlgorithm algorithm, String username, String realm) {
        return hash(algorithm, req(username, "username") + ":" + req(realm, "realm"));
    }

    /**
     * Compares two hex responses in constant time (case-insensitive).
     *
     * @param expected the response the server computed
     * @param received the response the client sent
     * @return true when equal
     */
    public static boolean matches(String expected, String received) {
        Arguments.notNull(expected, "expected");
        if (received == null) {
            return false;
        }
        return MessageDigest.isEqual(
                expected.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                received.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    private static String hash(DigestAlgorithm algorithm, String text) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm.jdkName());
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new DigestException(SignalingError.DIGEST_INVALID, "the JDK lacks " + algorithm.jdkName());
        }
    }

    private static String req(String v, String name) {
        if (v == null) {
            throw new DigestException(SignalingError.DIGEST_INVALID, name + " is missing");
        }
        return v;
    }
}
