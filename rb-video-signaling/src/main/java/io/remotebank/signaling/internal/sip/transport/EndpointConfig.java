package io.remotebank.signaling.internal.sip.transport;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.remotebank.signaling.sip.SipParser;
import io.remotebank.signaling.sip.transaction.SipScheduler;
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
 * @param scheduler the timer scheduler, or null for the event loops
 * @param tlsServer the server context of TLS and WSS, or null
 * @param tlsClient the client context of outgoing TLS and WSS, or null for the JDK's trust store
 * @param webSocketPath the HTTP path of the WebSocket handshake
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
        SipScheduler scheduler,
        SslContext tlsServer,
        SslContext tlsClient,
        String webSocketPath) {

    /** Copies the ports. */
    public EndpointConfig {
        ports = ports.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(ports));
    }

    /** The port of a transport, if it is on. */
    Optional<Integer> port(SipTransport transport) {
        return Optional.ofNullable(ports.get(transport));
    }
}
