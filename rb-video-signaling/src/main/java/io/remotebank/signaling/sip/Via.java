package io.remotebank.signaling.sip;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import java.util.Optional;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * One Via header field value (RFC 3261 20.42): {@code SIP/2.0/UDP host:port;branch=...}.
 *
 * @param protocol the protocol name, normally {@code SIP}
 * @param version the protocol version, normally {@code 2.0}
 * @param transport the transport, upper case as written ({@code UDP}, {@code TCP}, {@code TLS},
 *     {@code WSS}...)
 * @param host the sent-by host; an IPv6 reference keeps its brackets
 * @param port the sent-by port, or -1
 * @param parameters the via parameters
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Via(String protocol, String version, String transport, String host, int port, Parameters parameters) {

    /** The RFC 3261 magic cookie that starts every compliant branch. */
    public static final String MAGIC_COOKIE = "z9hG4bK";

    /** Checks the parts. */
    public Via {
        Arguments.notNull(protocol, "protocol");
        Arguments.notNull(version, "version");
        Arguments.notNull(transport, "transport");
        Arguments.notNull(host, "host");
        Arguments.notNull(parameters, "parameters");
        if (port < -1 || port > 65535) {
            throw SipParseException.badRequest(-1, "Via port out of range: " + port);
        }
    }

    /** The branch parameter, when present. */
    public Optional<String> branch() {
        return parameters.get("branch");
    }

    /** Whether the branch starts with the RFC 3261 magic cookie (RFC 3261 8.1.1.7). */
    public boolean hasRfc3261Branch() {
        return branch().map(b -> b.startsWith(MAGIC_COOKIE)).orElse(false);
    }

    /** The received parameter, when present. */
    public Optional<String> received() {
        return parameters.get("received");
    }

    /** The rport parameter's value (RFC 3581), when present with a value. */
    public OptionalInt rport() {
        return parameters
                .get("rport")
                .filter(v -> !v.isEmpty())
                .map(v -> OptionalInt.of(Integer.parseInt(v)))
                .orElse(OptionalInt.empty());
    }

    /** The sent-by port, when given. */
    public OptionalInt sentByPort() {
        return port < 0 ? OptionalInt.empty() : OptionalInt.of(port);
    }

    /** The value as it is serialized. */
    @Override
    public String toString() {
        return protocol + "/" + version + "/" + transport + " " + host + (port >= 0 ? ":" + port : "") + parameters;
    }
}
