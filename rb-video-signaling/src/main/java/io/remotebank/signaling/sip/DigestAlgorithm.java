package io.remotebank.signaling.sip;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.signaling.SignalingError;
import java.util.Locale;
import org.apiguardian.api.API;

/** The digest algorithms of RFC 7616 3.3 (for SIP, RFC 8760), with their session variants. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum DigestAlgorithm {
    /** MD5 (RFC 2617; kept for interoperability). */
    MD5("MD5", "MD5", false),
    /** MD5-sess. */
    MD5_SESS("MD5-sess", "MD5", true),
    /** SHA-256 (RFC 8760). */
    SHA_256("SHA-256", "SHA-256", false),
    /** SHA-256-sess. */
    SHA_256_SESS("SHA-256-sess", "SHA-256", true),
    /** SHA-512/256 (RFC 8760). */
    SHA_512_256("SHA-512-256", "SHA-512/256", false),
    /** SHA-512-256-sess. */
    SHA_512_256_SESS("SHA-512-256-sess", "SHA-512/256", true);

    private final String token;
    private final String jdkName;
    private final boolean session;

    DigestAlgorithm(String token, String jdkName, boolean session) {
        this.token = token;
        this.jdkName = jdkName;
        this.session = session;
    }

    /** The token as it appears in the {@code algorithm} parameter. */
    public String token() {
        return token;
    }

    /** The name of the JDK MessageDigest. */
    String jdkName() {
        return jdkName;
    }

    /** Whether this is a {@code -sess} variant (HA1 includes nonce and cnonce). */
    public boolean isSession() {
        return session;
    }

    /**
     * The algorithm named by an {@code algorithm} parameter (case-insensitive); absent means MD5
     * (RFC 7616 3.3).
     *
     * @param token the parameter value, or null
     * @return the algorithm
     * @throws DigestException for an unknown algorithm
     */
    public static DigestAlgorithm fromToken(String token) {
        if (token == null) {
            return MD5;
        }
        String t = token.toLowerCase(Locale.ROOT);
        for (DigestAlgorithm a : values()) {
            if (a.token.toLowerCase(Locale.ROOT).equals(t)) {
                return a;
            }
        }
        throw new DigestException(SignalingError.DIGEST_INVALID, "unknown digest algorithm");
    }
}
