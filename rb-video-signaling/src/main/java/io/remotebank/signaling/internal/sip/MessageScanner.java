package io.remotebank.signaling.internal.sip;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.signaling.SignalingError;
import io.remotebank.signaling.sip.CSeq;
import io.remotebank.signaling.sip.SipLimits;
import io.remotebank.signaling.sip.SipParseException;
import io.remotebank.signaling.sip.SipUri;
import io.remotebank.signaling.sip.Via;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.apiguardian.api.API;

/**
 * Frames one SIP message in a byte array (RFC 3261 7): the start line, the index of every header
 * field (name and value positions, folding kept), the body by Content-Length; and parses at once
 * what every element needs: the Request-URI or status, the top Via, Call-ID, CSeq, From, To and
 * Content-Length. Everything else is left to be parsed on first use.
 */
@API(status = INTERNAL, since = "0.1")
public final class MessageScanner {

    private MessageScanner() {}

    /** What the scanner found; the message classes read these fields. */
    @API(status = INTERNAL, since = "0.1")
    public static final class Frame {
        public byte[] bytes;
        public int start;
        public int end; // end of body
        public boolean request;
        public String method;
        public SipUri requestUri;
        public int uriStart;
        public int uriEnd;
        public int status;
        public String reason;
        public int startLineEnd;
        public int headerCount;
        /**
         * Per header field i: name start, name end, value start, value end at 4i .. 4i+3. While the
         * scan runs this is the thread's scratch array; the frame it returns holds an exact copy.
         */
        public int[] positions;

        /**
         * Per header field i: what {@link HeaderNames#classify} said of its name (the number, and
         * whether it is spelled canonically); {@link #kind(int)} gives the number alone. Scratch and
         * exact copy as for {@link #positions}.
         */
        public byte[] kinds;
        /** Bit k set when a field of kind k is present. */
        public long present;

        /** The one walker the scan parses fields with; dropped when the scan ends. */
        Grammar walker;

        public int bodyStart;
        /**
         * False when a byte at or above 0x80 may be in the start line or the header fields (then
         * text there is decoded as UTF-8); true when they are all ASCII, so that a value becomes a
         * String without a UTF-8 check.
         */
        public boolean ascii;
        /** Every 8-byte word (or byte) the line search read, OR-ed together. */
        long high;

        public long contentLength = -1;
        public Via topVia;
        /** The field holding the top Via, and where its first value ends (at a comma or the end). */
        public int topViaIndex = -1;

        public int topViaEnd;
        public String callId;
        public CSeq cseq;
        public int fromIndex = -1;
        public String fromTag;
        public int toIndex = -1;
        public String toTag;
        // From and To as checked when framed, so that they are built later without a check: where
        // the display name starts (-1: none) and ends, the URI (taken apart on first use), whether
        // it was in <>, and where the parameters start.
        public int fromDisplayStart;
        public int fromDisplayEnd;
        public SipUri fromUri;
        public boolean fromAngle;
        public int fromParams;
        public boolean fromOnlyTag;
        public int toDisplayStart;
        public int toDisplayEnd;
        public SipUri toUri;
        public boolean toAngle;
        public int toParams;
        public boolean toOnlyTag;

        void addHeader(int ns, int ne, int vs, int ve, int k) {
            if (headerCount == kinds.length) {
                int n = headerCount * 2;
                positions = java.util.Arrays.copyOf(positions, n * 4);
                kinds = java.util.Arrays.copyOf(kinds, n);
            }
            int at = headerCount * 4;
            positions[at] = ns;
            positions[at + 1] = ne;
            positions[at + 2] = vs;
            positions[at + 3] = ve;
            kinds[headerCount++] = (byte) k;
            present |= 1L << (k & HeaderNames.KIND_MASK);
        }

        /** The number ({@link HeaderNames}) of field i. */
        public int kind(int i) {
            return kinds[i] & HeaderNames.KIND_MASK;
        }

        /** Where the name of field i starts. */
        public int nameStart(int i) {
            return positions[4 * i];
        }

        /** Where the name of field i ends. */
        public int nameEnd(int i) {
            return positions[4 * i + 1];
        }

        /** Where the value of field i starts. */
        public int valueStart(int i) {
            return positions[4 * i + 2];
        }

        /** Where the value of field i ends. */
        public int valueEnd(int i) {
            return positions[4 * i + 3];
        }
    }

    /**
     * Scans a whole message that starts at {@code b[0]}.
     *
     * @param b the bytes (owned by the message from now on)
     * @param length how many bytes are valid
     * @param limits the limits
     * @param datagram true for a datagram (body runs to the end without Content-Length; extra bytes
     *     after Content-Length are ignored), false for a stream frame (Content-Length required)
     * @return the frame
     */
    public static Frame scan(byte[] b, int length, SipLimits limits, boolean datagram) {
        return scan(b, length, limits, datagram, false);
    }

