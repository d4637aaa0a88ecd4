package io.remotebank.signaling.internal.sip.transport;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpRequest;
import org.apiguardian.api.API;

/**
 * Another protocol served on the SIP WebSocket ports (the WebRTC signaling protocol): a handshake
 * that does not offer {@code sip} but that the route accepts is handed to it.
 */
@API(status = INTERNAL, since = "0.1")
public interface WebSocketRoute {

    /**
     * Whether a WebSocket handshake is the route's (by its path or subprotocol).
     *
     * @param handshake the HTTP request of the handshake
     * @return true to hand the connection over
     */
    boolean accepts(HttpRequest handshake);

    /**
     * Adds the route's handlers at the end of a pipeline that has the HTTP codec and aggregator
     * (and nothing of SIP's after them); the handshake request is then fired into them.
     *
     * @param pipeline the connection's pipeline
     */
    void install(ChannelPipeline pipeline);
}
