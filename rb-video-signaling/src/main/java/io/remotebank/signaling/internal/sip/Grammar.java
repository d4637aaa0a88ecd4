package io.remotebank.signaling.internal.sip;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.signaling.SignalingError;
import io.remotebank.signaling.sip.Authentication;
import io.remotebank.signaling.sip.CSeq;
import io.remotebank.signaling.sip.ContentType;
import io.remotebank.signaling.sip.NameAddress;
import io.remotebank.signaling.sip.Parameters;
import io.remotebank.signaling.sip.SipParseException;
import io.remotebank.signaling.sip.SipUri;
import io.remotebank.signaling.sip.Via;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The RFC 3261 section 25 grammar over bytes: one instance walks one header field value (or a URI)
 * from {@code pos} to {@code end}. Errors carry the offset from the start of the message ({@code
 * base}). Whitespace means LWS: SP, HTAB and the CRLF of a folded line.
 */
@API(status = INTERNAL, since = "0.1")
public final class Grammar {

    // Character classes, one bit each.
    private static final int TOKEN = 1; // RFC 3261 token
    private static final int WORD = 2; // Call-ID word
    private static final int UNRESERVED = 4; // alphanum / mark
    private static final int USER = 8; // user-unreserved
    private static final int PARAM = 16; // param-unreserved
    private static final int HNV = 32; // hnv-unreserved
    private static final int PASSWORD = 64; // password extra
    private static final int PARAM_VALUE = 128; // besides token characters in a gen-value: ':' '[' ']'
    private static final byte[] CLASS = new byte[256];

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

    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                    + " \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");

    private static void add(int c, int bits) {
        CLASS[c] |= (byte) bits;
    }

    /** Whether {@code c} is an RFC 3261 token character. */
    public static boolean isToken(byte c) {
        return (CLASS[c & 0xff] & TOKEN) != 0;
    }

    private final byte[] b;
    private final int base;
    /** False: values are only checked (URIs parsed when first asked for); only a tag is kept. */
    private boolean materialize = true;
    /** The tag parameter seen by {@link #nameAddressTag()}. */
    private String tag;
    /** While {@link #checkedNameAddress} builds: the tag found when framed, to share its string. */
    private String reuse;

    // Where the parts of the name-addr checked by nameAddressTag() are, so that the value can be
    // built later without checking it again: the display name (start -1 when there is none), the
    // URI (lazy), whether it was in <>, and where the parameters start.
    int addrDisplayStart = -1;
    int addrDisplayEnd;
    SipUri addrUri;
    boolean addrAngle;
    int addrParams;
    /** Whether those parameters are exactly one, {@code tag} spelled so, with a value. */
    boolean addrOnlyTag;

    private int pos;
    private int end;

    /**
     * A walker over {@code b[from..to)}.
     *
     * @param b the message bytes
     * @param from where the value starts
     * @param to where it ends
     * @param base the offset of {@code b[0]} in the message, for error positions
     */
    public Grammar(byte[] b, int from, int to, int base) {
        this.b = b;
        this.pos = from;
        this.end = to;
        this.base = base;
    }

    /**
     * Points this walker at another value of the same message, so that one walker serves every field
     * a scan parses at once.
     *
     * @param from where the value starts
     * @param to where it ends
     * @return this walker
     */
    public Grammar reset(int from, int to) {
        pos = from;
        end = to;
        materialize = true;
        tag = null;
        reuse = null;
        addrDisplayStart = -1;
        addrUri = null;
        return this;
    }

    /**
     * Checks a URI in place (as {@link #uri(byte[], int, int, boolean)} does) with this walker.
     *
     * @param from start
     * @param to end
     * @param requestUri whether it is a Request-URI
     * @return the URI, parsed into its parts on first use
     */
    public SipUri checkedUri(int from, int to, boolean requestUri) {
        materialize = false;
        pos = from;
        end = to;
        SipUri u = uri(from, to, requestUri);
        materialize = true;
        return u;
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

    private SipParseException bad(String what) {
        return bad(pos, base, what);
    }

    // ---- whole values -------------------------------------------------------------------------

    /**
     * Parses a URI.
     *
     * @param b the bytes
     * @param from start
     * @param to end
     * @param requestUri whether it is a Request-URI (headers are then refused, RFC 3261 19.1.5)
     * @return the URI
     */
    public static SipUri uri(byte[] b, int from, int to, boolean requestUri) {
        Grammar g = new Grammar(b, from, to, 0);
        g.materialize = false;
        return g.uri(from, to, requestUri);
    }

    /**
     * Parses a URI into all its parts (what a lazily parsed {@link SipUri} does on first use).
     *
     * @param b the bytes
     * @param from start
     * @param to end
     * @return the URI with every part
     */
    public static SipUri uriParts(byte[] b, int from, int to) {
        return new Grammar(b, from, to, 0).uri(from, to, false);
    }

    /**
     * Parses a whole header field value that is one name-addr or addr-spec with parameters.
     *
     * @return the value
     */
    public NameAddress nameAddressValue() {
        skipLws();
        NameAddress na = nameAddress();
        skipLws();
        if (pos < end) {
            throw bad("unexpected character after the address");
        }
        return na;
    }

    /**
     * Checks a whole From or To value against the grammar without building it, and returns its tag.
     *
     * @return the tag parameter, or null when there is none
     */
    public String nameAddressTag() {
        materialize = false;
        skipLws();
        nameAddress();
        skipLws();
        if (pos < end) {
            throw bad("unexpected character after the address");
        }
        return tag;
    }

    /**
     * Builds a From or To value that {@link #nameAddressTag()} checked when the message was framed,
     * from the positions it recorded: only the parameters are walked again.
     *
     * @param displayStart where the display name starts, or -1
     * @param displayEnd where it ends
     * @param uri the URI
     * @param angle whether the URI was in {@code <>}
     * @param paramsStart where the parameters start ({@code end} when there are none)
     * @param tag the tag found when it was checked, or null: a parameter value spelled the same
     *     shares that string
     * @param onlyTag whether the check found exactly one parameter, {@code tag=} with that value:
     *     then the parameters are not walked again
     * @return the value
     */
    public NameAddress checkedNameAddress(
            int displayStart, int displayEnd, SipUri uri, boolean angle, int paramsStart, String tag, boolean onlyTag) {
        Parameters p;
        if (onlyTag) {
            p = Parameters.adopt(new String[] {"tag", tag}, 1);
        } else {
            pos = paramsStart;
            reuse = tag;
            try {
                p = params(false);
            } finally {
                reuse = null;
            }
        }
        Optional<String> display = displayStart < 0 ? Optional.empty() : Optional.of(utf8(displayStart, displayEnd));
        return new NameAddress(display, uri, angle, p);
    }

    /**
     * Parses a comma-separated list of name-addr values (Contact, Route, Record-Route).
     *
     * @param into where to add them
     */
    public void nameAddressList(List<NameAddress> into) {
        if (listStart()) {
            do {
                into.add(nameAddress());
            } while (listNext());
        }
    }

    /**
     * Parses a comma-separated list of Via values.
     *
     * @param into where to add them
     */
    public void viaList(List<Via> into) {
        if (listStart()) {
            do {
                into.add(via());
            } while (listNext());
        }
    }

    /**
     * Parses the first Via value of a field and ignores the rest of the field's bytes apart from
     * checking that a comma follows.
     *
     * @return the first value
     */
    public Via firstVia() {
        skipLws();
        if (pos >= end) {
            throw bad("empty Via");
        }
        Via v = via();
        skipLws();
        if (pos < end && b[pos] != ',') {
            throw bad("unexpected character in Via");
        }
        return v;
    }

    /**
     * Parses the Via values after the first one, from the position {@link #firstVia()} ended at.
     *
     * @param into where to add them
     */
    public void viasAfterFirst(List<Via> into) {
        // The first value was an element of this list: what follows it is what follows any element.
        if (listNext()) {
            viaList(into);
        }
    }

    /** Where the walk is now. */
    public int position() {
        return pos;
    }

    /**
     * Parses a comma-separated list of tokens (Require, Supported, Allow...).
     *
     * @param into where to add them
     */
    public void tokenList(List<String> into) {
        if (listStart()) {
            do {
                into.add(token("token"));
            } while (listNext());
        }
    }

    /**
     * Parses a comma-separated list of media types (Accept) or one (Content-Type).
     *
     * @param into where to add them
     */
    public void contentTypeList(List<ContentType> into) {
        if (listStart()) {
            do {
                into.add(contentType());
            } while (listNext());
        }
    }

    /**
     * Parses a Content-Type value when it is exactly one media type; null when it is empty or more
     * follows (the caller then learns what is wrong from {@link #contentTypeList}).
     *
     * @return the media type, or null
     */
    public ContentType singleContentType() {
        skipLws();
        if (pos >= end) {
            return null;
        }
        ContentType c = contentType();
        skipLws();
        return pos < end ? null : c;
    }

    // A comma-separated list is walked as: if (listStart()) do { element } while (listNext()).

    /** Skips whitespace; false when the list is empty (allowed where the grammar has *( ... )). */
    private boolean listStart() {
        skipLws();
        return pos < end;
    }

    /** After an element: true when a comma and another element follow, false at the end. */
    private boolean listNext() {
        skipLws();
        if (pos >= end) {
            return false;
        }
        if (b[pos] != ',') {
            throw bad("expected a comma between values");
        }
        pos++;
        skipLws();
        if (pos >= end) {
            throw bad("empty value after a comma");
        }
        return true;
    }

    /**
     * Parses a CSeq value.
     *
     * @return the value
     */
    public CSeq cseq() {
        skipLws();
        long n = digits("CSeq number", 10);
        if (n > Integer.MAX_VALUE) {
            throw bad("CSeq number must be below 2^31");
        }
        int ws = pos;
        skipLws();
        if (pos == ws) {
            throw bad("CSeq needs whitespace before the method");
        }
        String method = method();
        skipLws();
        if (pos < end) {
            throw bad("unexpected character after the CSeq method");
        }
        return new CSeq(n, method);
    }

    /**
     * Checks a Call-ID ({@code word ["@" word]}) and returns it.
     *
     * @return the Call-ID
     */
    public String callId() {
        skipLws();
        int s = pos;
        int at = -1;
        while (pos < end) {
            byte c = b[pos];
            if ((CLASS[c & 0xff] & WORD) == 0) {
                // '@' is no word character; whitespace ends the value
                if (isLws(c)) {
                    break;
                }
                if (c != '@' || at >= 0 || pos == s) {
                    throw bad("character not allowed in Call-ID");
                }
                at = pos;
            }
            pos++;
        }
        if (pos == s || at == pos - 1) {
            throw bad("empty Call-ID word");
        }
        int e = pos;
        skipLws();
        if (pos < end) {
            throw bad("whitespace inside Call-ID");
        }
        return ascii(s, e);
    }

    /**
     * An unsigned decimal value (Content-Length, Max-Forwards, Expires).
     *
     * @param what the field, for the error
     * @param maxDigits the most significant digits accepted
     * @return the value
     */
    public long unsigned(String what, int maxDigits) {
        skipLws();
        if (pos < end && b[pos] == '-') {
            throw bad(what + " must not be negative");
        }
        long v = digits(what, maxDigits);
        skipLws();
        if (pos < end) {
            throw bad(what + " must be a number");
        }
        return v;
    }

    /**
     * Parses a challenge or credentials value.
     *
     * @return the value
     */
    public Authentication authentication() {
        skipLws();
        String scheme = token("auth scheme");
        int ws = pos;
        skipLws();
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        if (pos < end) {
            if (pos == ws) {
                throw bad("whitespace needed after the auth scheme");
            }
            while (true) {
                names.add(token("auth-param name"));
                skipLws();
                expect('=', "auth-param needs '='");
                skipLws();
                values.add(pos < end && b[pos] == '"' ? quoted() : token("auth-param value"));
                skipLws();
                if (pos >= end) {
                    break;
                }
                expect(',', "auth-params are separated by commas");
                skipLws();
            }
        }
        return new Authentication(
                scheme, Parameters.of(names.toArray(new String[0]), values.toArray(new String[0]), names.size()));
    }

    /**
     * Checks an RFC 1123 date in GMT (RFC 3261 20.17): {@code Sat, 13 Nov 2010 23:29:00 GMT}.
     *
     * @return the date as written
     */
    public String date() {
        skipLws();
        int s = pos;
        String text = ascii(pos, end).trim();
        if (!DATE.matcher(text).matches()) {
            throw bad(s, base, "Date must be an RFC 1123 date in GMT");
        }
        pos = end;
        return text;
    }

    // ---- pieces -------------------------------------------------------------------------------

    private Via via() {
        String protocol;
        String version;
        if (end - pos >= Long.BYTES && (long) MessageScanner.LONGS.get(b, pos) == SIP_2_0_SLASH) {
            // the spelling nearly every Via has: one 8-byte compare instead of two tokens and two slashes
            protocol = "SIP";
            version = "2.0";
            pos += Long.BYTES;
            skipLws();
        } else {
            protocol = token("Via protocol");
            slash();
            version = token("Via version");
            slash();
        }
        String transport = token("Via transport");
        int ws = pos;
        skipLws();
        if (pos == ws) {
            throw bad("Via needs whitespace before sent-by");
        }
        String host = host();
        int port = -1;
        skipLws();
        if (pos < end && b[pos] == ':') {
            pos++;
            skipLws();
            port = port();
        }
        return new Via(protocol, version, transport, host, port, params(true));
    }

    /** {@code SIP/2.0/} as a little-endian word. */
    private static final long SIP_2_0_SLASH =
            (long) MessageScanner.LONGS.get("SIP/2.0/".getBytes(StandardCharsets.US_ASCII), 0);

    private void slash() {
        skipLws();
        expect('/', "Via sent-protocol needs '/'");
        skipLws();
    }

    private NameAddress nameAddress() {
        Optional<String> display = Optional.empty();
        int s = pos;
        if (pos < end && b[pos] == '"') {
            String q = quoted();
            display = materialize ? Optional.of(q) : display;
            addrDisplayStart = s;
            addrDisplayEnd = pos;
            skipLws();
            if (pos >= end || b[pos] != '<') {
                throw bad("a quoted display name must be followed by <URI>");
            }
        } else if (pos < end && b[pos] != '<') {
            // A run of tokens: either a display name (before '<') or the scheme of an addr-spec.
            while (pos < end && isToken(b[pos])) {
                pos++;
            }
            if (pos < end && b[pos] == ':') {
                pos = s;
                return addrSpec();
            }
            int lastTokenEnd = pos;
            while (true) {
                skipLws();
                if (pos < end && b[pos] == '<') {
                    break;
                }
                if (pos >= end || !isToken(b[pos])) {
                    throw bad("display name must be tokens or a quoted string");
                }
                while (pos < end && isToken(b[pos])) {
                    pos++;
                }
                lastTokenEnd = pos;
            }
            display = materialize ? Optional.of(utf8(s, lastTokenEnd)) : display;
            addrDisplayStart = s;
            addrDisplayEnd = lastTokenEnd;
        }
        if (pos >= end || b[pos] != '<') {
            throw bad("expected '<'");
        }
        int us = ++pos;
        while (pos < end && b[pos] != '>') {
            pos++;
        }
        if (pos >= end) {
            throw bad(us - 1, base, "'<' without '>'");
        }
        if (us == pos || isLws(b[us]) || isLws(b[pos - 1])) {
            throw bad(us, base, "no whitespace allowed inside <>");
        }
        SipUri uri = lazyUri(us, pos);
        pos++;
        addrUri = uri;
        addrAngle = true;
        addrParams = pos;
        Parameters p = params(false);
        return materialize ? new NameAddress(display, uri, true, p) : null;
    }

    private NameAddress addrSpec() {
        int s = pos;
        while (pos < end && b[pos] != ';' && b[pos] != ',' && !isLws(b[pos])) {
            if (b[pos] == '?' || b[pos] == '<' || b[pos] == '>' || b[pos] == '"') {
                // RFC 3261 20.10: a URI with ',', '?' or ';' must be enclosed in <>.
                throw bad("a URI with headers must be enclosed in <>");
            }
            pos++;
        }
        SipUri uri = lazyUri(s, pos);
        addrUri = uri;
        addrAngle = false;
        addrParams = pos;
        Parameters p = params(false);
        return materialize ? new NameAddress(Optional.empty(), uri, false, p) : null;
    }

    private Parameters params(boolean via) {
        String[] pairs = null;
        int n = 0;
        int seen = 0;
        boolean tagSpelled = false;
        while (true) {
            int save = pos;
            skipLws();
            if (pos >= end || b[pos] != ';') {
                pos = save;
                skipLws();
                break;
            }
            pos++;
            skipLws();
            int ns = pos;
            String name = materialize ? token("parameter name") : null;
            if (!materialize) {
                skipToken("parameter name");
            }
            boolean isTag = !materialize
                    && pos - ns == 3
                    && (b[ns] | 0x20) == 't'
                    && (b[ns + 1] | 0x20) == 'a'
                    && (b[ns + 2] | 0x20) == 'g';
            String value = null;
            int save2 = pos;
            skipLws();
            if (pos < end && b[pos] == '=') {
                pos++;
                skipLws();
                if (materialize && reuse != null) {
                    // Building From or To: the tag string made when it was framed serves again.
                    int vs = pos;
                    materialize = false;
                    paramValue();
                    materialize = true;
                    if (sameText(vs, pos, reuse)) {
                        value = reuse;
                    } else {
                        pos = vs;
                        value = paramValue();
                    }
                } else if (materialize || isTag) {
                    boolean m = materialize;
                    materialize = true;
                    value = paramValue();
                    materialize = m;
                } else {
                    paramValue(); // checked only: no string is made
                }
            } else {
                pos = save2;
            }
            seen++;
            if (isTag) {
                tag = value == null ? "" : value;
                tagSpelled = value != null && b[ns] == 't' && b[ns + 1] == 'a' && b[ns + 2] == 'g';
            }
            if (!materialize) {
                continue;
            }
            if (pairs == null) {
                pairs = new String[via ? 8 : 2];
            } else if (2 * n == pairs.length) {
                pairs = java.util.Arrays.copyOf(pairs, 4 * n);
            }
            pairs[2 * n] = name;
            pairs[2 * n + 1] = value;
            n++;
        }
        addrOnlyTag = seen == 1 && tagSpelled;
        return n == 0 ? Parameters.none() : Parameters.adopt(pairs, n);
    }

    /** Whether {@code b[s..e)} decodes (one char a byte) to exactly {@code text}. */
    private boolean sameText(int s, int e, String text) {
        if (e - s != text.length()) {
            return false;
        }
        for (int i = s; i < e; i++) {
            if ((b[i] & 0xff) != text.charAt(i - s)) {
                return false;
            }
        }
        return true;
    }

    private String paramValue() {
        if (pos < end && b[pos] == '"') {
            return quoted();
        }
        int s = pos;
        int p = s;
        while (p < end && (CLASS[b[p] & 0xff] & (TOKEN | PARAM_VALUE)) != 0) {
            p++;
        }
        if (p == s) {
            throw bad("empty parameter value");
        }
        pos = p;
        return materialize ? ascii(s, p) : null;
    }

    private ContentType contentType() {
        String type = token("media type");
        skipLws();
        expect('/', "media type needs '/'");
        skipLws();
        String subtype = token("media subtype");
        return new ContentType(
                type.toLowerCase(java.util.Locale.ROOT), subtype.toLowerCase(java.util.Locale.ROOT), params(false));
    }

    private String quoted() {
        int s = pos;
        int p = s + 1;
        int e = end;
        while (p < e) {
            byte c = b[p];
            if (c == '"') {
                pos = ++p;
                return materialize ? utf8(s, p) : null;
            }
            if (c == '\\') {
                // quoted-pair: any octet but CR and LF (RFC 3261 25.1)
                if (p + 1 >= e || b[p + 1] == '\r' || b[p + 1] == '\n') {
                    pos = p;
                    throw bad("bad quoted-pair");
                }
                p += 2;
                continue;
            }
            if ((c >= 0 && c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f) {
                pos = p;
                throw bad("control character in quoted string");
            }
            p++;
        }
        pos = p;
        throw bad(s, base, "unterminated quoted string");
    }

    private void skipToken(String what) {
        int s = pos;
        int p = s;
        while (p < end && isToken(b[p])) {
            p++;
        }
        if (p == s) {
            throw bad("expected a " + what);
        }
        pos = p;
    }

    private String token(String what) {
        int s = pos;
        int p = s;
        while (p < end && (CLASS[b[p] & 0xff] & TOKEN) != 0) {
            p++;
        }
        if (p == s) {
            throw bad("expected a " + what);
        }
        pos = p;
        return Methods.token(b, s, p);
    }

    private String method() {
        return token("method");
    }

    private long digits(String what, int maxDigits) {
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

    private int port() {
        long p = digits("port", 5);
        if (p > 65535) {
            throw bad("port above 65535");
        }
        return (int) p;
    }

    private String host() {
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

    private SipUri uri(int s, int e, boolean requestUri) {
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
        SipUri.Kind kind = kindOf(scheme);
        boolean sip = kind == SipUri.Kind.SIP || kind == SipUri.Kind.SIPS;
        if (!sip) {
            checkUriCharacters(i + 1, e);
        }
        String text = materialize ? utf8(s, e) : null;
        SipUri u;
        switch (kind) {
            case SIP:
            case SIPS:
                // The sip grammar admits none of the characters checkUriCharacters refuses, so a sip
                // URI that parses has none; when it does not parse, that check runs first, so the
                // error is the one it would have been.
                try {
                    u = sipUri(text, kind, scheme, i + 1, e, requestUri);
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
                u = materialize
                        ? new SipUri(text, SipUri.Kind.OTHER, scheme, null, null, null, -1, Parameters.none(), null)
                        : null;
                break;
        }
        return materialize ? u : SipUri.lazy(b, s, e, kind, scheme);
    }

    private void checkUriCharacters(int s, int e) {
        for (int k = s; k < e; k++) {
            byte c = b[k];
            if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == 0x7f) {
                throw bad(k, base, "character not allowed in a URI");
            }
        }
    }

    private SipUri lazyUri(int s, int e) {
        boolean m = materialize;
        materialize = false;
        try {
            return uri(s, e, false);
        } finally {
            materialize = m;
        }
    }

    /**
     * The kind of a scheme from {@link Methods#lowerScheme}, computed once per URI: the known schemes
     * are its shared strings, so each equals ends at the identity check.
     */
    private static SipUri.Kind kindOf(String scheme) {
        if (scheme.equals("sip")) {
            return SipUri.Kind.SIP;
        }
        if (scheme.equals("sips")) {
            return SipUri.Kind.SIPS;
        }
        return scheme.equals("tel") ? SipUri.Kind.TEL : SipUri.Kind.OTHER;
    }

    private SipUri telUri(String text, int s, int e) {
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
        return materialize ? new SipUri(text, SipUri.Kind.TEL, "tel", number, null, null, -1, p, null) : null;
    }

    private SipUri sipUri(String text, SipUri.Kind kind, String scheme, int s, int e, boolean requestUri) {
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
        return materialize ? new SipUri(text, kind, scheme, user, password, host, port, params, headers) : null;
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

    private void skipLws() {
        // The walks below keep the position in a local while they loop and store it once.
        int p = pos;
        while (p < end && isLws(b[p])) {
            p++;
        }
        pos = p;
    }

    private void expect(char c, String what) {
        if (pos >= end || b[pos] != c) {
            throw bad(what);
        }
        pos++;
    }

    /** Whether {@code c} is whitespace inside a header value (folding included). */
    public static boolean isLws(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlpha(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isHex(byte c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private String ascii(int s, int e) {
        return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
    }

    private String utf8(int s, int e) {
        return new String(b, s, e - s, StandardCharsets.UTF_8);
    }
}