    /**
     * Scans only the start line and header fields of a stream frame, to learn its Content-Length.
     *
     * @param b the bytes up to the end of the header block
     * @param length how many bytes are valid
     * @param limits the limits
     * @return the frame, body not checked
     */
    public static Frame scanHeaders(byte[] b, int length, SipLimits limits) {
        return scan(b, length, limits, false, true);
    }

    /**
     * Room for the header positions of one scan at a time on a thread. The frame gets arrays of
     * exactly its size at the end, rather than arrays of a guessed size that is too large for most
     * messages and too small for some. A thread keeps room for up to {@link #SCRATCH_KEPT} fields.
     */
    private static final class Scratch {
        int[] positions = new int[4 * 32];
        byte[] kinds = new byte[32];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
    private static final int SCRATCH_KEPT = 256;
    private static final int[] NO_POSITIONS = new int[0];
    private static final byte[] NO_KINDS = new byte[0];

    private static Frame scan(byte[] b, int length, SipLimits limits, boolean datagram, boolean headersOnly) {
        Scratch scratch = SCRATCH.get();
        Frame f = new Frame();
        f.positions = scratch.positions;
        f.kinds = scratch.kinds;
        f.bytes = b;
        f.walker = new Grammar(b, 0, 0, 0);
        int p = 0;
        // RFC 3261 7.5: CRLF before the start line is ignored.
        while (p < length && (b[p] == '\r' || b[p] == '\n')) {
            p++;
        }
        if (p == length) {
            throw Grammar.bad(p, 0, "empty message");
        }
        f.start = p;
        int eol = lineEnd(f, b, p, length);
        if (eol < 0) {
            throw Grammar.bad(p, 0, "start line not terminated by CRLF");
        }
        if (eol - p > limits.maxLineLength()) {
            throw tooLarge(p, "start line longer than " + limits.maxLineLength() + " bytes");
        }
        startLine(f, b, p, eol);
        f.startLineEnd = eol;
        p = next(b, eol);
        while (true) {
            if (p >= length) {
                throw Grammar.bad(p, 0, "header fields not terminated by an empty line");
            }
            if (b[p] == '\r' || b[p] == '\n') {
                p = next(b, p);
                if (p < 0) {
                    throw Grammar.bad(length, 0, "bare CR");
                }
                break;
            }
            if (b[p] == ' ' || b[p] == '\t') {
                throw Grammar.bad(p, 0, "continuation line without a header field");
            }
            int ns = p;
            while (p < length && Grammar.isToken(b[p])) {
                p++;
            }
            int ne = p;
            if (ne == ns) {
                throw Grammar.bad(p, 0, "header field name expected");
            }
            while (p < length && (b[p] == ' ' || b[p] == '\t')) {
                p++;
            }
            if (p >= length || b[p] != ':') {
                throw Grammar.bad(p, 0, "header field without ':'");
            }
            p++;
            int vs = p;
            int ve;
            while (true) {
                int e = lineEnd(f, b, p, length);
                if (e < 0) {
                    throw Grammar.bad(p, 0, "header field not terminated by CRLF");
                }
                int n = next(b, e);
                if (n < length && (b[n] == ' ' || b[n] == '\t')) {
                    p = n; // folded: RFC 3261 7.3.1
                    continue;
                }
                ve = e;
                p = n;
                break;
            }
            if (ve - ns > limits.maxLineLength()) {
                throw Grammar.bad(ns, 0, "header field longer than " + limits.maxLineLength() + " bytes");
            }
            while (vs < ve && Grammar.isLws(b[vs])) {
                vs++;
            }
            while (ve > vs && Grammar.isLws(b[ve - 1])) {
                ve--;
            }
            if (f.headerCount == limits.maxHeaders()) {
                throw Grammar.bad(ns, 0, "more than " + limits.maxHeaders() + " header fields");
            }
            int k = HeaderNames.classify(b, ns, ne);
            f.addHeader(ns, ne, vs, ve, k);
            eager(f, b, k & HeaderNames.KIND_MASK, vs, ve);
        }
        exact(f, scratch);
        f.bodyStart = p;
        f.ascii = (f.high & HIGHS) == 0;
        if (headersOnly) {
            if (f.contentLength < 0) {
                throw Grammar.bad(p, 0, "Content-Length is required on a stream (RFC 3261 18.3)");
            }
            f.walker = null;
            return f;
        }
        int available = length - p;
        if (f.contentLength < 0) {
            if (!datagram) {
                throw Grammar.bad(p, 0, "Content-Length is required on a stream (RFC 3261 18.3)");
            }
            f.end = length;
        } else {
            if (f.contentLength > available) {
                // RFC 3261 18.3: a datagram shorter than its Content-Length is rejected with 400.
                throw Grammar.bad(
                        p, 0, "Content-Length " + f.contentLength + " exceeds the " + available + " bytes received");
            }
            f.end = p + (int) f.contentLength;
        }
        if (f.end - f.start > limits.maxMessageSize()) {
            throw tooLarge(f.start, "message larger than " + limits.maxMessageSize() + " bytes");
        }
        if (f.request && f.cseq != null && !f.cseq.method().equals(f.method)) {
            throw Grammar.bad(f.start, 0, "CSeq method differs from the request method (RFC 3261 8.1.1.5)");
        }
        f.walker = null;
        return f;
    }

