package io.remotebank.signaling.internal.sip.transport;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.remotebank.signaling.sip.SipEncoder;
import io.remotebank.signaling.sip.SipMessage;
import io.remotebank.signaling.sip.SipParseException;
import io.remotebank.signaling.sip.SipParser;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.SipStreamDecoder;
import io.remotebank.signaling.sip.transaction.SipScheduler;
import io.remotebank.signaling.sip.transaction.SipTransportChannel;
import io.remotebank.signaling.sip.transaction.TransactionLayer;
import io.remotebank.signaling.sip.transaction.TransactionSettings;
import io.remotebank.signaling.sip.transaction.TransactionUser;
import io.remotebank.signaling.sip.transport.SipEndpoint;
import io.remotebank.signaling.sip.transport.SipTransport;
import io.remotebank.signaling.sip.transport.SipTransportException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Netty implementation of {@link SipEndpoint}. */
@API(status = INTERNAL, since = "0.1")
public final class NettyEndpoint implements SipEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(NettyEndpoint.class);
    private static final byte[] PONG = {'\r', '\n'};

    private final EventLoopGroup group;
    private final boolean ownGroup;
    private final SipParser parser;
    private final Duration idleTimeout;
    private final TransactionLayer layer;
    private Channel udpChannel;
    private Channel tcpServer;
    private final ConcurrentHashMap<InetSocketAddress, TcpFlow> connections = new ConcurrentHashMap<>();

    private NettyEndpoint(
            EventLoopGroup group,
            boolean ownGroup,
            SipParser parser,
            Duration idleTimeout,
            SipScheduler scheduler,
            TransactionSettings settings,
            Function<TransactionLayer, ? extends TransactionUser> user) {
        this.group = group;
        this.ownGroup = ownGroup;
        this.parser = parser;
        this.idleTimeout = idleTimeout;
        UserHolder holder = new UserHolder();
        this.layer = TransactionLayer.create(settings, scheduler, holder);
        holder.user = user.apply(layer);
    }

    /**
     * Starts an endpoint (see {@link SipEndpoint.Builder#start}).
     *
     * @param bind the address
     * @param udp whether UDP is on
     * @param udpPort its port
     * @param tcp whether TCP is on
     * @param tcpPort its port
     * @param settings the timers
     * @param parser the parser
     * @param idleTimeout the TCP idle timeout
     * @param group the application's event loops, or null
     * @param threads the number of threads of an own group
     * @param scheduler the timer scheduler, or null for the event loops
     * @param user makes the transaction user
     * @return the endpoint
     */
    public static SipEndpoint start(
            InetAddress bind,
            boolean udp,
            int udpPort,
            boolean tcp,
            int tcpPort,
            TransactionSettings settings,
            SipParser parser,
            Duration idleTimeout,
            EventLoopGroup group,
            int threads,
            SipScheduler scheduler,
            Function<TransactionLayer, ? extends TransactionUser> user) {
        boolean own = group == null;
        EventLoopGroup g = own ? new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory()) : group;
        NettyEndpoint endpoint = new NettyEndpoint(
                g, own, parser, idleTimeout, scheduler == null ? SipScheduler.of(g) : scheduler, settings, user);
        try {
            if (udp) {
                endpoint.udpChannel = new Bootstrap()
                        .group(g)
                        .channel(NioDatagramChannel.class)
                        .handler(endpoint.new UdpHandler())
                        .bind(new InetSocketAddress(bind, udpPort))
                        .sync()
                        .channel();
            }
            if (tcp) {
                endpoint.tcpServer = new ServerBootstrap()
                        .group(g)
                        .channel(NioServerSocketChannel.class)
                        .childOption(ChannelOption.TCP_NODELAY, true)
                        .childHandler(endpoint.new StreamInitializer())
                        .bind(new InetSocketAddress(bind, tcpPort))
                        .sync()
                        .channel();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            endpoint.close();
            throw new SipTransportException("interrupted while binding", e);
        } catch (Exception e) { // Netty rethrows the BindException unchecked
            endpoint.close();
            throw new SipTransportException("cannot bind " + bind.getHostAddress() + ": " + e.getMessage(), e);
        }
        return endpoint;
    }

    /** Lets the transaction layer exist before the user that needs it. */
    private static final class UserHolder implements TransactionUser {
        TransactionUser user;

        @Override
        public void onRequest(io.remotebank.signaling.sip.transaction.ServerTransaction transaction) {
            user.onRequest(transaction);
        }

        @Override
        public void onAck(SipRequest ack, SipTransportChannel channel) {
            user.onAck(ack, channel);
        }

        @Override
        public void onStrayResponse(SipResponse response, SipTransportChannel channel) {
            user.onStrayResponse(response, channel);
        }

        @Override
        public void onTimeout(io.remotebank.signaling.sip.transaction.ServerTransaction transaction) {
            user.onTimeout(transaction);
        }

        @Override
        public void onTransportError(
                io.remotebank.signaling.sip.transaction.ServerTransaction transaction, Throwable cause) {
            user.onTransportError(transaction, cause);
        }

        @Override
        public void onTerminated(io.remotebank.signaling.sip.transaction.ServerTransaction transaction) {
            user.onTerminated(transaction);
        }
    }

    private void deliver(SipMessage message, InetSocketAddress source, SipTransportChannel flow) {
        SipMessage m = message;
        if (m instanceof SipRequest request) {
            m = ViaStamping.stamp(request, source);
        }
        layer.receive(m, flow);
    }

    private static CompletionStage<Void> toStage(ChannelFuture future) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        future.addListener(f -> {
            if (f.isSuccess()) {
                done.complete(null);
            } else {
                done.completeExceptionally(new SipTransportException("send failed", f.cause()));
            }
        });
        return done;
    }

    private static ByteBuf encode(Channel channel, SipMessage message) {
        ByteBuf buf = channel.alloc().buffer(message.encodedLength());
        message.encode(buf);
        return buf;
    }

    /** Receives datagrams. */
    private final class UdpHandler extends SimpleChannelInboundHandler<DatagramPacket> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            SipMessage message;
            int start = packet.content().readerIndex();
            try {
                message = parser.parse(packet.content());
            } catch (SipParseException e) {
                LOG.debug("dropped a malformed datagram: {}", e.code().code());
                // a request that does not parse gets its status statelessly; a response is dropped
                byte[] raw = io.netty.buffer.ByteBufUtil.getBytes(
                        packet.content(), start, packet.content().writerIndex() - start);
                io.remotebank.signaling.internal.sip.ua.StatelessReply.forMalformed(raw, e)
                        .ifPresent(reply ->
                                ctx.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(reply), packet.sender())));
                return;
            }
            deliver(message, packet.sender(), new UdpFlow(ctx.channel(), packet.sender()));
        }
    }

    /** A UDP flow: requests go to the next hop, responses per RFC 3261 18.2.2 and RFC 3581. */
    private static final class UdpFlow implements SipTransportChannel {
        private final Channel channel;
        private final InetSocketAddress remote;

        UdpFlow(Channel channel, InetSocketAddress remote) {
            this.channel = channel;
            this.remote = remote;
        }

        @Override
        public boolean reliable() {
            return false;
        }

        @Override
        public CompletionStage<Void> send(SipMessage message) {
            InetSocketAddress to = remote;
            if (message instanceof SipResponse && message.topVia().isPresent()) {
                try {
                    to = ViaStamping.responseDestination(message.topVia().get());
                } catch (IllegalArgumentException e) {
                    return CompletableFuture.failedFuture(new SipTransportException("bad Via for the response", e));
                }
            }
            if (to.isUnresolved()) {
                return CompletableFuture.failedFuture(
                        new SipTransportException("cannot resolve the destination", null));
            }
            return toStage(channel.writeAndFlush(new DatagramPacket(encode(channel, message), to)));
        }

        @Override
        public String toString() {
            return "UDP flow";
        }
    }

    /** A TCP connection. */
    private final class TcpFlow extends ChannelInboundHandlerAdapter implements SipTransportChannel {
        private Channel channel;
        private InetSocketAddress remote;
        private volatile boolean active;
        private final CompletableFuture<SipTransportChannel> ready = new CompletableFuture<>();

        @Override
        public boolean reliable() {
            return true;
        }

        @Override
        public CompletionStage<Void> send(SipMessage message) {
            Channel c = channel;
            if (c == null || !c.isActive()) {
                return CompletableFuture.failedFuture(
                        new SipTransportException("connection closed", new ClosedChannelException()));
            }
            return toStage(c.writeAndFlush(message));
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            channel = ctx.channel();
            remote = (InetSocketAddress) channel.remoteAddress();
            connections.putIfAbsent(remote, this);
            scheduleIdleCheck();
            ready.complete(this);
            ctx.fireChannelActive();
        }

        private void scheduleIdleCheck() {
            channel.eventLoop().schedule(this::idleCheck, idleTimeout.toNanos(), TimeUnit.NANOSECONDS);
        }

        private void idleCheck() {
            if (!channel.isActive()) {
                return;
            }
            if (active) {
                active = false;
                scheduleIdleCheck();
            } else {
                LOG.debug("closing an idle SIP connection");
                channel.close();
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            active = true;
            if (msg instanceof SipMessage message) {
                deliver(message, remote, this);
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt == SipStreamDecoder.KeepAlive.PING) {
                active = true;
                ctx.writeAndFlush(Unpooled.wrappedBuffer(PONG));
            } else {
                ctx.fireUserEventTriggered(evt);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // a bad Content-Length or other framing error: the stream cannot be resynchronised
            LOG.debug("closing a SIP connection after an error: {}", cause.toString());
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (remote != null) {
                connections.remove(remote, this);
            }
            ready.completeExceptionally(new SipTransportException("connection closed", null));
            layer.transportFailed(this, new ClosedChannelException());
        }

        @Override
        public String toString() {
            return "TCP flow";
        }
    }

    /** The TCP pipeline: stream decoder, encoder, the flow. */
    private final class StreamInitializer extends ChannelInitializer<SocketChannel> {
        private final TcpFlow flow;

        StreamInitializer() {
            this(null);
        }

        StreamInitializer(TcpFlow flow) {
            this.flow = flow;
        }

        @Override
        protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new SipStreamDecoder(parser), new SipEncoder(), flow == null ? new TcpFlow() : flow);
        }
    }

    @Override
    public Optional<InetSocketAddress> udpAddress() {
        return Optional.ofNullable(udpChannel).map(c -> (InetSocketAddress) c.localAddress());
    }

    @Override
    public Optional<InetSocketAddress> tcpAddress() {
        return Optional.ofNullable(tcpServer).map(c -> (InetSocketAddress) c.localAddress());
    }

    @Override
    public TransactionLayer transactions() {
        return layer;
    }

    @Override
    public CompletionStage<SipTransportChannel> channel(SipTransport transport, InetSocketAddress remote) {
        if (transport == SipTransport.UDP) {
            if (udpChannel == null) {
                return CompletableFuture.failedFuture(new SipTransportException("UDP is off", null));
            }
            return CompletableFuture.completedFuture(new UdpFlow(udpChannel, remote));
        }
        TcpFlow open = connections.get(remote);
        if (open != null && open.channel.isActive()) {
            return CompletableFuture.completedFuture(open);
        }
        TcpFlow flow = new TcpFlow();
        new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new StreamInitializer(flow))
                .connect(remote)
                .addListener(f -> {
                    if (!f.isSuccess()) {
                        flow.ready.completeExceptionally(
                                new SipTransportException("cannot connect to " + remote, f.cause()));
                    }
                });
        return flow.ready;
    }

    @Override
    public int openConnections() {
        return connections.size();
    }

    @Override
    public void close() {
        if (udpChannel != null) {
            udpChannel.close().syncUninterruptibly();
        }
        if (tcpServer != null) {
            tcpServer.close().syncUninterruptibly();
        }
        for (TcpFlow f : connections.values()) {
            f.channel.close().syncUninterruptibly();
        }
        if (ownGroup) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
