package io.remotebank.signaling.sip;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import org.apiguardian.api.API;

/**
 * A media type as in Content-Type and Accept (RFC 3261 20.15): type and subtype compare
 * case-insensitively and are kept in lower case.
 *
 * @param type the type, e.g. {@code application}
 * @param subtype the subtype, e.g. {@code sdp}
 * @param parameters the parameters, e.g. {@code boundary}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ContentType(String type, String subtype, Parameters parameters) {

    /** Checks the parts. */
    public ContentType {
        Arguments.notNull(type, "type");
        Arguments.notNull(subtype, "subtype");
        Arguments.notNull(parameters, "parameters");
    }

    /**
     * Whether this is {@code type/subtype}, case-insensitively.
     *
     * @param type the type
     * @param subtype the subtype
     * @return true when both match
     */
    public boolean is(String type, String subtype) {
        return this.type.equalsIgnoreCase(type) && this.subtype.equalsIgnoreCase(subtype);
    }

    @Override
    public String toString() {
        return type + "/" + subtype + parameters;
    }
}
