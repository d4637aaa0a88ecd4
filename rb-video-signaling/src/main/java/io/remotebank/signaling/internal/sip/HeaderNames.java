package io.remotebank.signaling.internal.sip;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The header fields the parser knows, by number, with their compact forms (RFC 3261 7.3.3 and the
 * IANA registry); names compare case-insensitively without allocating.
 */
@API(status = INTERNAL, since = "0.1")
public final class HeaderNames {

    /** Not one we know: kept and matched by name. */
    public static final int OTHER = 0;

    public static final int VIA = 1;
    public static final int CALL_ID = 2;
    public static final int CSEQ = 3;
    public static final int FROM = 4;
    public static final int TO = 5;
    public static final int CONTENT_LENGTH = 6;
    public static final int CONTACT = 7;
    public static final int ROUTE = 8;
    public static final int RECORD_ROUTE = 9;
    public static final int CONTENT_TYPE = 10;
    public static final int MAX_FORWARDS = 11;
    public static final int REQUIRE = 12;
    public static final int SUPPORTED = 13;
    public static final int UNSUPPORTED = 14;
    public static final int PROXY_REQUIRE = 15;
    public static final int AUTHORIZATION = 16;
    public static final int PROXY_AUTHORIZATION = 17;
    public static final int WWW_AUTHENTICATE = 18;
    public static final int PROXY_AUTHENTICATE = 19;
    public static final int EXPIRES = 20;
    public static final int SUBJECT = 21;
    public static final int ALLOW = 22;
    public static final int ACCEPT = 23;
    public static final int DATE = 24;
    public static final int CONTENT_ENCODING = 25;
    public static final int EVENT = 26;
    public static final int REFER_TO = 27;
    public static final int ALLOW_EVENTS = 28;
    public static final int SESSION_EXPIRES = 29;
    public static final int REFERRED_BY = 30;
    public static final int USER_AGENT = 31;
    public static final int SERVER = 32;
    public static final int MIN_EXPIRES = 33;
    public static final int RETRY_AFTER = 34;
    public static final int WARNING = 35;
    public static final int ACCEPT_ENCODING = 36;
    public static final int ACCEPT_LANGUAGE = 37;
    public static final int ALERT_INFO = 38;
    public static final int CALL_INFO = 39;
    public static final int CONTENT_DISPOSITION = 40;
    public static final int CONTENT_LANGUAGE = 41;
    public static final int ERROR_INFO = 42;
    public static final int IN_REPLY_TO = 43;
    public static final int MIME_VERSION = 44;
    public static final int ORGANIZATION = 45;
    public static final int PRIORITY = 46;
    public static final int REPLY_TO = 47;
    public static final int TIMESTAMP = 48;
    public static final int AUTHENTICATION_INFO = 49;

    private static final String[] CANONICAL = {
        null,
        "Via",
        "Call-ID",
        "CSeq",
        "From",
        "To",
        "Content-Length",
        "Contact",
        "Route",
        "Record-Route",
        "Content-Type",
        "Max-Forwards",
        "Require",
        "Supported",
        "Unsupported",
        "Proxy-Require",
        "Authorization",
        "Proxy-Authorization",
        "WWW-Authenticate",
        "Proxy-Authenticate",
        "Expires",
        "Subject",
        "Allow",
        "Accept",
        "Date",
        "Content-Encoding",
        "Event",
        "Refer-To",
        "Allow-Events",
        "Session-Expires",
        "Referred-By",
        "User-Agent",
        "Server",
        "Min-Expires",
        "Retry-After",
        "Warning",
        "Accept-Encoding",
        "Accept-Language",
        "Alert-Info",
        "Call-Info",
        "Content-Disposition",
        "Content-Language",
        "Error-Info",
        "In-Reply-To",
        "MIME-Version",
        "Organization",
        "Priority",
        "Reply-To",
        "Timestamp",
        "Authentication-Info"
    };
    private static final byte[][] LOWER = new byte[CANONICAL.length][];

    // Candidates by name length and first letter (at 26 * length + letter), so that a lookup
    // compares one or two names.
    private static final int MAX_LENGTH = 24;
    private static final int[][] CANDIDATES = new int[MAX_LENGTH * 26][];

    /**
     * Set by {@link #classify} beside the number when the name is written exactly in its canonical
     * spelling, or is a one-letter compact form: {@link #name(byte[], int, int, int)} then shares a
     * constant.
     */
    public static final int CANONICAL_SPELLING = 0x40;

    /** The bits of a {@link #classify} result that hold the number. */
    public static final int KIND_MASK = 0x3f;

    private static final byte[][] EXACT = new byte[CANONICAL.length][];
    // Names of up to eight bytes as little-endian words (zero above the name): lower case, exact.
    private static final long[] LOWER_WORD = new long[CANONICAL.length];
    private static final long[] EXACT_WORD = new long[CANONICAL.length];
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final String[] SINGLE = new String[128];

    static {
        for (int c = 0; c < SINGLE.length; c++) {
            SINGLE[c] = String.valueOf((char) c);
        }
        for (int i = 1; i < CANONICAL.length; i++) {
            EXACT[i] = CANONICAL[i].getBytes(StandardCharsets.US_ASCII);
            LOWER[i] = CANONICAL[i].toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
            for (int j = Math.min(LOWER[i].length, Long.BYTES) - 1; j >= 0; j--) {
                LOWER_WORD[i] = LOWER_WORD[i] << 8 | (LOWER[i][j] & 0xff);
                EXACT_WORD[i] = EXACT_WORD[i] << 8 | (EXACT[i][j] & 0xff);
            }
            int at = LOWER[i].length * 26 + LOWER[i][0] - 'a';
            int[] old = CANDIDATES[at];
            int[] grown = old == null ? new int[1] : java.util.Arrays.copyOf(old, old.length + 1);
            grown[grown.length - 1] = i;
            CANDIDATES[at] = grown;
        }
    }

