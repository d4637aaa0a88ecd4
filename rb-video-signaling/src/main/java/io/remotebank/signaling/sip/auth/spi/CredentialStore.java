package io.remotebank.signaling.sip.auth.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.signaling.sip.DigestAlgorithm;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Where a digest server finds a user's secret: the HA1 hash {@code H(username:realm:password)} of RFC
 * 7616 3.4.2, per realm and per base algorithm (MD5, SHA-256, SHA-512-256), never the password. A
 * {@code -sess} algorithm uses the HA1 of its base algorithm. The embedded default is {@code
 * InMemoryCredentialStore} (filled in code or from a users file); a bank plugs in its own directory
 * by implementing this interface and proving it with {@code CredentialStoreContract} in rb-tck.
 *
 * <p>Implementations are thread-safe; the digest server calls them on network threads, so a remote
 * store should cache.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface CredentialStore {

    /**
     * The HA1 of a user in a realm for one algorithm.
     *
     * @param realm the realm, compared exactly (case-sensitive, RFC 7616 3.3)
     * @param username the user name, compared exactly
     * @param algorithm a base algorithm ({@link DigestAlgorithm#isSession()} is false)
     * @return the HA1 in lower-case hex, or empty when the user is unknown or has no hash for this
     *     algorithm
     */
    Optional<String> ha1(String realm, String username, DigestAlgorithm algorithm);

    /**
     * Whether the user has any hash in the realm; the default asks {@link #ha1} for each base
     * algorithm.
     *
     * @param realm the realm
     * @param username the user name
     * @return true when known
     */
    default boolean contains(String realm, String username) {
        for (DigestAlgorithm a : DigestAlgorithm.values()) {
            if (!a.isSession() && ha1(realm, username, a).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
