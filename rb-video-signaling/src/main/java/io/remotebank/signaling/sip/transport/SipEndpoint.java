package io.remotebank.signaling.sip.transport;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.netty.channel.EventLoopGroup;
import io.remotebank.signaling.internal.sip.transport.NettyEndpoint;
import io.remotebank.signaling.sip.SipParser;
import io.remotebank.signaling.sip.transaction.SipScheduler;
import io.remotebank.signaling.sip.transaction.SipTransportChannel;
import io.remotebank.signaling.sip.transaction.TransactionLayer;
import io.remotebank.signaling.sip.transaction.TransactionSettings;
import io.remotebank.signaling.sip.transaction.TransactionUser;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * SIP over UDP and TCP on Netty (RFC 3261 18), wired to a {@link TransactionLayer}.
 *
 * <p>A request that arrives gets {@code received} on its top Via when the sent-by host is not the
 * source address, and {@code rport} filled in when the client asked for it (RFC 3581). Responses go
 * out per RFC 3261 18.2.2: over the connection the request came on (TCP), or over UDP to {@code
 * maddr}, else to the source address and {@code rport}, else to {@code received} and the sent-by
 * port. On TCP a message that breaks the framing (a bad Content-Length) closes the connection (RFC
 * 3261 18.3); a double-CRLF ping is answered with a CRLF pong (RFC 5626 4.4.1); a connection idle
 * for the idle timeout is closed. Every transaction on a connection that closes ends with a transport
 * error.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface SipEndpoint extends AutoCloseable {

    /** A builder with UDP and TCP on 127.0.0.1, ephemeral ports, default timers. */
    static Builder builder() {
        return new Builder();
    }

    /** The bound UDP address, if UDP is on. */
    Optional<InetSocketAddress> udpAddress();

    /** The bound TCP address, if TCP is on. */
    Optional<InetSocketAddress> tcpAddress();

    /** The transaction layer that receives what arrives. */
    TransactionLayer transactions();

    /**
     * A channel to send requests on: UDP from the bound socket, or a TCP connection (an open one to
     * the same address is reused, RFC 3261 18.1.1).
     *
     * @param transport UDP or TCP
     * @param remote the next hop
     * @return the channel, once connected; fails with a {@link SipTransportException}
     */
    CompletionStage<SipTransportChannel> channel(SipTransport transport, InetSocketAddress remote);

    /** The number of open TCP connections. */
    int openConnections();

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
        TransactionSettings settings = TransactionSettings.ofDefaults();
        SipParser parser = SipParser.ofDefaults();
        Duration idleTimeout = Duration.ofMinutes(5);
        EventLoopGroup group;
        int threads = 2;
        SipScheduler scheduler;

        private Builder() {}

        /**
         * The address to bind.
         *
         * @param address the address
         * @return this builder
         */
        public Builder bind(InetAddress address) {
            this.bind = Objects.requireNonNull(address, "address");
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

        private static void checkPort(int port) {
            if (port < -1 || port > 65_535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }

        /**
         * The transaction timers.
         *
         * @param settings the settings
         * @return this builder
         */
        public Builder settings(TransactionSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * The parser (its limits apply to datagrams and streams).
         *
         * @param parser the parser
         * @return this builder
         */
        public Builder parser(SipParser parser) {
            this.parser = Objects.requireNonNull(parser, "parser");
            return this;
        }

        /**
         * How long a TCP connection may stay silent before it is closed (default 5 minutes).
         *
         * @param timeout the timeout, positive
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the idle timeout must be positive");
            }
            this.idleTimeout = timeout;
            return this;
        }

        /**
         * The application's event loops (not closed by the endpoint); by default the endpoint makes
         * its own.
         *
         * @param group the group
         * @return this builder
         */
        public Builder eventLoopGroup(EventLoopGroup group) {
            this.group = Objects.requireNonNull(group, "group");
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
                throw new IllegalArgumentException("at least one thread");
            }
            this.threads = threads;
            return this;
        }

        /**
         * The scheduler of the transaction timers; by default the event loops.
         *
         * @param scheduler the scheduler
         * @return this builder
         */
        public Builder scheduler(SipScheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
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
            Objects.requireNonNull(user, "user");
            if (!udp && !tcp) {
                throw new IllegalStateException("neither UDP nor TCP is on");
            }
            return NettyEndpoint.start(
                    bind, udp, udpPort, tcp, tcpPort, settings, parser, idleTimeout, group, threads, scheduler, user);
        }
    }
}
