package io.remotebank.signaling.internal.sip;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.charset.StandardCharsets;
import org.apiguardian.api.API;

/** Shared constant strings for the common methods and schemes, so that framing allocates less. */
@API(status = INTERNAL, since = "0.1")
public final class Methods {

    // Common tokens (transports, parameter names, option tags, methods, media types, auth
    // parameters), shared so that parsing them allocates nothing. Looked up by a hash of the length
    // and three of the bytes (see slot) in an open-addressing table: one comparison in the usual
    // case, and a miss usually ends at an empty slot at once.
    private static final String[] TOKENS = {
        "SIP",
        "2.0",
        "UDP",
        "TCP",
        "TLS",
        "WS",
        "WSS",
        "SCTP",
        "DTLS",
        "udp",
        "tcp",
        "tls",
        "ws",
        "wss",
        "sctp",
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
        "method",
        "comp",
        "sigcomp",
        "ob",
        "reg-id",
        "+sip.instance",
        "gr",
        "ip",
        "keep",
        "alias",
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
        "UPDATE",
        "100rel",
        "timer",
        "replaces",
        "path",
        "gruu",
        "outbound",
        "norefersub",
        "precondition",
        "from-change",
        "histinfo",
        "join",
        "eventlist",
        "tdialog",
        "sec-agree",
        "resource-priority",
        "answermode",
        "ice",
        "application",
        "sdp",
        "multipart",
        "mixed",
        "alternative",
        "related",
        "text",
        "plain",
        "html",
        "message",
        "sipfrag",
        "pidf+xml",
        "json",
        "xml",
        "boundary",
        "charset",
        "handling",
        "required",
        "optional",
        "session",
        "render",
        "icon",
        "alert",
        "uac",
        "uas",
        "refresher",
        "Digest",
        "realm",
        "nonce",
        "opaque",
        "algorithm",
        "qop",
        "auth",
        "auth-int",
        "uri",
        "response",
        "username",
        "cnonce",
        "nc",
        "stale",
        "domain",
        "MD5",
        "SHA-256",
        "SHA-512-256",
        "true",
        "false",
        // the usual reason phrases (compared byte for byte like the rest)
        "Trying",
        "Ringing",
        "Session Progress",
        "OK",
        "Accepted",
        "Bad Request",
        "Unauthorized",
        "Forbidden",
        "Not Found",
        "Proxy Authentication Required",
        "Request Timeout",
        "Temporarily Unavailable",
        "Call/Transaction Does Not Exist",
        "Busy Here",
        "Request Terminated",
        "Not Acceptable Here",
        "Server Internal Error",
        "Service Unavailable",
        "Decline"
    };
    private static final String[] TABLE = new String[512];
    private static final byte[][] TABLE_BYTES = new byte[TABLE.length][];

    static {
        for (String t : TOKENS) {
            byte[] tb = t.getBytes(StandardCharsets.US_ASCII);
            int i = slot(tb, 0, tb.length);
            while (TABLE[i] != null) {
                if (TABLE[i].equals(t)) {
                    throw new ExceptionInInitializerError("duplicate token " + t);
                }
                i = (i + 1) & (TABLE.length - 1);
            }
            TABLE[i] = t;
            TABLE_BYTES[i] = t.getBytes(StandardCharsets.US_ASCII);
        }
    }

    private Methods() {}

    /**
     * The token at {@code b[s..e)}, a shared constant when it is a common one (transports, the usual
     * parameter names, option tags, methods), so that parsing a Via or a tag allocates less.
     *
     * @param b bytes
     * @param s start
     * @param e end
     * @return the token
     */
    public static String token(byte[] b, int s, int e) {
        String k = known(b, s, e);
        return k != null ? k : new String(b, s, e - s, StandardCharsets.ISO_8859_1);
    }

    /**
     * Where the table looks for {@code b[s..e)} first: a mix of its length and its first, middle and
     * last bytes, computed at once rather than byte after byte (the shared strings differ there).
     */
    private static int slot(byte[] b, int s, int e) {
        int len = e - s;
        if (len == 0) {
            return 0;
        }
        int h = len * 0x9E3779B1
                + (b[s] & 0xff) * 0x85EBCA77
                + (b[e - 1] & 0xff) * 0xC2B2AE3D
                + (b[s + (len >> 1)] & 0xff) * 0x27D4EB2F;
        return (h ^ (h >>> 15) ^ (h >>> 23)) & (TABLE.length - 1);
    }

    /** The shared constant equal to {@code b[s..e)}, or null. */
    static String known(byte[] b, int s, int e) {
        int len = e - s;
        int i = slot(b, s, e);
        while (true) {
            byte[] k = TABLE_BYTES[i];
            if (k == null) {
                return null;
            }
            if (same(k, b, s, len)) {
                return TABLE[i];
            }
            i = (i + 1) & (TABLE.length - 1);
        }
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
        return token(b, s, e);
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
