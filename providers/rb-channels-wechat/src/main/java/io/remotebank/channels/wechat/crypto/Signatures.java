package io.remotebank.channels.wechat.crypto;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.apiguardian.api.API;

/**
 * The callback signatures of WeChat and WeCom: the lower-case hex SHA-1 of the parts (token,
 * timestamp, nonce, and for encrypted messages the ciphertext) sorted as strings and concatenated.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Signatures {

    private Signatures() {}

    /**
     * Computes a signature.
     *
     * @param parts the token, timestamp, nonce and, for msg_signature, the ciphertext
     * @return 40 lower-case hex digits
     */
    public static String sign(String... parts) {
        Arguments.notNull(parts, "parts");
        String[] sorted = parts.clone();
        for (int i = 0; i < sorted.length; i++) {
            Arguments.notNull(sorted[i], "part " + i);
        }
        // The sort is by UTF-16 code unit, as the published libraries sort (Java's String order,
        // Python's and PHP's byte order agree on the ASCII parts WeChat sends).
        Arrays.sort(sorted);
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
        for (String part : sorted) {
            sha1.update(part.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha1.digest());
    }

    /**
     * Whether a received signature matches, compared in constant time (the time taken does not tell
     * an attacker how many leading characters were right).
     *
     * @param received the signature from the request, or null when it had none
     * @param parts the parts it should sign
     * @return whether it matches; false for null or for anything but 40 hex digits
     */
    public static boolean matches(String received, String... parts) {
        String expected = sign(parts);
        if (received == null || received.length() != expected.length()) {
            return false;
        }
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), received.getBytes(StandardCharsets.US_ASCII));
    }
}
