package io.remotebank.signaling.sip.auth;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.signaling.sip.Digest;
import io.remotebank.signaling.sip.DigestAlgorithm;
import io.remotebank.signaling.sip.auth.spi.CredentialStore;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * The embedded {@link CredentialStore}: HA1 hashes in memory, per realm, user and algorithm.
 * Passwords given to {@link #putPassword} are hashed at once and not kept. Thread-safe; an update
 * of one user replaces that user's hashes atomically. {@link UsersFile} fills one from a file.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class InMemoryCredentialStore implements CredentialStore {

    private final ConcurrentHashMap<String, Map<DigestAlgorithm, String>> users = new ConcurrentHashMap<>();

    /** An empty store. */
    public InMemoryCredentialStore() {}

    /**
     * Sets a user's HA1 for one base algorithm, keeping the user's other hashes.
     *
     * @param realm the realm (no {@code :} and not blank)
     * @param username the user name (no {@code :} and not blank)
     * @param algorithm a base algorithm (not {@code -sess})
     * @param ha1 the hash in hex, of the algorithm's length
     * @return this store
     * @throws CredentialsException for a blank name, a {@code -sess} algorithm or a malformed hash
     */
    public InMemoryCredentialStore put(String realm, String username, DigestAlgorithm algorithm, String ha1) {
        checkName(realm, "realm");
        checkName(username, "username");
        String hash = checkHa1(algorithm, ha1);
        users.compute(key(realm, username), (k, old) -> {
            Map<DigestAlgorithm, String> next = new EnumMap<>(DigestAlgorithm.class);
            if (old != null) {
                next.putAll(old);
            }
            next.put(algorithm, hash);
            return Map.copyOf(next);
        });
        return this;
    }

    /**
     * Hashes a password for the given base algorithms (all three when none are given) and stores
     * the hashes, replacing the user's previous ones; the password is not kept.
     *
     * @param realm the realm
     * @param username the user name
     * @param password the password
     * @param algorithms base algorithms; none means MD5, SHA-256 and SHA-512-256
     * @return this store
     */
    public InMemoryCredentialStore putPassword(
            String realm, String username, String password, DigestAlgorithm... algorithms) {
        checkName(realm, "realm");
        checkName(username, "username");
        Arguments.notNull(password, "password");
        DigestAlgorithm[] algs = algorithms.length == 0 ? UsersFile.BASE_ALGORITHMS : algorithms;
        Map<DigestAlgorithm, String> next = new EnumMap<>(DigestAlgorithm.class);
        for (DigestAlgorithm a : algs) {
            requireBase(a);
            next.put(a, Digest.ha1(a, username, realm, password, null, null));
        }
        users.put(key(realm, username), Map.copyOf(next));
        return this;
    }

    /**
     * Removes a user from a realm.
     *
     * @param realm the realm
     * @param username the user name
     * @return whether the user was there
     */
    public boolean remove(String realm, String username) {
        return users.remove(key(realm, username)) != null;
    }

    /** The number of (realm, user) entries. */
    public int size() {
        return users.size();
    }

    @Override
    public Optional<String> ha1(String realm, String username, DigestAlgorithm algorithm) {
        Arguments.notNull(algorithm, "algorithm");
        if (realm == null || username == null) {
            return Optional.empty();
        }
        Map<DigestAlgorithm, String> hashes = users.get(key(realm, username));
        return hashes == null ? Optional.empty() : Optional.ofNullable(hashes.get(algorithm));
    }

    @Override
    public boolean contains(String realm, String username) {
        return realm != null && username != null && users.containsKey(key(realm, username));
    }

    /** The number of entries only; never names or hashes. */
    @Override
    public String toString() {
        return "InMemoryCredentialStore[" + users.size() + " entries]";
    }

    private static String key(String realm, String username) {
        // a NUL cannot occur in a realm or user name that passed checkName
        return realm + '\0' + username;
    }

    static void checkName(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new CredentialsException("the " + what + " must not be blank", null);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ':' || c < 0x20 || c == 0x7f) {
                throw new CredentialsException(
                        "the " + what + " must not contain ':' or control characters (position " + i + ")", null);
            }
        }
    }

    static void requireBase(DigestAlgorithm algorithm) {
        Arguments.notNull(algorithm, "algorithm");
        if (algorithm.isSession()) {
            throw new CredentialsException(
                    algorithm.token() + " is a session variant: store the HA1 of its base algorithm", null);
        }
    }

    static String checkHa1(DigestAlgorithm algorithm, String ha1) {
        requireBase(algorithm);
        Arguments.notNull(ha1, "ha1");
        int expected = algorithm == DigestAlgorithm.MD5 ? 32 : 64;
        if (ha1.length() != expected) {
            throw new CredentialsException(
                    "an " + algorithm.token() + " HA1 has " + expected + " hex digits, not " + ha1.length(), null);
        }
        for (int i = 0; i < ha1.length(); i++) {
            if (Character.digit(ha1.charAt(i), 16) < 0) {
                throw new CredentialsException(
                        "the " + algorithm.token() + " HA1 is not hex (position " + i + ")", null);
            }
        }
        return ha1.toLowerCase(Locale.ROOT);
    }
}
