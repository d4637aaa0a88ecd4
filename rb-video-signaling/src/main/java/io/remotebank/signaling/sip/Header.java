package io.remotebank.signaling.sip;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import org.apiguardian.api.API;

/**
 * One header field as it came: the name as written (compact or full, any case) and the value with
 * surrounding whitespace removed and folding kept as written.
 *
 * @param name the field name as written
 * @param value the field value
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Header(String name, String value) {

    /** Checks the parts. */
    public Header {
        Arguments.notNull(name, "name");
        Arguments.notNull(value, "value");
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}
