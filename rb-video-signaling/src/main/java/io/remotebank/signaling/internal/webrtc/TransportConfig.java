package io.remotebank.signaling.internal.webrtc;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.Arguments;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What the signaling connections are held to (checked by the API's builder).
 *
 * @param path the HTTP path of the handshake
 * @param allowedOrigins the Origin values a handshake may carry (empty: any)
 * @param maxFrameBytes the largest message
 * @param messageRate the messages a second a client may send on average
 * @param messageBurst the messages a client may send at once
 * @param maxConnectionsPerAddress the most connections of one client address
 */
@API(status = INTERNAL, since = "0.1")
public record TransportConfig(
        String path,
        Set<String> allowedOrigins,
        int maxFrameBytes,
        int messageRate,
        int messageBurst,
        int maxConnectionsPerAddress) {

    /** Copies the origins. */
    public TransportConfig {
        Arguments.notBlank(path, "path");
        allowedOrigins = Set.copyOf(Arguments.noNulls(allowedOrigins, "allowedOrigins"));
    }
}
