package io.remotebank.signaling.internal.sip.transport;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.remotebank.core.Arguments;
import io.remotebank.core.time.Scheduler;
import io.remotebank.core.tls.TlsPolicy;
import io.remotebank.signaling.sip.SipParser;
import io.remotebank.signaling.sip.transaction.TransactionSettings;
import io.remotebank.signaling.sip.transport.SipTransport;
import java.net.InetAddress;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What {@code SipEndpoint.Builder} collected.
 *
 * @param bind the address to bind
 * @param ports the port of each transport that is on (0: ephemeral)
 * @param settings the transaction timers
 * @param parser the parser
 * @param idleTimeout how long a connection may stay silent
 * @param keepAliveInterval how often a ping goes out on a connection this endpoint opened (zero: never)
 * @param pongTimeout how long a pong may take before the connection counts as failed
 * @param connectTimeout how long an outgoing connection may take
 * @param group the application's event loops, or null
 * @param threads the number of threads of an own group
 * @param scheduler the scheduler of every timer, or null for the event loops
 * @param tlsServer the server context of TLS and WSS, or null
 * @param tlsClient the client context of outgoing TLS and WSS
 * @param tlsPolicy what each TLS engine passes before its handshake
 * @param webSocketPath the HTTP path of the WebSocket handshake
 * @param limits what a connection or datagram may hold or take
 * @param webSocketRoute another protocol served on the WS and WSS ports, or null
 */
@API(status = INTERNAL, since = "0.1")
public record EndpointConfig(
        InetAddress bind,
        Map<SipTransport, Integer> ports,
        TransactionSettings settings,
        SipParser parser,
        Duration idleTimeout,
        Duration keepAliveInterval,
        Duration pongTimeout,
        Duration connectTimeout,
        EventLoopGroup group,
        int threads,
        Scheduler scheduler,
        SslContext tlsServer,
        SslContext tlsClient,
        TlsPolicy tlsPolicy,
        String webSocketPath,
        Limits limits,
        WebSocketRoute webSocketRoute) {

    /** Copies the ports. */
    public EndpointConfig {
        ports = ports.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(ports));
        Arguments.notNull(limits, "limits");
        Arguments.notNull(tlsPolicy, "tlsPolicy");
    }

    /**
     * The limits that protect the endpoint from its peers (checked by {@code SipEndpoint.Builder}).
     *
     * @param maxConnections the most connections peers may hold open at once (TCP, TLS, WS, WSS)
     * @param maxConnectionsPerAddress the most of them one source address may hold
     * @param headerTimeout how long a message's header block (then its body), or a WebSocket
     *     handshake, may take to arrive
     * @param writeBufferLowWaterMark below this many bytes queued a connection reads again
     * @param writeBufferHighWaterMark above this many bytes queued a connection stops reading
     * @param maxPendingOutboundBytes past this many bytes queued a connection is closed (a datagram
     *     dropped)
     */
    @API(status = INTERNAL, since = "0.1")
    public record Limits(
            int maxConnections,
            int maxConnectionsPerAddress,
            Duration headerTimeout,
            int writeBufferLowWaterMark,
            int writeBufferHighWaterMark,
            int maxPendingOutboundBytes) {

        /** Checks that the marks are in order. */
        public Limits {
            Arguments.notNull(headerTimeout, "headerTimeout");
            Arguments.inRange(
                    writeBufferHighWaterMark,
                    writeBufferLowWaterMark,
                    maxPendingOutboundBytes,
                    "writeBufferHighWaterMark");
        }
    }

    /** The largest datagram received whole: the parser's limit, at most what UDP carries (65,535). */
    int maxDatagramSize() {
        return Math.min(parser.limits().maxMessageSize(), 65_535);
    }

    /** The port of a transport, if it is on. */
    Optional<Integer> port(SipTransport transport) {
        return Optional.ofNullable(ports.get(transport));
    }
}
