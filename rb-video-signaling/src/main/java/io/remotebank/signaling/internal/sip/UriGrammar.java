package io.remotebank.signaling.internal.sip;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.signaling.SignalingError;
import io.remotebank.signaling.sip.Parameters;
import io.remotebank.signaling.sip.SipParseException;
import java.nio.charset.StandardCharsets;
import org.apiguardian.api.API;

/**
 * The URI grammar: {@code sip} and {@code sips} URIs (RFC 3261 19.1 and 25.1, IPv6 references per
 * RFC 5118), {@code tel} URIs (RFC 3966: the number and its parameters) and any other absolute URI,
 * kept opaque; with the lexicon the header grammar ({@link Grammar}, which extends this walker)
 * shares: character classes, host, port, errors. One instance walks bytes from {@code pos} to {@code
 * end}; errors carry the offset from the start of the message ({@code base}).
 *
 * <p>A scan only checks a URI in place ({@code materialize} false), and {@code SipUri} takes it apart
 * with {@link #parts} the first time one of its parts is asked for. This class names no API type
 * that uses it, so {@code SipUri} depends on it and not the other way round as well.
 */
@API(status = INTERNAL, since = "0.1")
public class UriGrammar {

    /** A {@code sip:} URI. */
    public static final int SIP = 0;
    /** A {@code sips:} URI. */
    public static final int SIPS = 1;
    /** A {@code tel:} URI. */
    public static final int TEL = 2;
    /** Any other absolute URI. */
    public static final int OTHER = 3;

    /**
     * The parts of a URI taken apart; immutable, so it may be shared once built.
     *
     * @param scheme the scheme, lower case
     * @param text the URI as written
     * @param user the user (or tel number), or null
     * @param password the password, or null
     * @param host the host (IPv6 references keep their brackets), or null
     * @param port the port, or -1
     * @param parameters the URI parameters
     * @param headers the headers part after {@code ?}, or null
     */
    @API(status = INTERNAL, since = "0.1")
    public record Parts(
            String scheme,
            String text,
            String user,
            String password,
            String host,
            int port,
            Parameters parameters,
            String headers) {}

    // Character classes, one bit each.
    static final int TOKEN = 1; // RFC 3261 token
    static final int WORD = 2; // Call-ID word
    static final int UNRESERVED = 4; // alphanum / mark
    static final int USER = 8; // user-unreserved
    static final int PARAM = 16; // param-unreserved
    static final int HNV = 32; // hnv-unreserved
    static final int PASSWORD = 64; // password extra
    static final int PARAM_VALUE = 128; // besides token characters in a gen-value: ':' '[' ']'
    static final byte[] CLASS = new byte[256];

    static {
        for (int c = 'a'; c <= 'z'; c++) {
            add(c, TOKEN | WORD | UNRESERVED);
        }
        for (int c = 'A'; c <= 'Z'; c++) {
            add(c, TOKEN | WORD | UNRESERVED);
        }
        for (int c = '0'; c <= '9'; c++) {
            add(c, TOKEN | WORD | UNRESERVED);
        }
        for (char c : "-.!%*_+`'~".toCharArray()) {
            add(c, TOKEN | WORD);
        }
        for (char c : "()<>:\\\"/[]?{}".toCharArray()) {
            add(c, WORD);
        }
        for (char c : "-_.!~*'()".toCharArray()) {
            add(c, UNRESERVED);
        }
        for (char c : "&=+$,;?/".toCharArray()) {
            add(c, USER);
        }
        for (char c : "[]/:&+$".toCharArray()) {
            add(c, PARAM);
        }
        for (char c : "[]/?:+$".toCharArray()) {
            add(c, HNV);
        }
        for (char c : "&=+$,".toCharArray()) {
            add(c, PASSWORD);
        }
        for (char c : ":[]".toCharArray()) {
            add(c, PARAM_VALUE);
        }
    }

    private static void add(int c, int bits) {
        CLASS[c] |= (byte) bits;
    }

    /** Whether {@code c} is an RFC 3261 token character. */
    public static boolean isToken(byte c) {
        return (CLASS[c & 0xff] & TOKEN) != 0;
    }

    final byte[] b;
    final int base;
    /** False: values are only checked (URIs parsed when first asked for). */
    boolean materialize = true;

