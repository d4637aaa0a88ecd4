package io.remotebank.signaling.sip;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A name-addr or addr-spec with its header parameters (From, To, Contact, Route, Record-Route...):
 * {@code "Alice" <sip:alice@example.com>;tag=1928301774}.
 *
 * @param displayName the display name: a quoted string keeps its quotes and escapes, a token list is
 *     as written; empty when there is none
 * @param uri the URI
 * @param angleBrackets whether the URI was written in {@code <>}
 * @param parameters the header parameters (after the URI)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record NameAddress(Optional<String> displayName, SipUri uri, boolean angleBrackets, Parameters parameters) {

    /** Checks the parts. */
    public NameAddress {
        Arguments.notNull(displayName, "displayName");
        Arguments.notNull(uri, "uri");
        Arguments.notNull(parameters, "parameters");
    }

    /** The {@code tag} parameter (RFC 3261 19.3), when present. */
    public Optional<String> tag() {
        return parameters.get("tag");
    }

    /** The display name without quotes and with quoted-pairs resolved. */
    public Optional<String> displayNameText() {
        return displayName.map(d -> {
            if (!d.startsWith("\"")) {
                return d;
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i < d.length() - 1; i++) {
                char c = d.charAt(i);
                if (c == '\\' && i + 1 < d.length() - 1) {
                    c = d.charAt(++i);
                }
                sb.append(c);
            }
            return sb.toString();
        });
    }

    /** The value as it is serialized. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        displayName.ifPresent(d -> sb.append(d).append(' '));
        if (angleBrackets || displayName.isPresent()) {
            sb.append('<').append(uri).append('>');
        } else {
            sb.append(uri);
        }
        return sb.append(parameters).toString();
    }
}
