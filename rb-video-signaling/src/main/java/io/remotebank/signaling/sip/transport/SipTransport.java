package io.remotebank.signaling.sip.transport;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/** The transports an {@link SipEndpoint} offers, with the names a Via header field uses for them. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum SipTransport {
    /** UDP (RFC 3261 18): unreliable, the transactions retransmit. */
    UDP(false, false, 5060),
    /** TCP (RFC 3261 18): a byte stream framed by Content-Length. */
    TCP(true, false, 5060),
    /** TLS over TCP (RFC 3261 26.2, {@code sips}): TLS 1.2 or later only. */
    TLS(true, true, 5061),
    /** WebSocket (RFC 7118): one SIP message per text or binary frame, subprotocol {@code sip}. */
    WS(true, false, 80),
    /** Secure WebSocket (RFC 7118): WebSocket over TLS 1.2 or later. */
    WSS(true, true, 443);

    private final boolean reliable;
    private final boolean secure;
    private final int defaultPort;

    SipTransport(boolean reliable, boolean secure, int defaultPort) {
        this.reliable = reliable;
        this.secure = secure;
        this.defaultPort = defaultPort;
    }

    /** Whether the transport is reliable (everything but UDP): the transactions do not retransmit. */
    public boolean reliable() {
        return reliable;
    }

    /** Whether the transport runs over TLS (TLS, WSS). */
    public boolean secure() {
        return secure;
    }

    /** Whether the transport is a WebSocket (WS, WSS, RFC 7118). */
    public boolean webSocket() {
        return this == WS || this == WSS;
    }

    /**
     * The port used when a Via sent-by has none (RFC 3261 18.2.2 and 19.1.2: 5060, 5061 for TLS;
     * RFC 7118 leaves WebSocket to the HTTP ports 80 and 443).
     */
    public int defaultPort() {
        return defaultPort;
    }

    /** The token a Via header field names this transport with: {@code UDP}, {@code TCP}, {@code TLS}, {@code WS}, {@code WSS}. */
    public String viaName() {
        return name();
    }

    /**
     * The transport a Via transport token names (case-insensitive, RFC 3261 20.42 and RFC 7118 5).
     *
     * @param token the token, e.g. {@code ws}
     * @return the transport, or empty for one this SDK does not offer (SCTP...)
     */
    public static Optional<SipTransport> fromViaName(String token) {
        String t = token.toUpperCase(Locale.ROOT);
        for (SipTransport transport : values()) {
            if (transport.name().equals(t)) {
                return Optional.of(transport);
            }
        }
        return Optional.empty();
    }
}