    /** Gives the frame exact copies of the scratch arrays it wrote, and keeps grown ones as scratch. */
    private static void exact(Frame f, Scratch scratch) {
        int n = f.headerCount;
        if (f.kinds != scratch.kinds && f.kinds.length <= SCRATCH_KEPT) {
            scratch.positions = f.positions;
            scratch.kinds = f.kinds;
        }
        f.positions = n == 0 ? NO_POSITIONS : java.util.Arrays.copyOf(f.positions, 4 * n);
        f.kinds = n == 0 ? NO_KINDS : java.util.Arrays.copyOf(f.kinds, n);
    }

    static SipParseException tooLarge(int at, String what) {
        return new SipParseException(SignalingError.SIP_TOO_LARGE, 413, "Request Entity Too Large", at, what);
    }

    private static void eager(Frame f, byte[] b, int k, int vs, int ve) {
        switch (k) {
            case HeaderNames.VIA:
                if (f.topVia == null) {
                    Grammar g = f.walker.reset(vs, ve);
                    f.topVia = g.firstVia();
                    f.topViaIndex = f.headerCount - 1;
                    f.topViaEnd = g.position();
                }
                break;
            case HeaderNames.CALL_ID:
                checkOnce(f.callId, vs, "Call-ID");
                f.callId = f.walker.reset(vs, ve).callId();
                break;
            case HeaderNames.CSEQ:
                checkOnce(f.cseq, vs, "CSeq");
                f.cseq = f.walker.reset(vs, ve).cseq();
                break;
            case HeaderNames.FROM:
                checkOnce(f.fromIndex >= 0 ? "" : null, vs, "From");
                f.fromTag = address(f, 0, f.walker.reset(vs, ve));
                f.fromIndex = f.headerCount - 1;
                break;
            case HeaderNames.TO:
                checkOnce(f.toIndex >= 0 ? "" : null, vs, "To");
                f.toTag = address(f, 1, f.walker.reset(vs, ve));
                f.toIndex = f.headerCount - 1;
                break;
            case HeaderNames.CONTENT_LENGTH:
                if (f.contentLength >= 0) {
                    throw Grammar.bad(vs, 0, "more than one Content-Length");
                }
                f.contentLength = f.walker.reset(vs, ve).unsigned("Content-Length", 9);
                break;
            default:
                break;
        }
    }

    /** Checks From or To and keeps where its parts are, so that it is built later without a check. */
    private static String address(Frame f, int which, Grammar g) {
        String tag = g.nameAddressTag();
        if (which == 0) {
            f.fromDisplayStart = g.addrDisplayStart;
            f.fromDisplayEnd = g.addrDisplayEnd;
            f.fromUri = g.addrUri;
            f.fromAngle = g.addrAngle;
            f.fromParams = g.addrParams;
            f.fromOnlyTag = g.addrOnlyTag;
        } else {
            f.toDisplayStart = g.addrDisplayStart;
            f.toDisplayEnd = g.addrDisplayEnd;
            f.toUri = g.addrUri;
            f.toAngle = g.addrAngle;
            f.toParams = g.addrParams;
            f.toOnlyTag = g.addrOnlyTag;
        }
        return tag;
    }

    private static void checkOnce(Object previous, int at, String name) {
        if (previous != null) {
            // RFC 3261 7.3.1: these fields appear once; RFC 4475 3.3.8 expects 400.
            throw Grammar.bad(at, 0, "more than one " + name + " header field");
        }
    }

