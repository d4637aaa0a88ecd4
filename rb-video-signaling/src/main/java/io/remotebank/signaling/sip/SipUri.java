package io.remotebank.signaling.sip;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.Arguments;
import io.remotebank.signaling.internal.sip.Grammar;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * A URI as SIP uses it (RFC 3261 19.1, RFC 3966 for tel): {@code sip} and {@code sips} URIs are
 * taken apart (user, password, host with IPv6 references per RFC 5118, port, parameters, headers);
 * {@code tel} URIs give their number and parameters; any other scheme is kept whole and opaque.
 * Escapes are kept as written; {@link #toString()} gives the URI exactly as it came.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SipUri {

    /** What kind of URI this is. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public enum Kind {
        /** {@code sip:} */
        SIP,
        /** {@code sips:} */
        SIPS,
        /** {@code tel:} */
        TEL,
        /** Any other absolute URI, kept opaque. */
        OTHER
    }

    private final Kind kind;
    private final String scheme;
    // Parsed lazily: the message bytes and where the URI is, until a part is asked for. The parts
    // sit in an object of their own, so that a URI nobody takes apart (most in a message a proxy
    // forwards) costs only these fields.
    private final byte[] source;
    private final int from;
    private final int to;
    private Parts parts;

    /** The parts of a URI taken apart; immutable, so it may be shared once built. */
    private record Parts(
            String text, String user, String password, String host, int port, Parameters parameters, String headers) {}

    /**
     * Used by the parser; call {@link #parse(String)} instead.
     *
     * @param text the URI as written
     * @param kind the kind
     * @param scheme the scheme, lower case
     * @param user the user (or tel number), or null
     * @param password the password, or null
     * @param host the host (IPv6 references keep their brackets), or null
     * @param port the port, or -1
     * @param parameters the URI parameters
     * @param headers the headers part after {@code ?}, or null
     */
    public SipUri(
            String text,
            Kind kind,
            String scheme,
            String user,
            String password,
            String host,
            int port,
            Parameters parameters,
            String headers) {
        this.kind = Arguments.notNull(kind, "kind");
        this.scheme = Arguments.notNull(scheme, "scheme");
        this.parts = new Parts(
                Arguments.notNull(text, "text"),
                user,
                password,
                host,
                port,
                Arguments.notNull(parameters, "parameters"),
                headers);
        this.source = null;
        this.from = 0;
        this.to = 0;
    }

    private SipUri(byte[] source, int from, int to, Kind kind, String scheme) {
        this.source = source;
        this.from = from;
        this.to = to;
        this.kind = kind;
        this.scheme = scheme;
    }

    /**
     * Used by the parser: a URI already checked against the grammar, whose parts are parsed from the
     * (immutable) message bytes the first time one is asked for.
     *
     * @param source the message bytes, never changed afterwards
     * @param from where the URI starts
     * @param to where it ends
     * @param kind the kind
     * @param scheme the scheme in lower case
     * @return the URI
     */
    @API(status = INTERNAL, since = "0.1")
    public static SipUri lazy(byte[] source, int from, int to, Kind kind, String scheme) {
        return new SipUri(source, from, to, kind, scheme);
    }

    private Parts parts() {
        Parts p = parts;
        if (p == null) {
            p = Grammar.uriParts(source, from, to).parts;
            parts = p;
        }
        return p;
    }

    /**
     * Parses a URI.
     *
     * @param text the URI, e.g. {@code sip:alice@[2001:db8::1]:5061;transport=tls}
     * @return the URI
     * @throws SipParseException (400) when it is malformed
     */
    public static SipUri parse(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return Grammar.uri(b, 0, b.length, false);
    }

    /** The kind of URI. */
    public Kind kind() {
        return kind;
    }

    /** The scheme in lower case. */
    public String scheme() {
        return scheme;
    }

    /** Whether this is a {@code sip} or {@code sips} URI. */
    public boolean isSip() {
        return kind == Kind.SIP || kind == Kind.SIPS;
    }

    /** The user part (for {@code tel}: the number), escapes as written. */
    public Optional<String> user() {
        return Optional.ofNullable(parts().user());
    }

    /** The password part of a sip URI (deprecated by RFC 3261 but part of the grammar). */
    public Optional<String> password() {
        return Optional.ofNullable(parts().password());
    }

    /** The host of a sip URI; an IPv6 reference keeps its brackets. */
    public Optional<String> host() {
        return Optional.ofNullable(parts().host());
    }

    /** The port when given. */
    public OptionalInt port() {
        int p = parts().port();
        return p < 0 ? OptionalInt.empty() : OptionalInt.of(p);
    }

    /** The URI parameters. */
    public Parameters parameters() {
        return parts().parameters();
    }

    /** The headers part (after {@code ?}) as written, when present. */
    public Optional<String> headers() {
        return Optional.ofNullable(parts().headers());
    }

    /** The URI exactly as written. */
    @Override
    public String toString() {
        return parts().text();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SipUri u && u.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
