package io.remotebank.signaling.sdp;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import org.apiguardian.api.API;

/**
 * The {@code o=} line (RFC 8866 5.2).
 *
 * @param username the user name ({@code -} when none)
 * @param sessionId the session id (digits)
 * @param sessionVersion the session version (digits; incremented on every change)
 * @param netType {@code IN}
 * @param addrType {@code IP4} or {@code IP6}
 * @param address the unicast address or host name
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Origin(
        String username, String sessionId, String sessionVersion, String netType, String addrType, String address) {

    /** Checks the parts. */
    public Origin {
        Arguments.notNull(username, "username");
        Arguments.notNull(sessionId, "sessionId");
        Arguments.notNull(sessionVersion, "sessionVersion");
        Arguments.notNull(netType, "netType");
        Arguments.notNull(addrType, "addrType");
        Arguments.notNull(address, "address");
    }

    @Override
    public String toString() {
        return username + " " + sessionId + " " + sessionVersion + " " + netType + " " + addrType + " " + address;
    }
}