    private HeaderNames() {}

    /**
     * The number of the field named {@code b[s..e)}, compact forms included, or {@link #OTHER}.
     *
     * @param b bytes
     * @param s start
     * @param e end
     * @return the number
     */
    public static int kind(byte[] b, int s, int e) {
        int len = e - s;
        if (len == 1) {
            return compact(b[s]);
        }
        return classify(b, s, e) & KIND_MASK;
    }

    private static int compact(byte c) {
        switch (c | 0x20) {
            case 'v':
                return VIA;
            case 'i':
                return CALL_ID;
            case 'f':
                return FROM;
            case 't':
                return TO;
            case 'l':
                return CONTENT_LENGTH;
            case 'm':
                return CONTACT;
            case 'c':
                return CONTENT_TYPE;
            case 'k':
                return SUPPORTED;
            case 's':
                return SUBJECT;
            case 'e':
                return CONTENT_ENCODING;
            case 'o':
                return EVENT;
            case 'r':
                return REFER_TO;
            case 'u':
                return ALLOW_EVENTS;
            case 'x':
                return SESSION_EXPIRES;
            case 'b':
                return REFERRED_BY;
            default:
                return OTHER;
        }
    }

    /**
     * What the scanner records for the field named {@code b[s..e)}: its number ({@link #kind(byte[],
     * int, int)}), with {@link #CANONICAL_SPELLING} set when the name is written exactly in the
     * canonical spelling or is a compact form; found by one walk over the name.
     *
     * @param b bytes
     * @param s start
     * @param e end
     * @return the number, possibly with {@link #CANONICAL_SPELLING}
     */
    public static int classify(byte[] b, int s, int e) {
        int len = e - s;
        if (len <= 0) {
            return OTHER;
        }
        if (len == 1) {
            int k = compact(b[s]);
            return k == OTHER ? OTHER : k | CANONICAL_SPELLING;
        }
        int first = (b[s] | 0x20) - 'a';
        if (len >= MAX_LENGTH || first < 0 || first >= 26) {
            return OTHER;
        }
        int[] candidates = CANDIDATES[len * 26 + first];
        if (candidates == null) {
            return OTHER;
        }
        if (len <= Long.BYTES && s + Long.BYTES <= b.length) {
            // One 8-byte word: OR-ing 0x20 into every byte lowers a letter and leaves the other
            // token characters that can match a name ('-') alone, so one compare matches any case.
            long mask = len == Long.BYTES ? -1L : (1L << (8 * len)) - 1;
            long w = (long) LONGS.get(b, s) & mask;
            long lower = (w | (0x2020202020202020L & mask));
            for (int k : candidates) {
                if (lower == LOWER_WORD[k]) {
                    return w == EXACT_WORD[k] ? k | CANONICAL_SPELLING : k;
                }
            }
            return OTHER;
        }
        for (int k : candidates) {
            byte[] n = LOWER[k];
            byte[] x = EXACT[k];
            int differs = b[s] ^ x[0];
            int i = 1;
            while (i < len) {
                byte c = b[s + i];
                if ((c | 0x20) != n[i]) {
                    break;
                }
                differs |= c ^ x[i];
                i++;
            }
            if (i == len) {
                return differs == 0 ? k | CANONICAL_SPELLING : k;
            }
        }
        return OTHER;
    }

    /**
     * The name {@code b[s..e)} as a string: the shared canonical spelling when it is written exactly
     * so (or is a one-letter compact form), so that listing the header fields of a message does not
     * allocate a string per name.
     *
     * @param b bytes
     * @param s start
     * @param e end
     * @param kind {@link #kind(byte[], int, int)} or {@link #classify(byte[], int, int)} of the same
     *     bytes (with the latter, the spelling is not compared again)
     * @return the name as written
     */
    public static String name(byte[] b, int s, int e, int kind) {
        if ((kind & CANONICAL_SPELLING) != 0) {
            return e - s == 1 ? SINGLE[b[s] & 0x7f] : CANONICAL[kind & KIND_MASK];
        }
        kind &= KIND_MASK;
        if (kind != OTHER) {
            int len = e - s;
            if (len == 1) {
                return SINGLE[b[s] & 0x7f];
            }
            byte[] c = EXACT[kind];
            if (c.length == len) {
                int i = 0;
                while (i < len && b[s + i] == c[i]) {
                    i++;
                }
                if (i == len) {
                    return CANONICAL[kind];
                }
            }
        }
        return new String(b, s, e - s, StandardCharsets.UTF_8);
    }

    /**
     * The number of a field name given as a string.
     *
     * @param name the name, full or compact, any case
     * @return the number or {@link #OTHER}
     */
    public static int kind(String name) {
        byte[] b = name.getBytes(StandardCharsets.ISO_8859_1);
        return b.length == 0 ? OTHER : kind(b, 0, b.length);
    }

    /**
     * The canonical spelling of a known field.
     *
     * @param kind the number
     * @return the name
     */
    public static String canonical(int kind) {
        return CANONICAL[kind];
    }
}
