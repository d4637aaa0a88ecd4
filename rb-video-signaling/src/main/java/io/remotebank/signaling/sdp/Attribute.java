package io.remotebank.signaling.sdp;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * An {@code a=} line: a property attribute ({@code a=rtcp-mux}) or a value attribute ({@code
 * a=rtpmap:0 PCMU/8000}).
 *
 * @param name the attribute name
 * @param value the value, empty for a property attribute
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Attribute(String name, Optional<String> value) {

    /** Checks the parts. */
    public Attribute {
        Arguments.notNull(name, "name");
        Arguments.notNull(value, "value");
    }

    /**
     * A value attribute.
     *
     * @param name the name
     * @param value the value
     * @return the attribute
     */
    public static Attribute of(String name, String value) {
        return new Attribute(name, Optional.of(value));
    }

    /**
     * A property attribute.
     *
     * @param name the name
     * @return the attribute
     */
    public static Attribute flag(String name) {
        return new Attribute(name, Optional.empty());
    }

    @Override
    public String toString() {
        return value.map(v -> name + ":" + v).orElse(name);
    }
}
