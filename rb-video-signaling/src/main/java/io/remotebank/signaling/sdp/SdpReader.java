package io.remotebank.signaling.sdp;

import io.remotebank.signaling.SignalingError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads SDP lines in the order RFC 8866 5 requires. */
final class SdpReader {

    private static final String SESSION_ORDER = "vosiuepcbtrzka";
    private static final String MEDIA_ORDER = "micbka";

    private final String text;
    private int pos;
    private int lineNo;

    SdpReader(String text) {
        this.text = text;
    }

    SessionDescription read() {
        List<String[]> lines = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        String[] l;
        while ((l = next()) != null) {
            lines.add(l);
            numbers.add(lineNo);
        }
        if (lines.isEmpty()) {
            throw bad(0, "empty session description");
        }
        int i = 0;
        int rank = -1;
        int version = -1;
        Origin origin = null;
        String name = null;
        String info = null;
        String uri = null;
        List<String> emails = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        Connection conn = null;
        List<String> bw = new ArrayList<>();
        List<String> times = new ArrayList<>();
        String zone = null;
        String key = null;
        List<Attribute> attrs = new ArrayList<>();
        for (; i < lines.size(); i++) {
            String type = lines.get(i)[0];
            String v = lines.get(i)[1];
            int n = numbers.get(i);
            if (type.equals("m")) {
                break;
            }
            int r = SESSION_ORDER.indexOf(type);
            if (r < 0) {
                throw bad(n, "unknown line type '" + type + "'");
            }
            boolean repeatable = "epbtra".indexOf(type.charAt(0)) >= 0;
            if (r < rank && !(type.equals("t") && rank == SESSION_ORDER.indexOf('r')) || (r == rank && !repeatable)) {
                throw bad(n, "line '" + type + "' out of order");
            }
            if (i == 0 && !type.equals("v") || i == 1 && !type.equals("o") || i == 2 && !type.equals("s")) {
                throw bad(n, "a session description starts with v=, o=, s=");
            }
            rank = r;
            switch (type) {
                case "v":
                    if (!v.equals("0")) {
                        throw bad(n, "only SDP version 0 exists");
                    }
                    version = 0;
                    break;
                case "o":
                    origin = origin(v, n);
                    break;
                case "s":
                    name = v;
                    break;
                case "i":
                    info = v;
                    break;
                case "u":
                    uri = v;
                    break;
                case "e":
                    emails.add(v);
                    break;
                case "p":
                    phones.add(v);
                    break;
                case "c":
                    conn = connection(v, n);
                    break;
                case "b":
                    bw.add(bandwidth(v, n));
                    break;
                case "t":
                    String[] t = fields(v, 2, n, "t=");
                    if (t.length != 2) {
                        throw bad(n, "t= has two fields");
                    }
                    number(t[0], n, -1);
                    number(t[1], n, -1);
                    times.add("t=" + v);
                    break;
                case "r":
                    if (times.isEmpty()) {
                        throw bad(n, "r= without t=");
                    }
                    for (String f : fields(v, 3, n, "r=")) {
                        typedTime(f, n);
                    }
                    times.add("r=" + v);
                    break;
                case "z":
                    zone = v;
                    break;
                case "k":
                    key = v;
                    break;
                default:
                    attrs.add(attribute(v, n));
                    break;
            }
        }
        if (version < 0 || origin == null || name == null) {
            throw bad(0, "v=, o= and s= are required");
        }
        if (times.isEmpty()) {
            throw bad(0, "a session description needs a t= line");
        }
        List<MediaDescription> media = new ArrayList<>();
        while (i < lines.size()) {
            i = media(lines, numbers, i, media, conn != null);
        }
        return new SessionDescription(
                version,
                origin,
                name,
                Optional.ofNullable(info),
                Optional.ofNullable(uri),
                emails,
                phones,
                Optional.ofNullable(conn),
                bw,
                times,
                Optional.ofNullable(zone),
                Optional.ofNullable(key),
                attrs,
                media);
    }

