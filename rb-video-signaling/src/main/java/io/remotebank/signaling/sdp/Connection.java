package io.remotebank.signaling.sdp;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import org.apiguardian.api.API;

/**
 * A {@code c=} line (RFC 8866 5.7).
 *
 * @param netType {@code IN}
 * @param addrType {@code IP4} or {@code IP6}
 * @param address the address, with {@code /ttl} and {@code /count} as written
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Connection(String netType, String addrType, String address) {

    /** Checks the parts. */
    public Connection {
        Arguments.notNull(netType, "netType");
        Arguments.notNull(addrType, "addrType");
        Arguments.notNull(address, "address");
    }

    /**
     * An {@code IN IP4} or {@code IN IP6} connection, chosen by the address.
     *
     * @param address the address
     * @return the connection
     */
    public static Connection of(String address) {
        return new Connection("IN", address.indexOf(':') >= 0 ? "IP6" : "IP4", address);
    }

    @Override
    public String toString() {
        return netType + " " + addrType + " " + address;
    }
}
