package io.remotebank.signaling.internal.webrtc;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.signaling.internal.sip.transport.WebSocketRoute;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.apiguardian.api.API;

/**
 * The WebSocket route of each running signaling server, so that a SIP endpoint's builder finds it
 * from the server's API object without that object naming an internal type.
 */
@API(status = INTERNAL, since = "0.1")
public final class SharedPorts {

    private static final Map<Object, WebSocketRoute> ROUTES = Collections.synchronizedMap(new WeakHashMap<>());

    private SharedPorts() {}

    /**
     * Records a server's route.
     *
     * @param server the server's API object
     * @param route its route
     */
    public static void register(Object server, WebSocketRoute route) {
        ROUTES.put(server, route);
    }

    /**
     * The route of a server.
     *
     * @param server the server's API object
     * @return its route, if it runs
     */
    public static Optional<WebSocketRoute> of(Object server) {
        return Optional.ofNullable(ROUTES.get(server));
    }

    /**
     * Forgets a closed server.
     *
     * @param server the server's API object
     */
    public static void remove(Object server) {
        ROUTES.remove(server);
    }
}