    int pos;
    int end;
    /** The scheme of the URI {@link #uri} walked last, lower case. */
    String uriScheme;
    /** Its parts, when it was materialized; else null. */
    Parts uriParts;

    UriGrammar(byte[] b, int from, int to, int base) {
        this.b = b;
        this.pos = from;
        this.end = to;
        this.base = base;
    }

    /**
     * Checks a URI and takes it apart (what a lazily parsed {@code SipUri} does on first use).
     *
     * @param b the bytes
     * @param from start
     * @param to end
     * @return the parts
     * @throws SipParseException (400) when it is malformed
     */
    public static Parts parts(byte[] b, int from, int to) {
        UriGrammar g = new UriGrammar(b, from, to, 0);
        g.uri(from, to, false);
        return g.uriParts;
    }

    // ---- errors -------------------------------------------------------------------------------

    /**
     * A 400 error at a position.
     *
     * @param at the position in the byte array
     * @param base the array's offset in the message
     * @param what what is wrong
     * @return the exception
     */
    public static SipParseException bad(int at, int base, String what) {
        return new SipParseException(SignalingError.SIP_MALFORMED, 400, "Bad Request", at + base, what);
    }

    final SipParseException bad(String what) {
        return bad(pos, base, what);
    }

    final long digits(String what, int maxDigits) {
        int s = pos;
        while (pos < end && b[pos] == '0' && pos + 1 < end && isDigit(b[pos + 1])) {
            pos++; // leading zeros are allowed and do not count
        }
        int sig = pos;
        long v = 0;
        while (pos < end && isDigit(b[pos])) {
            if (pos - sig >= maxDigits) {
                throw bad(what + " is too large");
            }
            v = v * 10 + (b[pos] - '0');
            pos++;
        }
        if (pos == s) {
            throw bad("expected digits for " + what);
        }
        return v;
    }

    final int port() {
        long p = digits("port", 5);
        if (p > 65535) {
            throw bad("port above 65535");
        }
        return (int) p;
    }

    final String host() {
        int s = pos;
        if (pos < end && b[pos] == '[') {
            while (pos < end && b[pos] != ']') {
                pos++;
            }
            if (pos >= end) {
                throw bad(s, base, "'[' without ']'");
            }
            pos++;
            checkIpv6(s + 1, pos - 1);
            return materialize ? ascii(s, pos) : null;
        }
        int emptyLabel = -1; // the second dot of the first ".."
        byte prev = 0;
        int p = s;
        int e = end;
        while (p < e) {
            byte c = b[p];
            if (!isHostChar(c)) {
                break;
            }
            if (c == '.' && prev == '.' && emptyLabel < 0) {
                emptyLabel = p;
            }
            prev = c;
            p++;
        }
        pos = p;
        if (pos == s) {
            throw bad(s, base, "empty host");
        }
        if (b[s] == '.' || b[s] == '-') {
            throw bad(s, base, "bad host name");
        }
        if (emptyLabel >= 0) {
            throw bad(emptyLabel, base, "empty label in host name");
        }
        return materialize ? ascii(s, pos) : null;
    }

    private static boolean isHostChar(byte c) {
        return HOST_CHAR[c & 0xff];
    }

    /** Letters, digits, '-', '.' and '_': what a host name or IPv4 address is made of. */
    private static final boolean[] HOST_CHAR = new boolean[256];

    static {
        for (int c = 0; c < 256; c++) {
            HOST_CHAR[c] = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_';
        }
    }

    /** RFC 4291 2.2 text forms; RFC 5118 4.10: exactly one "::" at most, 8 pieces, IPv4 tail. */
    private void checkIpv6(int s, int e) {
        int groups = 0;
        boolean doubleColon = false;
        int i = s;
        if (e - s >= 2 && b[s] == ':' && b[s + 1] == ':') {
            doubleColon = true;
            i = s + 2;
        } else if (s < e && b[s] == ':') {
            throw bad(s, base, "bad IPv6 reference");
        }
        while (i < e) {
            int gs = i;
            while (i < e && isHex(b[i])) {
                i++;
            }
            if (i < e && b[i] == '.') {
                // IPv4 tail: counts as two groups
                checkIpv4(gs, e);
                groups += 2;
                i = e;
                break;
            }
            int len = i - gs;
            if (len == 0 || len > 4) {
                throw bad(gs, base, "bad IPv6 reference");
            }
            groups++;
            if (i == e) {
                break;
            }
            if (b[i] != ':') {
                throw bad(i, base, "bad IPv6 reference");
            }
            i++;
            if (i < e && b[i] == ':') {
                if (doubleColon) {
                    throw bad(i, base, "IPv6 reference with two '::'");
                }
                doubleColon = true;
                i++;
                if (i < e && b[i] == ':') {
                    throw bad(i, base, "IPv6 reference with ':::'");
                }
            } else if (i == e) {
                throw bad(i, base, "IPv6 reference ends with ':'");
            }
        }
        if (groups > 8 || (!doubleColon && groups != 8) || (doubleColon && groups > 7)) {
            throw bad(s, base, "IPv6 reference has the wrong number of groups");
        }
    }

