package io.remotebank.signaling.sip.auth;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.signaling.sip.Digest;
import io.remotebank.signaling.sip.DigestAlgorithm;
import io.remotebank.signaling.sip.DigestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The users file of a digest server ({@code rb sip-server --users FILE}): HA1 hashes only, so the
 * file holds no password. One entry per line, UTF-8:
 *
 * <pre>
 * # comment; blank lines are ignored
 * user:realm:ALGORITHM=HA1[,ALGORITHM=HA1...]
 * alice:bank.example:MD5=0a1b...,SHA-256=9f2c...,SHA-512-256=41d7...
 * </pre>
 *
 * <p>The user name and the realm contain no {@code :} and no control characters; the algorithms
 * are the base algorithms of RFC 7616 ({@code MD5}, {@code SHA-256}, {@code SHA-512-256},
 * case-insensitive), each at most once per line; each HA1 is {@code H(user:realm:password)} in hex (32
 * digits for MD5, 64 for the others). A (user, realm) pair appears once in a file. {@link #line}
 * makes a line from a password. A malformed line fails the whole load with its line number, and
 * the message never repeats a hash.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class UsersFile {

    static final DigestAlgorithm[] BASE_ALGORITHMS = {
        DigestAlgorithm.MD5, DigestAlgorithm.SHA_256, DigestAlgorithm.SHA_512_256
    };

    private UsersFile() {}

    /**
     * Loads a users file into a new in-memory store.
     *
     * @param file the file
     * @return the store
     * @throws CredentialsException when the file cannot be read or a line is malformed
     */
    public static InMemoryCredentialStore load(Path file) {
        Arguments.notNull(file, "file");
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CredentialsException("cannot read the users file " + file + ": " + e.getMessage(), e);
        }
        return parse(lines);
    }

    /**
     * Parses the lines of a users file into a new in-memory store.
     *
     * @param lines the lines
     * @return the store
     * @throws CredentialsException when a line is malformed
     */
    public static InMemoryCredentialStore parse(List<String> lines) {
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        Set<String> seen = new HashSet<>();
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                parseLine(line, store, seen);
            } catch (CredentialsException e) {
                throw new CredentialsException("users file line " + number + ": " + detail(e), e);
            }
        }
        return store;
    }

    private static void parseLine(String line, InMemoryCredentialStore store, Set<String> seen) {
        int first = line.indexOf(':');
        int second = first < 0 ? -1 : line.indexOf(':', first + 1);
        if (second < 0) {
            throw new CredentialsException("expected user:realm:ALGORITHM=HA1[,...]", null);
        }
        String user = line.substring(0, first);
        String realm = line.substring(first + 1, second);
        InMemoryCredentialStore.checkName(user, "user name");
        InMemoryCredentialStore.checkName(realm, "realm");
        if (!seen.add(realm + '\0' + user)) {
            throw new CredentialsException("the user appears twice in this realm", null);
        }
        String hashes = line.substring(second + 1);
        if (hashes.isBlank()) {
            throw new CredentialsException("no hash after user:realm:", null);
        }
        Set<DigestAlgorithm> given = EnumSet.noneOf(DigestAlgorithm.class);
        for (String part : hashes.split(",", -1)) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new CredentialsException("expected ALGORITHM=HA1 between commas", null);
            }
            DigestAlgorithm algorithm;
            try {
                algorithm = DigestAlgorithm.fromToken(part.substring(0, eq).strip());
            } catch (DigestException e) {
                throw new CredentialsException("unknown algorithm (use MD5, SHA-256 or SHA-512-256)", null);
            }
            if (!given.add(algorithm)) {
                throw new CredentialsException(algorithm.token() + " is given twice", null);
            }
            store.put(realm, user, algorithm, part.substring(eq + 1).strip());
        }
    }

    private static String detail(CredentialsException e) {
        String m = e.getMessage();
        String prefix = e.code().code() + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    /**
     * A users-file line for a password: the HA1 of each base algorithm given (all three when none).
     *
     * @param user the user name
     * @param realm the realm
     * @param password the password (hashed, not written)
     * @param algorithms base algorithms; none means MD5, SHA-256 and SHA-512-256
     * @return the line, without a line break
     */
    public static String line(String user, String realm, String password, DigestAlgorithm... algorithms) {
        InMemoryCredentialStore.checkName(user, "user name");
        InMemoryCredentialStore.checkName(realm, "realm");
        Arguments.notNull(password, "password");
        DigestAlgorithm[] algs = algorithms.length == 0 ? BASE_ALGORITHMS : algorithms;
        StringBuilder sb = new StringBuilder(user).append(':').append(realm).append(':');
        for (int i = 0; i < algs.length; i++) {
            InMemoryCredentialStore.requireBase(algs[i]);
            if (i > 0) {
                sb.append(',');
            }
            sb.append(algs[i].token()).append('=').append(Digest.ha1(algs[i], user, realm, password, null, null));
        }
        return sb.toString();
    }
}
