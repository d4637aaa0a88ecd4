package io.remotebank.signaling.internal.sip.transport;

import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.remotebank.signaling.sip.SipEncoder;
import io.remotebank.signaling.sip.SipStreamDecoder;
import io.remotebank.signaling.sip.transport.SipTransport;
import java.net.InetSocketAddress;
import java.net.URI;

/** The pipelines of the connection-oriented transports, one handler per concern. */
final class Pipelines {

    /** The largest HTTP handshake request or response accepted. */
    private static final int MAX_HANDSHAKE = 16 * 1024;

    private static final SipEncoder ENCODER = new SipEncoder();

    private Pipelines() {}

    /**
     * Sets up a connection's pipeline.
     *
     * @param ch the channel
     * @param flow its flow (the last handler)
     * @param remote for a connection this endpoint opens, the peer (TLS host check, WebSocket URI)
     */
    static void init(SocketChannel ch, ConnectionFlow flow, EndpointConfig config, InetSocketAddress remote) {
        ChannelPipeline p = ch.pipeline();
        NettyEndpoint endpoint = flow.endpoint;
        EndpointConfig.Limits limits = config.limits();
        // first, so that every byte written, whoever writes it, passes it
        p.addLast(
                "back-pressure",
                new BackPressure(limits.maxPendingOutboundBytes(), BackPressure.Overflow.CLOSE, endpoint.counters()));
        if (!flow.inbound && !config.keepAliveInterval().isZero()) {
            // at the head, so that every byte read counts as the peer's sign of life
            p.addLast(
                    "keep-alive",
                    new KeepAlive(endpoint.timers(), flow.transport, config.keepAliveInterval(), config.pongTimeout()));
        }
        if (flow.transport.secure()) {
            p.addLast(
                    "tls",
                    flow.inbound
                            ? SipTls.server(config.tlsServer(), ch.alloc(), config.tlsPolicy())
                            : SipTls.client(
                                    config.tlsClient(),
                                    ch.alloc(),
                                    remote.getHostString(),
                                    remote.getPort(),
                                    config.tlsPolicy()));
        }
        p.addLast("idle", new IdleTimer(endpoint.timers(), config.idleTimeout(), endpoint.counters()));
        int max = config.parser().limits().maxMessageSize();
        if (!flow.transport.webSocket()) {
            SipStreamDecoder decoder = new SipStreamDecoder(config.parser());
            p.addLast("sip-decoder", decoder);
            if (flow.inbound) {
                p.addLast("ping-answer", PingAnswer.INSTANCE);
            }
            p.addLast(
                    "header-timer",
                    HeaderTimer.forStream(endpoint.timers(), limits.headerTimeout(), endpoint.counters(), decoder));
            p.addLast("sip-encoder", ENCODER);
        } else if (flow.inbound) {
            p.addLast("http", new HttpServerCodec());
            p.addLast("http-aggregator", new HttpObjectAggregator(MAX_HANDSHAKE));
            p.addLast(
                    "subprotocol",
                    config.webSocketRoute() == null
                            ? SubprotocolGuard.INSTANCE
                            : new WebSocketRouter(config.webSocketRoute()));
            p.addLast(
                    "websocket",
                    new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                            .websocketPath(config.webSocketPath())
                            .checkStartsWith(true)
                            .subprotocols(WebSocketFlow.SUBPROTOCOL)
                            .decoderConfig(WebSocketDecoderConfig.newBuilder()
                                    .maxFramePayloadLength(max)
                                    .build())
                            .build()));
            p.addLast(
                    "header-timer",
                    HeaderTimer.forWebSocketHandshake(endpoint.timers(), limits.headerTimeout(), endpoint.counters()));
            p.addLast("frame-aggregator", new WebSocketFrameAggregator(max));
        } else {
            String scheme = flow.transport == SipTransport.WSS ? "wss" : "ws";
            String host = remote.getHostString().indexOf(':') >= 0
                    ? "[" + remote.getHostString() + "]"
                    : remote.getHostString();
            URI uri = URI.create(scheme + "://" + host + ":" + remote.getPort() + config.webSocketPath());
            p.addLast("http", new HttpClientCodec());
            p.addLast("http-aggregator", new HttpObjectAggregator(MAX_HANDSHAKE));
            p.addLast(
                    "websocket",
                    new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                            .webSocketUri(uri)
                            .version(WebSocketVersion.V13)
                            .subprotocol(WebSocketFlow.SUBPROTOCOL)
                            .customHeaders(new DefaultHttpHeaders())
                            .maxFramePayloadLength(max)
                            .build()));
            p.addLast("frame-aggregator", new WebSocketFrameAggregator(max));
        }
        p.addLast("flow", flow);
    }
}