    private void checkIpv4(int s, int e) {
        int parts = 0;
        int i = s;
        while (i <= e) {
            int ps = i;
            int v = 0;
            while (i < e && isDigit(b[i])) {
                v = v * 10 + (b[i] - '0');
                i++;
                if (i - ps > 3) {
                    break;
                }
            }
            if (i == ps || i - ps > 3 || v > 255) {
                throw bad(ps, base, "bad IPv4 address");
            }
            parts++;
            if (i == e) {
                break;
            }
            if (b[i] != '.') {
                throw bad(i, base, "bad IPv4 address");
            }
            i++;
        }
        if (parts != 4) {
            throw bad(s, base, "bad IPv4 address");
        }
    }
    // ---- URIs ---------------------------------------------------------------------------------

    /**
     * Checks the URI in {@code b[s..e)} against its scheme's grammar and, when materializing, takes it
     * apart into {@link #uriParts}; sets {@link #uriScheme}.
     *
     * @return its kind: {@link #SIP}, {@link #SIPS}, {@link #TEL} or {@link #OTHER}
     */
    final int uri(int s, int e, boolean requestUri) {
        int i = s;
        if (i >= e || !isAlpha(b[i])) {
            throw bad(s, base, "URI must start with a scheme");
        }
        while (i < e && (isAlpha(b[i]) || isDigit(b[i]) || b[i] == '+' || b[i] == '-' || b[i] == '.')) {
            i++;
        }
        if (i >= e || b[i] != ':') {
            throw bad(i, base, "URI needs ':' after the scheme");
        }
        String scheme = Methods.lowerScheme(b, s, i);
        int kind = kindOf(scheme);
        boolean sip = kind == SIP || kind == SIPS;
        if (!sip) {
            checkUriCharacters(i + 1, e);
        }
        String text = materialize ? utf8(s, e) : null;
        Parts u;
        switch (kind) {
            case SIP:
            case SIPS:
                // The sip grammar admits none of the characters checkUriCharacters refuses, so a sip
                // URI that parses has none; when it does not parse, that check runs first, so the
                // error is the one it would have been.
                try {
                    u = sipUri(text, scheme, i + 1, e, requestUri);
                } catch (SipParseException ex) {
                    checkUriCharacters(i + 1, e);
                    throw ex;
                }
                break;
            case TEL:
                u = telUri(text, i + 1, e);
                break;
            default:
                if (i + 1 >= e) {
                    throw bad(i, base, "empty URI");
                }
                u = materialize ? new Parts(scheme, text, null, null, null, -1, Parameters.none(), null) : null;
                break;
        }
        uriScheme = scheme;
        uriParts = u;
        return kind;
    }

