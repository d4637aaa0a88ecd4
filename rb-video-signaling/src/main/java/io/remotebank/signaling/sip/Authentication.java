package io.remotebank.signaling.sip;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A challenge (WWW-Authenticate, Proxy-Authenticate) or credentials (Authorization,
 * Proxy-Authorization) of any scheme (RFC 3261 20.7, 25.1): the scheme and its comma-separated
 * auth-params. For {@code Digest} the helpers give the usual parameters without their quotes.
 *
 * @param scheme the scheme as written, e.g. {@code Digest}
 * @param parameters the auth-params in order; quoted values keep their quotes
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Authentication(String scheme, Parameters parameters) {

    /** Checks the parts. */
    public Authentication {
        Arguments.notNull(scheme, "scheme");
        Arguments.notNull(parameters, "parameters");
    }

    /** Whether the scheme is Digest (case-insensitive). */
    public boolean isDigest() {
        return "Digest".equalsIgnoreCase(scheme);
    }

    /**
     * A parameter's value with quotes removed and quoted-pairs resolved.
     *
     * @param name the parameter name, any case
     * @return the unquoted value
     */
    public Optional<String> param(String name) {
        return parameters.get(name).map(Authentication::unquote);
    }

    static String unquote(String v) {
        if (v.length() < 2 || v.charAt(0) != '"') {
            return v;
        }
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 1; i < v.length() - 1; i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length() - 1) {
                c = v.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(scheme);
        for (int i = 0; i < parameters.size(); i++) {
            String n = parameters.names().get(i);
            sb.append(i == 0 ? " " : ", ").append(n);
            String v = parameters.get(n).orElse("");
            if (!v.isEmpty()) {
                sb.append('=').append(v);
            }
        }
        return sb.toString();
    }
}
