package io.remotebank.signaling.internal.sip;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.charset.StandardCharsets;
import org.apiguardian.api.API;

/** Shared constant strings for the common methods and schemes, so that framing allocates less. */
@API(status = INTERNAL, since = "0.1")
public final class Methods {

    private static final String[] KNOWN = {
        "INVITE",
        "ACK",
        "BYE",
        "CANCEL",
        "OPTIONS",
        "REGISTER",
        "PRACK",
        "SUBSCRIBE",
        "NOTIFY",
        "PUBLISH",
        "INFO",
        "REFER",
        "MESSAGE",
        "UPDATE"
    };
    private static final byte[][] KNOWN_BYTES = new byte[KNOWN.length][];

    static {
        for (int i = 0; i < KNOWN.length; i++) {
            KNOWN_BYTES[i] = KNOWN[i].getBytes(StandardCharsets.US_ASCII);
        }
    }

    private static final String[] TOKENS = {
        "SIP",
        "2.0",
        "UDP",
        "TCP",
        "TLS",
        "WS",
        "WSS",
        "SCTP",
        "branch",
        "rport",
        "received",
        "tag",
        "lr",
        "transport",
        "maddr",
        "ttl",
        "expires",
        "q",
        "user",
        "phone",
        "udp",
        "tcp",
        "tls",
        "ws",
        "wss"
    };
    private static final byte[][] TOKEN_BYTES = new byte[TOKENS.length][];
    // Indexes into TOKENS by length, so that most tokens are compared with one candidate or none.
    private static final int[][] TOKENS_BY_LENGTH = new int[16][];

    static {
        for (int i = 0; i < TOKENS.length; i++) {
            TOKEN_BYTES[i] = TOKENS[i].getBytes(StandardCharsets.US_ASCII);
            int len = TOKEN_BYTES[i].length;
            int[] old = TOKENS_BY_LENGTH[len];
            int[] grown = old == null ? new int[1] : java.util.Arrays.copyOf(old, old.length + 1);
            grown[grown.length - 1] = i;
            TOKENS_BY_LENGTH[len] = grown;
        }
    }

    private Methods() {}

    /**
     * The token at {@code b[s..e)}, a shared constant when it is a common one (transports, the usual
     * parameter names), so that parsing a Via or a tag allocates less.
     *
     * @param b bytes
     * @param s start
     * @param e end
     * @return the token
     */
    public static String token(byte[] b, int s, int e) {
        int len = e - s;
        int[] candidates = len < TOKENS_BY_LENGTH.length ? TOKENS_BY_LENGTH[len] : null;
        if (candidates != null) {
            for (int i : candidates) {
                byte[] k = TOKEN_BYTES[i];
                if (k[0] == b[s] && same(k, b, s, len)) {
                    return TOKENS[i];
                }
            }
        }
        return new String(b, s, len, StandardCharsets.ISO_8859_1);
    }

    /**
     * The method name at {@code b[s..e)}, a shared constant when it is a known one (methods are
     * case-sensitive, RFC 3261 7.1).
     *
     * @param b bytes
     * @param s start
     * @param e end
     * @return the method
     */
    public static String of(byte[] b, int s, int e) {
        int len = e - s;
        for (int i = 0; i < KNOWN_BYTES.length; i++) {
            if (same(KNOWN_BYTES[i], b, s, len)) {
                return KNOWN[i];
            }
        }
        return new String(b, s, len, StandardCharsets.ISO_8859_1);
    }

    private static boolean same(byte[] k, byte[] b, int s, int len) {
        if (k.length != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (k[i] != b[s + i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The scheme at {@code b[s..e)} in lower case (schemes are case-insensitive).
     *
     * @param b bytes
     * @param s start
     * @param e end
     * @return the scheme
     */
    public static String lowerScheme(byte[] b, int s, int e) {
        int len = e - s;
        if (len == 3 && (b[s] | 0x20) == 's' && (b[s + 1] | 0x20) == 'i' && (b[s + 2] | 0x20) == 'p') {
            return "sip";
        }
        if (len == 4
                && (b[s] | 0x20) == 's'
                && (b[s + 1] | 0x20) == 'i'
                && (b[s + 2] | 0x20) == 'p'
                && (b[s + 3] | 0x20) == 's') {
            return "sips";
        }
        if (len == 3 && (b[s] | 0x20) == 't' && (b[s + 1] | 0x20) == 'e' && (b[s + 2] | 0x20) == 'l') {
            return "tel";
        }
        return new String(b, s, len, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
    }
}