    private void checkUriCharacters(int s, int e) {
        for (int k = s; k < e; k++) {
            byte c = b[k];
            if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == 0x7f) {
                throw bad(k, base, "character not allowed in a URI");
            }
        }
    }

    /**
     * The kind of a scheme from {@link Methods#lowerScheme}, computed once per URI: the known schemes
     * are its shared strings, so each equals ends at the identity check.
     */
    private static int kindOf(String scheme) {
        if (scheme.equals("sip")) {
            return SIP;
        }
        if (scheme.equals("sips")) {
            return SIPS;
        }
        return scheme.equals("tel") ? TEL : OTHER;
    }

    private Parts telUri(String text, int s, int e) {
        int i = s;
        while (i < e && b[i] != ';') {
            i++;
        }
        if (i == s) {
            throw bad(s, base, "tel URI without a number");
        }
        String number = materialize ? ascii(s, i) : null;
        // The parameters are walked with this walker over [i, e), then its place is restored.
        int outerPos = pos;
        int outerEnd = end;
        pos = i;
        end = e;
        Parameters p = uriParams();
        if (pos != e) {
            throw bad(pos, base, "bad tel URI parameter");
        }
        pos = outerPos;
        end = outerEnd;
        return materialize ? new Parts("tel", text, number, null, null, -1, p, null) : null;
    }

    private Parts sipUri(String text, String scheme, int s, int e, boolean requestUri) {
        int at = -1;
        for (int k = s; k < e; k++) {
            if (b[k] == '@') {
                at = k;
                break;
            }
        }
        String user = null;
        String password = null;
        int hs = s;
        if (at >= 0) {
            int colon = -1;
            for (int k = s; k < at; k++) {
                byte c = b[k];
                if (c == ':' && colon < 0) {
                    colon = k;
                } else if (c == '%') {
                    checkEscape(k, at);
                } else if ((CLASS[c & 0xff] & (colon < 0 ? UNRESERVED | USER : UNRESERVED | PASSWORD)) == 0) {
                    throw bad(k, base, "character not allowed in the user part");
                }
            }
            int ue = colon < 0 ? at : colon;
            if (ue == s) {
                throw bad(s, base, "empty user part");
            }
            if (materialize) {
                user = utf8(s, ue);
                password = colon < 0 ? null : utf8(colon + 1, at);
            }
            hs = at + 1;
        }
        // The host and what follows are walked with this walker over [hs, e), then its place is
        // restored (an error ends the whole walk, so nothing is restored then).
        int outerPos = pos;
        int outerEnd = end;
        pos = hs;
        end = e;
        String host = host();
        int port = -1;
        if (pos < e && b[pos] == ':') {
            pos++;
            port = port();
        }
        Parameters params = uriParams();
        String headers = null;
        if (pos < e) {
            if (b[pos] != '?') {
                throw bad(pos, base, "unexpected character in the URI");
            }
            if (requestUri) {
                throw bad(pos, base, "a Request-URI must not carry headers");
            }
            for (int k = pos + 1; k < e; k++) {
                byte c = b[k];
                if (c == '%') {
                    checkEscape(k, e);
                } else if (c != '=' && c != '&' && (CLASS[c & 0xff] & (UNRESERVED | HNV)) == 0) {
                    throw bad(k, base, "character not allowed in URI headers");
                }
            }
            headers = materialize ? utf8(pos + 1, e) : null;
        }
        pos = outerPos;
        end = outerEnd;
        return materialize ? new Parts(scheme, text, user, password, host, port, params, headers) : null;
    }

    private Parameters uriParams() {
        String[] pairs = null;
        int n = 0;
        while (pos < end && b[pos] == ';') {
            pos++;
            int s = pos;
            while (pos < end && isParamChar(pos)) {
                pos++;
            }
            if (pos == s) {
                throw bad("empty URI parameter");
            }
            int ne = pos;
            int vs = -1;
            if (pos < end && b[pos] == '=') {
                vs = ++pos;
                while (pos < end && isParamChar(pos)) {
                    pos++;
                }
                if (pos == vs) {
                    throw bad("empty URI parameter value");
                }
            }
            if (!materialize) {
                continue;
            }
            if (pairs == null) {
                pairs = new String[4];
            } else if (2 * n == pairs.length) {
                pairs = java.util.Arrays.copyOf(pairs, 4 * n);
            }
            pairs[2 * n] = utf8(s, ne);
            pairs[2 * n + 1] = vs < 0 ? null : utf8(vs, pos);
            n++;
        }
        return n == 0 ? Parameters.none() : Parameters.adopt(pairs, n);
    }

    private boolean isParamChar(int k) {
        byte c = b[k];
        if (c == '%') {
            checkEscape(k, end);
            return true;
        }
        return (CLASS[c & 0xff] & (UNRESERVED | PARAM)) != 0;
    }

    private void checkEscape(int k, int e) {
        if (k + 2 >= e || !isHex(b[k + 1]) || !isHex(b[k + 2])) {
            throw bad(k, base, "bad %-escape");
        }
    }

    // ---- lexing helpers -----------------------------------------------------------------------

    static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAlpha(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isHex(byte c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    final String ascii(int s, int e) {
        return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
    }

    final String utf8(int s, int e) {
        return new String(b, s, e - s, StandardCharsets.UTF_8);
    }
}