    private static void startLine(Frame f, byte[] b, int s, int e) {
        if (e - s > 4 && b[s] == 'S' && b[s + 1] == 'I' && b[s + 2] == 'P' && b[s + 3] == '/') {
            int sp = indexOf(b, s, e, (byte) ' ');
            if (sp < 0) {
                throw Grammar.bad(s, 0, "status line without a status code");
            }
            version(b, s, sp);
            int cs = sp + 1;
            int ce = cs;
            while (ce < e && b[ce] >= '0' && b[ce] <= '9') {
                ce++;
            }
            if (ce - cs != 3 || (ce < e && b[ce] != ' ')) {
                throw Grammar.bad(cs, 0, "status code must be three digits");
            }
            int code = (b[cs] - '0') * 100 + (b[cs + 1] - '0') * 10 + (b[cs + 2] - '0');
            if (code < 100 || code > 699) {
                throw Grammar.bad(cs, 0, "status code out of range 100-699");
            }
            f.status = code;
            int rs = ce < e ? ce + 1 : e;
            for (int i = rs; i < e; i++) {
                byte c = b[i];
                if ((c >= 0 && c < 0x20 && c != '\t') || c == 0x7f) {
                    throw Grammar.bad(i, 0, "control character in the reason phrase");
                }
            }
            String known = Methods.known(b, rs, e);
            f.reason = known != null ? known : new String(b, rs, e - rs, StandardCharsets.UTF_8);
            return;
        }
        int sp1 = indexOf(b, s, e, (byte) ' ');
        if (sp1 <= s) {
            throw Grammar.bad(s, 0, "request line needs a method, a Request-URI and a version");
        }
        for (int i = s; i < sp1; i++) {
            if (!Grammar.isToken(b[i])) {
                throw Grammar.bad(i, 0, "method must be a token");
            }
        }
        int sp2 = indexOf(b, sp1 + 1, e, (byte) ' ');
        if (sp2 < 0) {
            throw Grammar.bad(sp1, 0, "request line needs a version");
        }
        if (sp2 == sp1 + 1) {
            throw Grammar.bad(sp2, 0, "request line elements are separated by exactly one SP (RFC 3261 7.1)");
        }
        if (indexOf(b, sp2 + 1, e, (byte) ' ') >= 0 || indexOf(b, sp2 + 1, e, (byte) '\t') >= 0) {
            throw Grammar.bad(sp2 + 1, 0, "whitespace after the version or inside the Request-URI");
        }
        version(b, sp2 + 1, e);
        f.request = true;
        f.method = Methods.of(b, s, sp1);
        f.uriStart = sp1 + 1;
        f.uriEnd = sp2;
        f.requestUri = f.walker.checkedUri(sp1 + 1, sp2, true);
    }

    private static void version(byte[] b, int s, int e) {
        // SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT
        boolean syntax = e - s >= 7
                && (b[s] | 0x20) == 's'
                && (b[s + 1] | 0x20) == 'i'
                && (b[s + 2] | 0x20) == 'p'
                && b[s + 3] == '/';
        int i = s + 4;
        int ds = i;
        while (syntax && i < e && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        syntax = syntax && i > ds && i < e && b[i] == '.';
        int ms = ++i;
        while (syntax && i < e && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        syntax = syntax && i > ms && i == e;
        if (!syntax) {
            throw Grammar.bad(s, 0, "malformed SIP-Version");
        }
        if (!(e - s == 7 && b[s + 4] == '2' && b[s + 6] == '0')) {
            throw new SipParseException(
                    SignalingError.SIP_VERSION, 505, "Version Not Supported", s, "only SIP/2.0 is supported");
        }
    }

    private static int indexOf(byte[] b, int s, int e, byte c) {
        for (int i = s; i < e; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Index of the CR (of CRLF) or LF that ends the line starting at {@code p}, or -1; as {@link
     * #indexOfLf} does, and OR-s what it read into {@code f.high} (every byte before the LF, and
     * possibly a few after it: then {@link Frame#ascii} is false more often than needed, never less).
     */
    private static int lineEnd(Frame f, byte[] b, int p, int length) {
        int i = p;
        long high = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            long w = (long) LONGS.get(b, i);
            high |= w;
            long x = w ^ LF;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                f.high |= high;
                int lf = i + (Long.numberOfTrailingZeros(found) >>> 3);
                return (lf > p && b[lf - 1] == '\r') ? lf - 1 : lf;
            }
        }
        for (; i < length; i++) {
            byte c = b[i];
            high |= c;
            if (c == '\n') {
                f.high |= high;
                return (i > p && b[i - 1] == '\r') ? i - 1 : i;
            }
        }
        f.high |= high;
        return -1;
    }

    /** Reads 8 bytes of an array as one little-endian word (also for {@link Grammar}). */
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long LF = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * The index of the first LF in {@code b[p..length)}, or -1: eight bytes at a time (a zero byte
     * of {@code word ^ LF} marks an LF; the lowest marked byte is exact, so the first LF is found
     * even when later bytes are marked wrongly).
     */
    static int indexOfLf(byte[] b, int p, int length) {
        int i = p;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            long x = (long) LONGS.get(b, i) ^ LF;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < length; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The index after the line end at {@code eol} (CRLF or LF), or -1 for a bare CR. */
    private static int next(byte[] b, int eol) {
        if (b[eol] == '\n') {
            return eol + 1;
        }
        if (eol + 1 < b.length && b[eol + 1] == '\n') {
            return eol + 2;
        }
        return -1;
    }
}
