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

    private Methods() {}

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
        for (byte[] k : KNOWN_BYTES) {
            if (k.length == len && k[0] == b[s] && java.util.Arrays.equals(k, 0, len, b, s, e)) {
                return KNOWN[indexOf(k)];
            }
        }
        return new String(b, s, len, StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(byte[] k) {
        for (int i = 0; i < KNOWN_BYTES.length; i++) {
            if (KNOWN_BYTES[i] == k) {
                return i;
            }
        }
        return -1;
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
