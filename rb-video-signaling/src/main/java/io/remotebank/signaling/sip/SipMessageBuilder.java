package io.remotebank.signaling.sip;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.signaling.internal.sip.HeaderNames;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Builds a SIP message from a start line, header fields and a body. {@link #build()} writes the
 * message (Content-Length is always set from the body) and parses it back, so a built message is as
 * checked as a received one.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SipMessageBuilder {

    private final String startLine;
    private final List<Header> headers = new ArrayList<>();
    private byte[] body = new byte[0];

    SipMessageBuilder(String startLine) {
        this.startLine = Arguments.notNull(startLine, "startLine");
    }

    /**
     * Appends a header field.
     *
     * @param name the name
     * @param value the value
     * @return this builder
     */
    public SipMessageBuilder header(String name, String value) {
        headers.add(new Header(name, value));
        return this;
    }

    /**
     * Puts a header field before all others (a proxy adding its Via, RFC 3261 16.6 step 8).
     *
     * @param name the name
     * @param value the value
     * @return this builder
     */
    public SipMessageBuilder headerFirst(String name, String value) {
        headers.add(0, new Header(name, value));
        return this;
    }

    /**
     * Replaces every field of this name (compact forms included) with one.
     *
     * @param name the name
     * @param value the value
     * @return this builder
     */
    public SipMessageBuilder set(String name, String value) {
        int at = indexOf(name);
        remove(name);
        headers.add(at < 0 ? headers.size() : Math.min(at, headers.size()), new Header(name, value));
        return this;
    }

    /**
     * Removes every field of this name.
     *
     * @param name the name
     * @return this builder
     */
    public SipMessageBuilder remove(String name) {
        headers.removeIf(h -> same(h.name(), name));
        return this;
    }

    /**
     * Removes the first value of the first field of this name (a proxy removing its Via from a
     * response, RFC 3261 16.7 step 3): a field with several comma-separated values keeps the rest.
     *
     * @param name the name
     * @return this builder
     */
    public SipMessageBuilder removeFirstValue(String name) {
        int i = indexOf(name);
        if (i >= 0) {
            String v = headers.get(i).value();
            int comma = topLevelComma(v);
            if (comma < 0) {
                headers.remove(i);
            } else {
                headers.set(
                        i,
                        new Header(headers.get(i).name(), v.substring(comma + 1).strip()));
            }
        }
        return this;
    }

    /**
     * Sets the body (Content-Type is the caller's to set).
     *
     * @param body the body bytes
     * @return this builder
     */
    public SipMessageBuilder body(byte[] body) {
        this.body = body.clone();
        return this;
    }

    /**
     * Sets a text body in UTF-8 with its Content-Type.
     *
     * @param contentType e.g. {@code application/sdp}
     * @param text the body
     * @return this builder
     */
    public SipMessageBuilder body(String contentType, String text) {
        set("Content-Type", contentType);
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The message as bytes, Content-Length set from the body. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + body.length);
        write(out, startLine);
        for (Header h : headers) {
            if (HeaderNames.kind(h.name()) != HeaderNames.CONTENT_LENGTH) {
                write(out, h.name() + ": " + h.value());
            }
        }
        write(out, "Content-Length: " + body.length);
        write(out, "");
        out.writeBytes(body);
        return out.toByteArray();
    }

    /**
     * Writes and parses the message.
     *
     * @return the message
     * @throws SipParseException when a start line or field given is malformed
     */
    public SipMessage build() {
        return SipParser.ofDefaults().parse(toBytes());
    }

    private static void write(ByteArrayOutputStream out, String line) {
        out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        out.write('\r');
        out.write('\n');
    }

    private int indexOf(String name) {
        for (int i = 0; i < headers.size(); i++) {
            if (same(headers.get(i).name(), name)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean same(String a, String b) {
        int ka = HeaderNames.kind(a);
        return ka != HeaderNames.OTHER ? ka == HeaderNames.kind(b) : a.equalsIgnoreCase(b);
    }

    private static int topLevelComma(String v) {
        boolean quoted = false;
        int angle = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                angle++;
            } else if (!quoted && c == '>') {
                angle--;
            } else if (!quoted && angle == 0 && c == ',') {
                return i;
            }
        }
        return -1;
    }
}
