package io.remotebank.signaling.internal.sip;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.signaling.sip.Authentication;
import io.remotebank.signaling.sip.CSeq;
import io.remotebank.signaling.sip.ContentType;
import io.remotebank.signaling.sip.NameAddress;
import io.remotebank.signaling.sip.Parameters;
import io.remotebank.signaling.sip.SipUri;
import io.remotebank.signaling.sip.Via;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The RFC 3261 section 25 grammar of header field values over bytes: one instance walks one value
 * from {@code pos} to {@code end}; URIs and the shared lexicon are {@link UriGrammar}'s. Errors carry the offset from the start of the message ({@code
 * base}). Whitespace means LWS: SP, HTAB and the CRLF of a folded line.
 */
@API(status = INTERNAL, since = "0.1")
public final class Grammar extends UriGrammar {

    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                    + " \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
    /** The kinds of {@link UriGrammar#uri}, by its codes. */
    private static final SipUri.Kind[] KINDS = {SipUri.Kind.SIP, SipUri.Kind.SIPS, SipUri.Kind.TEL, SipUri.Kind.OTHER};

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

    /**
     * A walker over {@code b[from..to)}.
     *
     * @param b the message bytes
     * @param from where the value starts
     * @param to where it ends
     * @param base the offset of {@code b[0]} in the message, for error positions
     */
    public Grammar(byte[] b, int from, int to, int base) {
        super(b, from, to, base);
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
     * Checks a URI in place with this walker; its parts are taken apart when first asked for.
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
        int kind = uri(from, to, requestUri);
        materialize = true;
        return SipUri.lazy(b, from, to, KINDS[kind], uriScheme);
    }

    // ---- whole values -------------------------------------------------------------------------

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
    // ---- URIs ---------------------------------------------------------------------------------

    private SipUri lazyUri(int s, int e) {
        boolean m = materialize;
        materialize = false;
        try {
            int kind = uri(s, e, false);
            return SipUri.lazy(b, s, e, KINDS[kind], uriScheme);
        } finally {
            materialize = m;
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
}
