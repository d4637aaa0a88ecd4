package io.remotebank.signaling.internal.webrtc;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.remotebank.core.time.Ticker;
import io.remotebank.signaling.internal.sip.transport.WebSocketRoute;
import org.apiguardian.api.API;

/**
 * The handlers of a signaling connection after the HTTP codec and aggregator, on the server's own
 * port or on a SIP WebSocket port (as that port's {@link WebSocketRoute}).
 */
@API(status = INTERNAL, since = "0.1")
public final class SignalingChannels implements WebSocketRoute {

    /** The WebSocket subprotocol of the signaling protocol, version 1. */
    public static final String SUBPROTOCOL = "rb.webrtc.v1";

    private final Hub hub;
    private final TransportConfig transport;
    private final Ticker ticker;
    private final AddressLimit addresses;

    /**
     * Creates the handlers' factory.
     *
     * @param hub the protocol's state
     * @param transport the limits
     * @param ticker the time of the rate limits
     */
    public SignalingChannels(Hub hub, TransportConfig transport, Ticker ticker) {
        this.hub = hub;
        this.transport = transport;
        this.ticker = ticker;
        this.addresses = new AddressLimit(transport.maxConnectionsPerAddress());
    }

    TransportConfig transport() {
        return transport;
    }

    AddressLimit addresses() {
        return addresses;
    }

    @Override
    public boolean accepts(HttpRequest handshake) {
        String path = new QueryStringDecoder(handshake.uri()).path();
        if (path.equals(transport.path())) {
            return true;
        }
        for (String value : handshake.headers().getAll(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL)) {
            for (String token : value.split(",", -1)) {
                if (token.trim().equals(SUBPROTOCOL)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void install(ChannelPipeline p) {
        p.addLast("signaling-gate", new SignalingGate(this));
        p.addLast(
                "signaling-websocket",
                new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                        .websocketPath("/")
                        .checkStartsWith(true) // the gate has checked the path or subprotocol
                        .subprotocols(SUBPROTOCOL)
                        .handshakeTimeoutMillis(10_000)
                        .decoderConfig(WebSocketDecoderConfig.newBuilder()
                                .maxFramePayloadLength(transport.maxFrameBytes())
                                .build())
                        .build()));
        p.addLast("signaling-aggregator", new WebSocketFrameAggregator(transport.maxFrameBytes()));
        p.addLast(
                "signaling",
                new SignalingHandler(hub, new RateLimit(ticker, transport.messageRate(), transport.messageBurst())));
    }
}
