package io.remotebank.signaling.sip;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.netty.buffer.ByteBuf;
import io.remotebank.signaling.SignalingError;
import io.remotebank.signaling.internal.sip.FrozenList;
import io.remotebank.signaling.internal.sip.Grammar;
import io.remotebank.signaling.internal.sip.HeaderNames;
import io.remotebank.signaling.internal.sip.MessageScanner.Frame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * An immutable SIP message (RFC 3261 7): a {@link SipRequest} or a {@link SipResponse}.
 *
 * <p>Parsing frames the message at once and parses what every element needs (the start line, the
 * top Via, Call-ID, CSeq, From, To and Content-Length); every other header field is parsed when it
 * is asked for, so a proxy pays only for what it reads. {@link #headers()}, {@link #from()}, {@link
 * #to()}, {@link #vias()}, {@link #contacts()}, {@link #routes()}, {@link #recordRoutes()} and
 * {@link #contentType()} keep what they built, so a second call (or one after {@link #validate()})
 * parses nothing; the other typed getters parse their (short) fields on each call. A syntax error
 * in a field parsed later surfaces as {@link SipParseException} from its accessor; {@link
 * #validate()} parses everything at once, as a UAS does before it answers. Every list returned is
 * unmodifiable.
 *
 * <p>Unknown header fields are kept exactly as they came; {@link #toBytes()} returns the message as
 * received (extra bytes after Content-Length in a datagram excluded), so serialization round-trips.
 * Changes go through {@link #toBuilder()}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract sealed class SipMessage permits SipRequest, SipResponse {

    final Frame frame;
    private List<Header> headers;
    private NameAddress from;
    private NameAddress to;
    private List<Via> vias;
    private List<NameAddress> contacts;
    private List<NameAddress> routes;
    private List<NameAddress> recordRoutes;
    private Optional<ContentType> contentType;

    SipMessage(Frame frame) {
        this.frame = frame;
    }

    // ---- framed at once -----------------------------------------------------------------------

    /** The top (first) Via value. */
    public Optional<Via> topVia() {
        return Optional.ofNullable(frame.topVia);
    }

    /** The Call-ID. */
    public Optional<String> callId() {
        return Optional.ofNullable(frame.callId);
    }

    /** The CSeq. */
    public Optional<CSeq> cseq() {
        return Optional.ofNullable(frame.cseq);
    }

    /** The From value (checked when framed, built on first use). */
    public Optional<NameAddress> from() {
        return Optional.ofNullable(from(null));
    }

    private NameAddress from(Grammar walker) {
        if (frame.fromIndex < 0) {
            return null;
        }
        NameAddress f = from;
        if (f == null) {
            f = checkedAddress(walker, frame.fromIndex, 0);
            from = f;
        }
        return f;
    }

    /** The To value (checked when framed, built on first use). */
    public Optional<NameAddress> to() {
        return Optional.ofNullable(to(null));
    }

    private NameAddress to(Grammar walker) {
        if (frame.toIndex < 0) {
            return null;
        }
        NameAddress t = to;
        if (t == null) {
            t = checkedAddress(walker, frame.toIndex, 1);
            to = t;
        }
        return t;
    }

    private NameAddress checkedAddress(Grammar walker, int i, int which) {
        return which == 0
                ? walk(walker, i)
                        .checkedNameAddress(
                                frame.fromDisplayStart,
                                frame.fromDisplayEnd,
                                frame.fromUri,
                                frame.fromAngle,
                                frame.fromParams,
                                frame.fromTag,
                                frame.fromOnlyTag)
                : walk(walker, i)
                        .checkedNameAddress(
                                frame.toDisplayStart,
                                frame.toDisplayEnd,
                                frame.toUri,
                                frame.toAngle,
                                frame.toParams,
                                frame.toTag,
                                frame.toOnlyTag);
    }

    /** The From tag. */
    public Optional<String> fromTag() {
        return Optional.ofNullable(frame.fromTag);
    }

    /** The To tag (absent on an out-of-dialog request). */
    public Optional<String> toTag() {
        return Optional.ofNullable(frame.toTag);
    }

    /** The Content-Length field's value when present. */
    public OptionalLong contentLength() {
        return frame.contentLength < 0 ? OptionalLong.empty() : OptionalLong.of(frame.contentLength);
    }

    // ---- raw header fields --------------------------------------------------------------------

    /**
     * Every header field in order, names and values as written (a name written in its canonical
     * spelling, or a compact form, is a shared constant string).
     */
    public List<Header> headers() {
        List<Header> h = headers;
        if (h == null) {
            Header[] a = new Header[frame.headerCount];
            for (int i = 0; i < a.length; i++) {
                String value = sharedValue(i);
                if (value == null) {
                    value = text(frame.valueStart(i), frame.valueEnd(i));
                }
                a[i] = new Header(
                        HeaderNames.name(frame.bytes, frame.nameStart(i), frame.nameEnd(i), frame.kinds[i]), value);
            }
            h = FrozenList.adopt(a, a.length);
            headers = h;
        }
        return h;
    }

    /**
     * The whole value of field i when a string equal to it exists already, else null: the Call-ID
     * checked when framed, and a Content-Length of 0 (that of every message without a body).
     */
    private String sharedValue(int i) {
        int k = frame.kind(i);
        if (k == HeaderNames.CALL_ID) {
            return frame.callId;
        }
        if (k == HeaderNames.CONTENT_LENGTH
                && frame.valueEnd(i) - frame.valueStart(i) == 1
                && frame.bytes[frame.valueStart(i)] == '0') {
            return "0";
        }
        return null;
    }

    /**
     * The values of every field with this name, in order; full and compact forms of a known name
     * match each other, and names compare case-insensitively.
     *
     * @param name the field name
     * @return the values as written
     */
    public List<String> headerValues(String name) {
        int kind = HeaderNames.kind(name);
        List<String> out = new ArrayList<>(2);
        for (int i = 0; i < frame.headerCount; i++) {
            if (matches(i, kind, name)) {
                out.add(text(frame.valueStart(i), frame.valueEnd(i)));
            }
        }
        return FrozenList.freeze(out);
    }

    /**
     * The value of the first field with this name.
     *
     * @param name the field name
     * @return the value as written
     */
    public Optional<String> header(String name) {
        int kind = HeaderNames.kind(name);
        for (int i = 0; i < frame.headerCount; i++) {
            if (matches(i, kind, name)) {
                return Optional.of(text(frame.valueStart(i), frame.valueEnd(i)));
            }
        }
        return Optional.empty();
    }

    private boolean matches(int i, int kind, String name) {
        if (kind != HeaderNames.OTHER) {
            return frame.kind(i) == kind;
        }
        int len = frame.nameEnd(i) - frame.nameStart(i);
        if (len != name.length()) {
            return false;
        }
        for (int j = 0; j < len; j++) {
            char a = (char) (frame.bytes[frame.nameStart(i) + j] & 0xff);
            if (Character.toLowerCase(a) != Character.toLowerCase(name.charAt(j))) {
                return false;
            }
        }
        return true;
    }

    // ---- parsed on first use ------------------------------------------------------------------

    /** Every Via value, top first, across all Via fields. */
    public List<Via> vias() {
        return vias(null);
    }

    private List<Via> vias(Grammar walker) {
        List<Via> v = vias;
        if (v == null) {
            if (frame.topVia == null) {
                v = List.of();
            } else if (onlyTopVia()) {
                v = List.of(frame.topVia);
            } else {
                Grammar g = walker;
                List<Via> out = new ArrayList<>(2);
                for (int i = frame.topViaIndex; i < frame.headerCount; i++) {
                    if (i == frame.topViaIndex) {
                        // The top value was parsed when framed: parse only what follows it.
                        out.add(frame.topVia);
                        if (frame.topViaEnd < frame.valueEnd(i)) {
                            g = walk(g, frame.topViaEnd, frame.valueEnd(i));
                            g.viasAfterFirst(out);
                        }
                    } else if (frame.kind(i) == HeaderNames.VIA) {
                        g = walk(g, i);
                        g.viaList(out);
                    }
                }
                v = FrozenList.freeze(out);
            }
            vias = v;
        }
        return v;
    }

    /** Whether the top Via value is the only one: alone in its field, and no Via field follows. */
    private boolean onlyTopVia() {
        int i = frame.topViaIndex;
        if (frame.topViaEnd < frame.valueEnd(i)) {
            return false;
        }
        for (int j = i + 1; j < frame.headerCount; j++) {
            if (frame.kind(j) == HeaderNames.VIA) {
                return false;
            }
        }
        return true;
    }

    /** The Contact values; empty for none and for the wildcard {@code *} (see {@link #isWildcardContact}). */
    public List<NameAddress> contacts() {
        return contacts(null);
    }

    private List<NameAddress> contacts(Grammar walker) {
        List<NameAddress> c = contacts;
        if (c == null) {
            c = nameAddresses(walker, HeaderNames.CONTACT, true);
            contacts = c;
        }
        return c;
    }

    /** Whether the message carries {@code Contact: *} (RFC 3261 10.2.2, REGISTER only). */
    public boolean isWildcardContact() {
        return header("Contact").map(v -> v.equals("*")).orElse(false);
    }

    /** The Route values in order. */
    public List<NameAddress> routes() {
        return routes(null);
    }

    private List<NameAddress> routes(Grammar walker) {
        List<NameAddress> r = routes;
        if (r == null) {
            r = nameAddresses(walker, HeaderNames.ROUTE, false);
            routes = r;
        }
        return r;
    }

    /** The Record-Route values in order. */
    public List<NameAddress> recordRoutes() {
        return recordRoutes(null);
    }

    private List<NameAddress> recordRoutes(Grammar walker) {
        List<NameAddress> r = recordRoutes;
        if (r == null) {
            r = nameAddresses(walker, HeaderNames.RECORD_ROUTE, false);
            recordRoutes = r;
        }
        return r;
    }

    private List<NameAddress> nameAddresses(Grammar walker, int kind, boolean wildcard) {
        if (!has(kind)) {
            return List.of();
        }
        Grammar g = walker;
        List<NameAddress> out = new ArrayList<>(2);
        for (int i = 0; i < frame.headerCount; i++) {
            if (frame.kind(i) == kind) {
                if (wildcard
                        && frame.valueEnd(i) - frame.valueStart(i) == 1
                        && frame.bytes[frame.valueStart(i)] == '*') {
                    continue;
                }
                g = walk(g, i);
                g.nameAddressList(out);
            }
        }
        return FrozenList.freeze(out);
    }

    /** The Content-Type. */
    public Optional<ContentType> contentType() {
        return contentType(null);
    }

    private Optional<ContentType> contentType(Grammar walker) {
        Optional<ContentType> c = contentType;
        if (c == null) {
            c = Optional.empty();
            int i = first(HeaderNames.CONTENT_TYPE);
            if (i >= 0) {
                ContentType one = walk(walker, i).singleContentType();
                if (one == null) {
                    // Not exactly one media type: the list grammar says what is wrong, as it always did.
                    List<ContentType> l = new ArrayList<>(1);
                    walk(walker, i).contentTypeList(l);
                    if (l.size() != 1) {
                        throw Grammar.bad(frame.valueStart(i), 0, "Content-Type takes exactly one media type");
                    }
                    one = l.get(0);
                }
                c = Optional.of(one);
            }
            contentType = c;
        }
        return c;
    }

    /** The media types of the Accept fields. */
    public List<ContentType> accept() {
        return accept(null);
    }

    private List<ContentType> accept(Grammar walker) {
        if (!has(HeaderNames.ACCEPT)) {
            return List.of();
        }
        Grammar g = walker;
        List<ContentType> out = new ArrayList<>(2);
        for (int i = 0; i < frame.headerCount; i++) {
            if (frame.kind(i) == HeaderNames.ACCEPT) {
                g = walk(g, i);
                g.contentTypeList(out);
            }
        }
        return FrozenList.freeze(out);
    }

    /** Max-Forwards (RFC 3261 20.22: 0-255). */
    public OptionalInt maxForwards() {
        return maxForwards(null);
    }

    private OptionalInt maxForwards(Grammar walker) {
        int i = first(HeaderNames.MAX_FORWARDS);
        if (i < 0) {
            return OptionalInt.empty();
        }
        long v = walk(walker, i).unsigned("Max-Forwards", 3);
        if (v > 255) {
            throw Grammar.bad(frame.valueStart(i), 0, "Max-Forwards above 255");
        }
        return OptionalInt.of((int) v);
    }

    /** Expires in seconds (RFC 3261 20.19: up to 2^32-1). */
    public OptionalLong expires() {
        return expires(null);
    }

    private OptionalLong expires(Grammar walker) {
        int i = first(HeaderNames.EXPIRES);
        if (i < 0) {
            return OptionalLong.empty();
        }
        long v = walk(walker, i).unsigned("Expires", 10);
        if (v > 0xFFFF_FFFFL) {
            throw Grammar.bad(frame.valueStart(i), 0, "Expires above 2^32-1");
        }
        return OptionalLong.of(v);
    }

    /** The option tags of Require. */
    public List<String> require() {
        return tokens(null, HeaderNames.REQUIRE);
    }

    /** The option tags of Proxy-Require. */
    public List<String> proxyRequire() {
        return tokens(null, HeaderNames.PROXY_REQUIRE);
    }

    /** The option tags of Supported. */
    public List<String> supported() {
        return tokens(null, HeaderNames.SUPPORTED);
    }

    /** The option tags of Unsupported. */
    public List<String> unsupported() {
        return tokens(null, HeaderNames.UNSUPPORTED);
    }

    /** The methods of Allow. */
    public List<String> allow() {
        return tokens(null, HeaderNames.ALLOW);
    }

    private List<String> tokens(Grammar walker, int kind) {
        if (!has(kind)) {
            return List.of();
        }
        Grammar g = walker;
        List<String> out = new ArrayList<>(8);
        for (int i = 0; i < frame.headerCount; i++) {
            if (frame.kind(i) == kind) {
                g = walk(g, i);
                g.tokenList(out);
            }
        }
        return FrozenList.freeze(out);
    }

    /** The Authorization credentials, one per field. */
    public List<Authentication> authorizations() {
        return auth(null, HeaderNames.AUTHORIZATION);
    }

    /** The Proxy-Authorization credentials, one per field. */
    public List<Authentication> proxyAuthorizations() {
        return auth(null, HeaderNames.PROXY_AUTHORIZATION);
    }

    /** The WWW-Authenticate challenges, one per field. */
    public List<Authentication> wwwAuthenticates() {
        return auth(null, HeaderNames.WWW_AUTHENTICATE);
    }

    /** The Proxy-Authenticate challenges, one per field. */
    public List<Authentication> proxyAuthenticates() {
        return auth(null, HeaderNames.PROXY_AUTHENTICATE);
    }

    private List<Authentication> auth(Grammar walker, int kind) {
        if (!has(kind)) {
            return List.of();
        }
        Grammar g = walker;
        List<Authentication> out = new ArrayList<>(1);
        for (int i = 0; i < frame.headerCount; i++) {
            if (frame.kind(i) == kind) {
                g = walk(g, i);
                out.add(g.authentication());
            }
        }
        return FrozenList.freeze(out);
    }

    /** The Date field as written, checked to be an RFC 1123 date in GMT. */
    public Optional<String> date() {
        return date(null);
    }

    private Optional<String> date(Grammar walker) {
        int i = first(HeaderNames.DATE);
        return i < 0 ? Optional.empty() : Optional.of(walk(walker, i).date());
    }

    // ---- body ---------------------------------------------------------------------------------

    /** The body length in bytes. */
    public int bodyLength() {
        return frame.end - frame.bodyStart;
    }

    /** A copy of the body. */
    public byte[] body() {
        // An empty array cannot be changed, so all empty bodies share one.
        return frame.end == frame.bodyStart ? NO_BODY : Arrays.copyOfRange(frame.bytes, frame.bodyStart, frame.end);
    }

    private static final byte[] NO_BODY = new byte[0];

    /** The body decoded as UTF-8 (SDP and other text bodies). */
    public String bodyText() {
        return new String(frame.bytes, frame.bodyStart, bodyLength(), StandardCharsets.UTF_8);
    }

    // ---- whole message ------------------------------------------------------------------------

    /**
     * Parses every header field the parser knows and checks the fields RFC 3261 8.1.1 requires (To,
     * From, CSeq, Call-ID, Via; Max-Forwards is tolerated missing for RFC 2543 peers), as a UAS does
     * before it answers. Throws the first fault. What the caching getters return is built here and
     * kept (see the class description).
     *
     * @throws SipParseException with the status to answer (400 for syntax and missing fields)
     */
    public void validate() {
        // One walker serves every field parsed here; the getters that cache keep what is built.
        Grammar g = new Grammar(frame.bytes, 0, 0, 0);
        require(to(g), "To");
        require(from(g), "From");
        require(frame.cseq, "CSeq");
        require(frame.callId, "Call-ID");
        require(frame.topVia, "Via");
        vias(g);
        contacts(g);
        routes(g);
        recordRoutes(g);
        contentType(g);
        accept(g);
        maxForwards(g);
        expires(g);
        for (int kind : TOKEN_LISTS) {
            tokens(g, kind);
        }
        for (int kind : AUTH_FIELDS) {
            auth(g, kind);
        }
        date(g);
    }

    // The token-list and auth fields validate() checks, in the order their getters are declared.
    private static final int[] TOKEN_LISTS = {
        HeaderNames.REQUIRE,
        HeaderNames.PROXY_REQUIRE,
        HeaderNames.SUPPORTED,
        HeaderNames.UNSUPPORTED,
        HeaderNames.ALLOW
    };
    private static final int[] AUTH_FIELDS = {
        HeaderNames.AUTHORIZATION,
        HeaderNames.PROXY_AUTHORIZATION,
        HeaderNames.WWW_AUTHENTICATE,
        HeaderNames.PROXY_AUTHENTICATE
    };

    private void require(Object field, String name) {
        if (field == null) {
            throw new SipParseException(
                    SignalingError.SIP_INCOMPLETE, 400, "Bad Request", -1, "missing " + name + " header field");
        }
    }

    /** The message as bytes: exactly what was parsed (or built), start line to end of body. */
    public byte[] toBytes() {
        return Arrays.copyOfRange(frame.bytes, frame.start, frame.end);
    }

    /**
     * Writes the message to a buffer.
     *
     * @param out the buffer
     */
    public void encode(ByteBuf out) {
        out.writeBytes(frame.bytes, frame.start, frame.end - frame.start);
    }

    /** The length of {@link #toBytes()}. */
    public int encodedLength() {
        return frame.end - frame.start;
    }

    /** A builder that starts from this message. */
    public abstract SipMessageBuilder<?, ?> toBuilder();

    /** The start line as written. */
    public String startLine() {
        return text(frame.start, frame.startLineEnd);
    }

    private boolean has(int kind) {
        return (frame.present & (1L << kind)) != 0;
    }

    int first(int kind) {
        if (!has(kind)) {
            return -1;
        }
        for (int i = 0; i < frame.headerCount; i++) {
            if (frame.kind(i) == kind) {
                return i;
            }
        }
        return -1;
    }

    /** A walker over the value of field i: {@code walker} pointed there, or a new one. */
    private Grammar walk(Grammar walker, int i) {
        return walk(walker, frame.valueStart(i), frame.valueEnd(i));
    }

    private Grammar walk(Grammar walker, int from, int to) {
        return walker == null ? new Grammar(frame.bytes, from, to, 0) : walker.reset(from, to);
    }

    /** Text of the start line or header fields: without a UTF-8 check when the scan saw only ASCII. */
    String text(int s, int e) {
        return new String(frame.bytes, s, e - s, frame.ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    <B extends SipMessageBuilder<B, ?>> B fill(B b) {
        for (int i = 0; i < frame.headerCount; i++) {
            b.header(text(frame.nameStart(i), frame.nameEnd(i)), text(frame.valueStart(i), frame.valueEnd(i)));
        }
        return b.body(body());
    }

    /** The start line and the Call-ID, for logs (no personal data: URIs are not shown). */
    @Override
    public String toString() {
        String kind = frame.request ? frame.method : "SIP/2.0 " + frame.status;
        return kind + " [Call-ID " + callId().orElse("-") + ", CSeq "
                + cseq().map(CSeq::toString).orElse("-") + "]";
    }
}
