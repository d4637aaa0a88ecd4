package io.remotebank.signaling.sip.transport;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import io.remotebank.core.time.Scheduler;
import io.remotebank.core.tls.TlsPolicy;
import io.remotebank.signaling.SignalingError;
import io.remotebank.signaling.internal.sip.transport.EndpointConfig;
import io.remotebank.signaling.internal.sip.transport.NettyEndpoint;
import io.remotebank.signaling.internal.sip.transport.SipTls;
import io.remotebank.signaling.internal.sip.transport.WebSocketRoute;
import io.remotebank.signaling.internal.webrtc.SharedPorts;
import io.remotebank.signaling.sip.SipParser;
import io.remotebank.signaling.sip.transaction.SipTransportChannel;
import io.remotebank.signaling.sip.transaction.TransactionLayer;
import io.remotebank.signaling.sip.transaction.TransactionSettings;
import io.remotebank.signaling.sip.transaction.TransactionUser;
import io.remotebank.signaling.webrtc.WebRtcSignaling;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import org.apiguardian.api.API;

/**
 * SIP over UDP, TCP, TLS, WebSocket and secure WebSocket on Netty (RFC 3261 18, RFC 7118), wired to
 * a {@link TransactionLayer}.
 *
 * <p>A request that arrives gets {@code received} on its top Via when the sent-by host is not the
 * source address, and {@code rport} filled in when the client asked for it (RFC 3581). Responses go
 * out per RFC 3261 18.2.2: over the connection the request came on (TCP, TLS, WS, WSS; when that
 * connection has closed, a TCP or TLS response goes over a new connection to {@code received} and the
 * sent-by port, a WebSocket one cannot be sent), or over UDP to {@code maddr}, else to the source
 * address and {@code rport}, else to {@code received} and the sent-by port. Requests sent through
 * {@link #channel} reuse an open connection to the same address, also one the peer opened over TCP
 * and offered with an {@code alias} Via parameter (RFC 5923) from that very address.
 *
 * <p>On TCP and TLS a message that breaks the framing (a bad Content-Length) closes the connection
 * (RFC 3261 18.3); a double-CRLF ping from the peer is answered with a CRLF pong (RFC 5626 4.4.1). On
 * WS and WSS the handshake must offer the subprotocol {@code sip} (otherwise it gets a 400), each text
 * or binary message carries one SIP message, and a malformed one is dropped. A connection silent for
 * the idle timeout is closed. On connections this endpoint opens it can send keep-alive pings (CRLFCRLF,
 * a WebSocket ping on WS and WSS) and closes the connection when nothing comes back in time. TLS and
 * WSS use the application's {@code SslContext} as given, narrowed by rb-core's {@link TlsPolicy}
 * ({@link Builder#tlsPolicy}; by default SSL 3.0, TLS 1.0 and 1.1 are dropped, and TLS 1.2, 1.3 and
 * a GM/TLCP protocol of the bank's provider stay); a protocol the context left off stays off. Every
 * timer (transactions, header, idle, keep-alive) runs on one rb-core {@link Scheduler} ({@link
 * Builder#scheduler}). Every transaction on a connection that closes ends with a transport error.
 *
 * <p>Peers cannot exhaust it: a connection whose peer does not read what it is sent stops being
 * read above its high-water mark and is closed past {@link Builder#maxPendingOutboundBytes}; a
 * message (or WebSocket handshake) that trickles in is cut off by {@link Builder#headerTimeout};
 * connections past {@link Builder#maxConnections} in all or {@link Builder#maxConnectionsPerAddress}
 * from one address are refused; a datagram is received up to 65,535 bytes, and one that fills the
 * buffer, so may have been cut, is never processed (a request gets 513). {@link #stats()} counts
 * each of these.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface SipEndpoint extends AutoCloseable {

    /**
     * A builder with UDP and TCP on 127.0.0.1, ephemeral ports, default timers; TLS, WS and WSS
     * off.
     */
    static Builder builder() {
        return new Builder();
    }

    /** The bound UDP address, if UDP is on. */
    Optional<InetSocketAddress> udpAddress();

    /** The bound TCP address, if TCP is on. */
    Optional<InetSocketAddress> tcpAddress();

    /**
     * The bound address of a transport, if it is on.
     *
     * @param transport the transport
     * @return the local address (with the actual port when an ephemeral one was asked)
     */
    default Optional<InetSocketAddress> address(SipTransport transport) {
        return switch (transport) {
            case UDP -> udpAddress();
            case TCP -> tcpAddress();
            default -> Optional.empty();
        };
    }

    /** The transaction layer that receives what arrives. */
    TransactionLayer transactions();

    /**
     * A channel to send requests on: UDP from the bound socket, or a TCP, TLS, WS or WSS connection
     * (an open one to the same address is reused, RFC 3261 18.1.1). A TLS or WSS connection checks
     * the server's certificate against the address (its IP address or host name must be among the
     * certificate's names) with the client context of {@link Builder#tlsClientContext}, by default
     * the JDK's trusted certificates. A WS or WSS connection asks for the subprotocol {@code sip}
     * on {@link Builder#webSocketPath} and fails when the server does not accept it.
     *
     * @param transport the transport
     * @param remote the next hop
     * @return the channel, once connected; fails with a {@link SipTransportException}
     */
    CompletionStage<SipTransportChannel> channel(SipTransport transport, InetSocketAddress remote);

    /** The number of open connections (TCP, TLS, WS and WSS, either direction). */
    int openConnections();

    /**
     * What the transports hold now and what they refused, closed or dropped since the start.
     *
     * @return a snapshot
     */
    TransportStats stats();

    /** Closes the sockets and every connection, and stops the event loops it created. */
    @Override
    void close();

    /** Configures and starts an endpoint. */
    @API(status = EXPERIMENTAL, since = "0.1")
    final class Builder {
        InetAddress bind = InetAddress.getLoopbackAddress();
        int udpPort;
        int tcpPort;
        boolean udp = true;
        boolean tcp = true;
        int tlsPort = -1;
        int wsPort = -1;
        int wssPort = -1;
        SslContext tlsServer;
        SslContext tlsClient;
        TlsPolicy tlsPolicy = TlsPolicy.defaults();
        String webSocketPath = "/";
        Duration keepAliveInterval = Duration.ZERO;
        Duration pongTimeout = Duration.ofSeconds(10);
        Duration connectTimeout = Duration.ofSeconds(10);
        TransactionSettings settings = TransactionSettings.ofDefaults();
        SipParser parser = SipParser.ofDefaults();
        Duration idleTimeout = Duration.ofMinutes(5);
        EventLoopGroup group;
        WebSocketRoute webSocketRoute;
        int threads = 2;
        Scheduler scheduler;
        int maxConnections = 10_000;
        int maxConnectionsPerAddress = 256;
        // RFC 3261 17.1.1.2: 64*T1 (32 s) is as long as a client transaction waits for anything
        Duration headerTimeout = Duration.ofSeconds(32);
        int writeBufferLowWaterMark = 32 * 1024;
        int writeBufferHighWaterMark = 64 * 1024;
        int maxPendingOutboundBytes = 1024 * 1024;

        private Builder() {}

        /**
         * The address to bind.
         *
         * @param address the address
         * @return this builder
         */
        public Builder bind(InetAddress address) {
            this.bind = Arguments.notNull(address, "address");
            return this;
        }

        /**
         * The UDP port (0: ephemeral); -1 turns UDP off.
         *
         * @param port the port
         * @return this builder
         */
        public Builder udpPort(int port) {
            checkPort(port);
            this.udp = port >= 0;
            this.udpPort = Math.max(port, 0);
            return this;
        }

        /**
         * The TCP port (0: ephemeral); -1 turns TCP off.
         *
         * @param port the port
         * @return this builder
         */
        public Builder tcpPort(int port) {
            checkPort(port);
            this.tcp = port >= 0;
            this.tcpPort = Math.max(port, 0);
            return this;
        }

        /**
         * The TLS port (0: ephemeral; -1, the default, turns TLS off). Needs {@link #tlsIdentity}
         * or {@link #tlsServerContext}.
         *
         * @param port the port
         * @return this builder
         */
        public Builder tlsPort(int port) {
            checkPort(port);
            this.tlsPort = port;
            return this;
        }

        /**
         * The WebSocket port (0: ephemeral; -1, the default, turns WS off).
         *
         * @param port the port
         * @return this builder
         */
        public Builder wsPort(int port) {
            checkPort(port);
            this.wsPort = port;
            return this;
        }

        /**
         * The secure WebSocket port (0: ephemeral; -1, the default, turns WSS off). Needs {@link
         * #tlsIdentity} or {@link #tlsServerContext}.
         *
         * @param port the port
         * @return this builder
         */
        public Builder wssPort(int port) {
            checkPort(port);
            this.wssPort = port;
            return this;
        }

        /**
         * The certificate and key TLS and WSS present (see {@link TlsIdentity#selfSigned} and
         * {@link TlsIdentity#fromPem}).
         *
         * @param identity the identity
         * @return this builder
         */
        public Builder tlsIdentity(TlsIdentity identity) {
            this.tlsServer = Arguments.notNull(identity, "identity").serverContext();
            return this;
        }

        /**
         * The application's own server context for TLS and WSS (for instance one that asks for
         * client certificates, or a GM/TLCP provider's), used as given but for what {@link
         * #tlsPolicy} drops.
         *
         * @param context a server-side context
         * @return this builder
         */
        public Builder tlsServerContext(SslContext context) {
            Arguments.notNull(context, "context");
            if (context.isClient()) {
                throw new ValidationException(
                        CoreError.ARGUMENT_INVALID, "a client context was given as the TLS server context");
            }
            this.tlsServer = context;
            return this;
        }

        /**
         * The client context of the TLS and WSS connections this endpoint opens (by default the
         * JDK's trusted certificates with TLS 1.2 and 1.3; {@link TlsIdentity#clientContextTrusting}
         * trusts given ones), used as given but for what {@link #tlsPolicy} drops.
         *
         * @param context a client-side context
         * @return this builder
         */
        public Builder tlsClientContext(SslContext context) {
            Arguments.notNull(context, "context");
            if (!context.isClient()) {
                throw new ValidationException(
                        CoreError.ARGUMENT_INVALID, "a server context was given as the TLS client context");
            }
            this.tlsClient = context;
            return this;
        }

        /**
         * What every TLS and WSS engine passes before its handshake (default {@link
         * TlsPolicy#defaults()}: SSL 3.0, TLS 1.0 and 1.1 dropped, everything else the context enables
         * kept, the server's host name checked on connections this endpoint opens). The policy only
         * narrows: it never turns on a protocol the context left off.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder tlsPolicy(TlsPolicy policy) {
            this.tlsPolicy = Arguments.notNull(policy, "policy");
            return this;
        }

        /**
         * Serves a WebRTC signaling server on the WS and WSS ports too: a handshake that offers the
         * {@code sip} subprotocol stays SIP's (RFC 7118), one on the signaling server's path or
         * offering {@link WebRtcSignaling#SUBPROTOCOL} is the signaling server's; its connections
         * run on this endpoint's event loops and count against its connection limits.
         *
         * @param signaling a started signaling server
         * @return this builder
         */
        public Builder webRtcSignaling(WebRtcSignaling signaling) {
            Arguments.notNull(signaling, "signaling");
            this.webSocketRoute = SharedPorts.of(signaling)
                    .orElseThrow(() ->
                            new ValidationException(CoreError.ARGUMENT_INVALID, "the signaling server is closed"));
            return this;
        }

        /**
         * The HTTP path of the WebSocket handshake (default {@code /}); as a server every path that
         * starts with it is accepted.
         *
         * @param path an absolute path
         * @return this builder
         */
        public Builder webSocketPath(String path) {
            Arguments.notNull(path, "path");
            if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c == '#' || c >= 0x7f)) {
                throw new ValidationException(CoreError.ARGUMENT_INVALID, "not an absolute HTTP path: " + path);
            }
            this.webSocketPath = path;
            return this;
        }

        /**
         * How often a keep-alive ping goes out on each connection this endpoint opened (RFC 5626
         * 4.4.1: CRLFCRLF on TCP and TLS, a WebSocket ping on WS and WSS); zero, the default, sends
         * none.
         *
         * @param interval the interval, zero or positive
         * @return this builder
         */
        public Builder keepAliveInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new ValidationException(
                        CoreError.ARGUMENT_INVALID, "the keep-alive interval must not be negative: " + interval);
            }
            this.keepAliveInterval = interval;
            return this;
        }

        /**
         * How long the peer may take to answer a keep-alive ping before the connection counts as
         * failed and is closed (default 10 seconds, RFC 5626 4.4.1).
         *
         * @param timeout the timeout, positive
         * @return this builder
         */
        public Builder pongTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new ValidationException(
                        CoreError.ARGUMENT_INVALID, "the pong timeout must be positive: " + timeout);
            }
            this.pongTimeout = timeout;
            return this;
        }

        /**
         * How long opening a connection may take (default 10 seconds).
         *
         * @param timeout the timeout, positive
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new ValidationException(
                        CoreError.ARGUMENT_INVALID, "the connect timeout must be positive: " + timeout);
            }
            this.connectTimeout = timeout;
            return this;
        }

        private static void checkPort(int port) {
            if (port < -1 || port > 65_535) {
                throw new ValidationException(CoreError.ARGUMENT_INVALID, "port out of range: " + port);
            }
        }

        /**
         * The transaction timers.
         *
         * @param settings the settings
         * @return this builder
         */
        public Builder settings(TransactionSettings settings) {
            this.settings = Arguments.notNull(settings, "settings");
            return this;
        }

        /**
         * The parser (its limits apply to datagrams and streams).
         *
         * @param parser the parser
         * @return this builder
         */
        public Builder parser(SipParser parser) {
            this.parser = Arguments.notNull(parser, "parser");
            return this;
        }

        /**
         * How long a connection may stay silent (nothing read or written) before it is closed
         * (default 5 minutes).
         *
         * @param timeout the timeout, positive
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new ValidationException(CoreError.ARGUMENT_INVALID, "the idle timeout must be positive");
            }
            this.idleTimeout = timeout;
            return this;
        }

        /**
         * The most connections peers may hold open at once, TCP, TLS, WS and WSS together (default
         * 10,000); one more is closed as soon as it is accepted. Connections this endpoint opens
         * do not count.
         *
         * @param max 1 to 1,000,000
         * @return this builder
         */
        public Builder maxConnections(int max) {
            this.maxConnections = (int) Arguments.inRange(max, 1, 1_000_000, "maxConnections");
            return this;
        }

        /**
         * The most connections one source address may hold open at once, every transport together
         * (default 256); one more is closed as soon as it is accepted.
         *
         * @param max 1 to 1,000,000
         * @return this builder
         */
        public Builder maxConnectionsPerAddress(int max) {
            this.maxConnectionsPerAddress = (int) Arguments.inRange(max, 1, 1_000_000, "maxConnectionsPerAddress");
            return this;
        }

        /**
         * How long a message may take to arrive on TCP and TLS: its header block from its first
         * byte, then its body from the header block's end; and an inbound WebSocket's HTTP
         * upgrade from the connection's start. Past it the connection is closed. Default 32 s
         * (64*T1, RFC 3261 17.1.1.2).
         *
         * @param timeout 1 ms to 1 hour
         * @return this builder
         */
        public Builder headerTimeout(Duration timeout) {
            Arguments.notNull(timeout, "headerTimeout");
            if (timeout.compareTo(Duration.ofMillis(1)) < 0 || timeout.compareTo(Duration.ofHours(1)) > 0) {
                throw new ValidationException(
                        CoreError.ARGUMENT_INVALID, "headerTimeout must be between 1 ms and 1 hour, got " + timeout);
            }
            this.headerTimeout = timeout;
            return this;
        }

        /**
         * When a connection stops and resumes reading (default 32 KiB and 64 KiB): above {@code
         * high} bytes waiting to be sent its peer is not reading them, so nothing more is read from
         * it until fewer than {@code low} wait. UDP applies the same marks to its socket.
         *
         * @param low 1 to {@code high}
         * @param high {@code low} to {@link #maxPendingOutboundBytes}
         * @return this builder
         */
        public Builder writeBufferWaterMark(int low, int high) {
            Arguments.inRange(low, 1, 64 * 1024 * 1024, "writeBufferLowWaterMark");
            Arguments.inRange(high, low, 64 * 1024 * 1024, "writeBufferHighWaterMark");
            this.writeBufferLowWaterMark = low;
            this.writeBufferHighWaterMark = high;
            return this;
        }

        /**
         * The most bytes that may wait to be sent on one connection (default 1 MiB): a write past
         * it closes the connection, whose peer is not reading. On UDP the message is dropped
         * instead.
         *
         * @param max 1 KiB to 1 GiB, at least the high-water mark
         * @return this builder
         */
        public Builder maxPendingOutboundBytes(int max) {
            this.maxPendingOutboundBytes =
                    (int) Arguments.inRange(max, 1024, 1024 * 1024 * 1024, "maxPendingOutboundBytes");
            return this;
        }

        /**
         * The application's event loops (not closed by the endpoint); by default the endpoint makes
         * its own, on Netty's native epoll transport where it loads, else on Java NIO. On the
         * application's group the endpoint opens NIO channels, so the group must take them (a
         * {@code MultiThreadIoEventLoopGroup} of {@code NioIoHandler}s).
         *
         * @param group the group
         * @return this builder
         */
        public Builder eventLoopGroup(EventLoopGroup group) {
            this.group = Arguments.notNull(group, "group");
            return this;
        }

        /**
         * The number of event loop threads when the endpoint makes its own (default 2).
         *
         * @param threads at least 1
         * @return this builder
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new ValidationException(CoreError.ARGUMENT_INVALID, "at least one thread");
            }
            this.threads = threads;
            return this;
        }

        /**
         * The scheduler of every timer of the endpoint: the transaction timers (which the transaction
         * user may share through {@link TransactionLayer#scheduler()}), the header, idle and
         * keep-alive timers of each connection. By default the event loops: a timer runs on the loop
         * of the thread that sets it when that is one of them, and its deadline moves onto a grid (at
         * most 1/16 of its delay and 16.8 ms later) so that timers due together wake a loop once. A
         * scheduler given here is used as it is; a test gives virtual time (rb-testing's {@code
         * ManualTime}).
         *
         * @param scheduler the scheduler
         * @return this builder
         */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Arguments.notNull(scheduler, "scheduler");
            return this;
        }

        /**
         * Binds the sockets and starts.
         *
         * @param user makes the transaction user from the endpoint's transaction layer
         * @return the running endpoint
         * @throws SipTransportException when a socket cannot be bound
         */
        public SipEndpoint start(Function<TransactionLayer, ? extends TransactionUser> user) {
            Arguments.notNull(user, "user");
            Map<SipTransport, Integer> ports = new EnumMap<>(SipTransport.class);
            if (udp) {
                ports.put(SipTransport.UDP, udpPort);
            }
            if (tcp) {
                ports.put(SipTransport.TCP, tcpPort);
            }
            if (tlsPort >= 0) {
                ports.put(SipTransport.TLS, tlsPort);
            }
            if (wsPort >= 0) {
                ports.put(SipTransport.WS, wsPort);
            }
            if (wssPort >= 0) {
                ports.put(SipTransport.WSS, wssPort);
            }
            if (ports.isEmpty()) {
                throw new IllegalStateException("no transport is on");
            }
            Arguments.inRange(
                    writeBufferHighWaterMark,
                    writeBufferLowWaterMark,
                    maxPendingOutboundBytes,
                    "writeBufferHighWaterMark");
            if ((tlsPort >= 0 || wssPort >= 0) && tlsServer == null) {
                throw new IllegalStateException("TLS and WSS need a tlsIdentity or a tlsServerContext");
            }
            SslContext client = tlsClient;
            if (client == null) {
                try {
                    client = SslContextBuilder.forClient()
                            .sslProvider(SslProvider.JDK)
                            .protocols(SipTls.DEFAULT_PROTOCOLS)
                            .build();
                } catch (SSLException e) {
                    throw new SipTransportException(SignalingError.SIP_TLS, "cannot make a TLS client context", e);
                }
            }
            if (tlsServer != null) {
                SipTls.check(tlsServer, tlsPolicy);
            }
            SipTls.check(client, tlsPolicy);
            NettyEndpoint engine = NettyEndpoint.start(
                    new EndpointConfig(
                            bind,
                            ports,
                            settings,
                            parser,
                            idleTimeout,
                            keepAliveInterval,
                            pongTimeout,
                            connectTimeout,
                            group,
                            threads,
                            scheduler,
                            tlsServer,
                            client,
                            tlsPolicy,
                            webSocketPath,
                            new EndpointConfig.Limits(
                                    maxConnections,
                                    maxConnectionsPerAddress,
                                    headerTimeout,
                                    writeBufferLowWaterMark,
                                    writeBufferHighWaterMark,
                                    maxPendingOutboundBytes),
                            webSocketRoute),
                    user);
            return running(engine);
        }

        /**
         * The endpoint in front of the Netty engine: the engine names none of the API's endpoint
         * types, so that the API depends on its implementation and not the other way round as well.
         */
        private static SipEndpoint running(NettyEndpoint engine) {
            return new SipEndpoint() {
                @Override
                public Optional<InetSocketAddress> udpAddress() {
                    return engine.udpAddress();
                }

                @Override
                public Optional<InetSocketAddress> tcpAddress() {
                    return engine.tcpAddress();
                }

                @Override
                public Optional<InetSocketAddress> address(SipTransport transport) {
                    return engine.address(transport);
                }

                @Override
                public TransactionLayer transactions() {
                    return engine.transactions();
                }

                @Override
                public CompletionStage<SipTransportChannel> channel(SipTransport transport, InetSocketAddress remote) {
                    return engine.channel(transport, remote);
                }

                @Override
                public int openConnections() {
                    return engine.openConnections();
                }

                @Override
                public TransportStats stats() {
                    return engine.stats();
                }

                @Override
                public void close() {
                    engine.close();
                }
            };
        }
    }
}