    private int media(
            List<String[]> lines, List<Integer> numbers, int i, List<MediaDescription> out, boolean sessionConn) {
        String[] m = fields(lines.get(i)[1], 4, numbers.get(i), "m=");
        int n = numbers.get(i);
        int slash = m[1].indexOf('/');
        int port = number(slash < 0 ? m[1] : m[1].substring(0, slash), n, 65535);
        int count = slash < 0 ? 1 : number(m[1].substring(slash + 1), n, 65535);
        if (count < 1) {
            throw bad(n, "port count must be at least 1");
        }
        List<String> formats = new ArrayList<>();
        for (int k = 3; k < m.length; k++) {
            formats.add(m[k]);
        }
        String info = null;
        String key = null;
        List<Connection> conns = new ArrayList<>();
        List<String> bw = new ArrayList<>();
        List<Attribute> attrs = new ArrayList<>();
        int rank = 0;
        i++;
        for (; i < lines.size() && !lines.get(i)[0].equals("m"); i++) {
            String type = lines.get(i)[0];
            String v = lines.get(i)[1];
            int ln = numbers.get(i);
            int r = MEDIA_ORDER.indexOf(type);
            if (r < 0) {
                throw bad(ln, "line '" + type + "' not allowed in a media description");
            }
            if (r < rank || (r == rank && "cba".indexOf(type.charAt(0)) < 0)) {
                throw bad(ln, "line '" + type + "' out of order");
            }
            rank = r;
            switch (type) {
                case "i":
                    info = v;
                    break;
                case "c":
                    conns.add(connection(v, ln));
                    break;
                case "b":
                    bw.add(bandwidth(v, ln));
                    break;
                case "k":
                    key = v;
                    break;
                default:
                    attrs.add(attribute(v, ln));
                    break;
            }
        }
        out.add(new MediaDescription(
                token(m[0], n),
                port,
                count,
                m[2],
                formats,
                Optional.ofNullable(info),
                conns,
                bw,
                Optional.ofNullable(key),
                attrs));
        return i;
    }

    private Origin origin(String v, int n) {
        String[] f = fields(v, 6, n, "o=");
        if (f.length != 6) {
            throw bad(n, "o= has six fields");
        }
        number(f[1], n, -1);
        number(f[2], n, -1);
        return new Origin(f[0], f[1], f[2], f[3], f[4], f[5]);
    }

    private Connection connection(String v, int n) {
        String[] f = fields(v, 3, n, "c=");
        if (f.length != 3) {
            throw bad(n, "c= has three fields");
        }
        return new Connection(f[0], f[1], f[2]);
    }

    private String bandwidth(String v, int n) {
        int colon = v.indexOf(':');
        if (colon <= 0) {
            throw bad(n, "b= needs type:value");
        }
        number(v.substring(colon + 1), n, -1);
        return v;
    }

    private Attribute attribute(String v, int n) {
        int colon = v.indexOf(':');
        String name = colon < 0 ? v : v.substring(0, colon);
        token(name, n);
        return colon < 0 ? Attribute.flag(name) : Attribute.of(name, v.substring(colon + 1));
    }

    private String token(String t, int n) {
        if (t.isEmpty()) {
            throw bad(n, "empty token");
        }
        for (int k = 0; k < t.length(); k++) {
            char c = t.charAt(k);
            if (c <= ' ' || c >= 0x7f || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                throw bad(n, "bad token character");
            }
        }
        return t;
    }

    private String[] fields(String v, int min, int n, String what) {
        String[] f = v.split(" ", -1);
        if (f.length < min) {
            throw bad(n, what + " needs " + min + " fields");
        }
        for (String s : f) {
            if (s.isEmpty()) {
                throw bad(n, what + " fields are separated by exactly one space");
            }
        }
        return f;
    }

    /** RFC 8866 9: typed-time = 1*DIGIT [fixed-len-time-unit], fixed-len-time-unit = d / h / m / s. */
    private void typedTime(String f, int n) {
        char last = f.charAt(f.length() - 1);
        number("dhms".indexOf(last) >= 0 ? f.substring(0, f.length() - 1) : f, n, -1);
    }

    private int number(String s, int n, int max) {
        if (s.isEmpty() || s.length() > 20) {
            throw bad(n, "bad number");
        }
        long v = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                throw bad(n, "bad number");
            }
            v = k < 18 ? v * 10 + (c - '0') : v;
        }
        if (max >= 0 && v > max) {
            throw bad(n, "number out of range");
        }
        return (int) Math.min(v, Integer.MAX_VALUE);
    }

    /** The next line as {type, value}, or null at the end. */
    private String[] next() {
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            int e = nl < 0 ? text.length() : nl;
            int le = e > pos && text.charAt(e - 1) == '\r' ? e - 1 : e;
            String line = text.substring(pos, le);
            pos = nl < 0 ? text.length() : nl + 1;
            lineNo++;
            if (line.isEmpty()) {
                if (pos >= text.length()) {
                    return null;
                }
                throw bad(lineNo, "empty line");
            }
            if (line.length() < 2 || line.charAt(1) != '=' || line.charAt(0) < 'a' || line.charAt(0) > 'z') {
                throw bad(lineNo, "a line is <type>=<value>");
            }
            for (int k = 2; k < line.length(); k++) {
                char c = line.charAt(k);
                if (c == 0 || c == '\r') {
                    throw bad(lineNo, "NUL or CR inside a line");
                }
            }
            return new String[] {line.substring(0, 1), line.substring(2)};
        }
        return null;
    }

    private static SdpParseException bad(int line, String what) {
        return new SdpParseException(SignalingError.SDP_MALFORMED, line, what);
    }
}
