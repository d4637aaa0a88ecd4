package io.remotebank.signaling.internal.sip.transport;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.remotebank.core.time.Scheduler;
import io.remotebank.signaling.SignalingError;
import io.remotebank.signaling.internal.sip.ua.StatelessReply;
import io.remotebank.signaling.sip.SipMessage;
import io.remotebank.signaling.sip.SipParseException;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.Via;
import io.remotebank.signaling.sip.transaction.ServerTransaction;
import io.remotebank.signaling.sip.transaction.SipTransportChannel;
import io.remotebank.signaling.sip.transaction.TransactionLayer;
import io.remotebank.signaling.sip.transaction.TransactionUser;
import io.remotebank.signaling.sip.transport.SipTransport;
import io.remotebank.signaling.sip.transport.SipTransportException;
import io.remotebank.signaling.sip.transport.TransportStats;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty engine behind {@code SipEndpoint}: the sockets, the connections and the transaction
 * layer. It offers what the API's endpoint offers but does not implement that interface: {@code
 * SipEndpoint.Builder} names this class and this class names none of the API's endpoint types, so
 * the two do not depend on each other in a circle.
 */
@API(status = INTERNAL, since = "0.1")
public final class NettyEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(NettyEndpoint.class);

    private final EndpointConfig config;
    private final EventLoopGroup group;
    private final boolean ownGroup;
    /** The channel types the group's event loops take (epoll or NIO, see {@link IoChoice}). */
    private final IoChoice io;

    private final TransactionLayer layer;
    private Channel udpChannel;
    private final Map<SipTransport, Channel> servers = new EnumMap<>(SipTransport.class);
    /** Established connections, by transport and peer address (RFC 3261 18.1.1, 18.2.2 reuse). */
    private final ConcurrentHashMap<FlowKey, ConnectionFlow> connections = new ConcurrentHashMap<>();
    /** Connections being opened, so that concurrent senders share one. */
    private final ConcurrentHashMap<FlowKey, ConnectionFlow> opening = new ConcurrentHashMap<>();

    /** Every connection, established or not, so that close() reaches those of a shared group too. */
    private final ChannelGroup all = new DefaultChannelGroup("sip-connections", GlobalEventExecutor.INSTANCE);

    private volatile boolean closed;

    /** The scheduler of the transaction timers, also the header timers'. */
    private final Scheduler timers;

    private final TransportCounters counters = new TransportCounters();
    private final ConnectionAdmission admission;

    private record FlowKey(SipTransport transport, InetSocketAddress remote) {}

    private NettyEndpoint(
            EndpointConfig config,
            EventLoopGroup group,
            boolean ownGroup,
            IoChoice io,
            Function<TransactionLayer, ? extends TransactionUser> user) {
        this.config = config;
        this.group = group;
        this.ownGroup = ownGroup;
        this.io = io;
        UserHolder holder = new UserHolder();
        // the event loops' own timers: each on the loop that sets it, on a grid so that those due
        // together wake that loop once
        this.timers = config.scheduler() == null
                ? new CoalescingScheduler(new EventLoopScheduler(group))
                : config.scheduler();
        this.admission = new ConnectionAdmission(
                config.limits().maxConnections(), config.limits().maxConnectionsPerAddress(), counters);
        this.layer = TransactionLayer.create(config.settings(), timers, holder);
        holder.user = user.apply(layer);
    }

    /**
     * Starts an endpoint (see {@code SipEndpoint.Builder.start}).
     *
     * @param config what the builder collected
     * @param user makes the transaction user
     * @return the endpoint
     */
    public static NettyEndpoint start(
            EndpointConfig config, Function<TransactionLayer, ? extends TransactionUser> user) {
        boolean own = config.group() == null;
        IoChoice io = own ? IoChoice.best() : IoChoice.NIO;
        EventLoopGroup g = own ? new MultiThreadIoEventLoopGroup(config.threads(), io.handlers()) : config.group();
        NettyEndpoint endpoint = new NettyEndpoint(config, g, own, io, user);
        try {
            for (Map.Entry<SipTransport, Integer> e : new EnumMap<>(config.ports()).entrySet()) {
                InetSocketAddress local = new InetSocketAddress(config.bind(), e.getValue());
                if (e.getKey() == SipTransport.UDP) {
                    UdpHandler udp = endpoint.new UdpHandler();
                    endpoint.udpChannel = new Bootstrap()
                            .group(g)
                            .channel(io.datagram())
                            // one byte more than the largest datagram taken whole: a datagram that
                            // fills the buffer may have been cut by the kernel (see UdpHandler)
                            .option(
                                    ChannelOption.RECVBUF_ALLOCATOR,
                                    new FixedRecvByteBufAllocator(config.maxDatagramSize() + 1))
                            .option(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark(config))
                            .handler(new ChannelInitializer<DatagramChannel>() {
                                @Override
                                protected void initChannel(DatagramChannel ch) {
                                    ch.pipeline()
                                            .addLast(
                                                    "back-pressure",
                                                    new BackPressure(
                                                            config.limits().maxPendingOutboundBytes(),
                                                            BackPressure.Overflow.DROP,
                                                            endpoint.counters))
                                            .addLast("udp", udp);
                                }
                            })
                            .bind(local)
                            .sync()
                            .channel();
                } else {
                    endpoint.servers.put(e.getKey(), endpoint.bindServer(e.getKey(), local));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            endpoint.close();
            throw new SipTransportException("interrupted while binding", e);
        } catch (Exception e) { // Netty rethrows the BindException unchecked
            endpoint.close();
            throw new SipTransportException("cannot bind " + config.bind().getHostAddress() + ": " + e.getMessage(), e);
        }
        return endpoint;
    }

    private Channel bindServer(SipTransport transport, InetSocketAddress local) throws InterruptedException {
        return new ServerBootstrap()
                .group(group)
                .channel(io.server())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark(config))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        InetAddress peer = ch.remoteAddress().getAddress();
                        if (!admission.admit(peer)) {
                            LOG.debug("refused a {} connection: the connection limit is reached", transport);
                            ch.close();
                            return;
                        }
                        ch.closeFuture().addListener(f -> admission.release(peer));
                        ConnectionFlow flow = transport.webSocket()
                                ? new WebSocketFlow(NettyEndpoint.this, transport, true)
                                : new StreamFlow(NettyEndpoint.this, transport, true);
                        track(ch);
                        Pipelines.init(ch, flow, config, null);
                    }
                })
                .bind(local)
                .sync()
                .channel();
    }

    private void track(Channel ch) {
        all.add(ch);
        if (closed) {
            ch.close();
        }
    }

    EndpointConfig config() {
        return config;
    }

    /** The scheduler of the header timers (the transaction layer's). */
    Scheduler timers() {
        return timers;
    }

    TransportCounters counters() {
        return counters;
    }

    private static WriteBufferWaterMark waterMark(EndpointConfig config) {
        return new WriteBufferWaterMark(
                config.limits().writeBufferLowWaterMark(), config.limits().writeBufferHighWaterMark());
    }

    void register(ConnectionFlow flow) {
        // the newest connection to a peer is the one reused; an older one lives on until it closes
        connections.put(new FlowKey(flow.transport, flow.remote), flow);
    }

    void unregister(ConnectionFlow flow) {
        if (flow.remote != null) {
            connections.remove(new FlowKey(flow.transport, flow.remote), flow);
        }
        for (InetSocketAddress alias : flow.aliases) {
            connections.remove(new FlowKey(flow.transport, alias), flow);
        }
    }

    /**
     * RFC 5923 4: a request over TCP whose top Via carries {@code alias} offers its connection for
     * requests to its sent-by address. Only taken when the sent-by host is the very address the
     * connection comes from (so a peer cannot claim another host's address); over TLS RFC 5923 would
     * need the peer's certificate, and a WebSocket client is never reachable, so neither is aliased.
     */
    private void alias(SipRequest request, InetSocketAddress source, ConnectionFlow flow) {
        Optional<Via> top = request.topVia();
        if (flow.transport != SipTransport.TCP
                || !flow.inbound
                || top.isEmpty()
                || !top.get().parameters().has("alias")) {
            return;
        }
        Via via = top.get();
        String host = unbracket(via.host());
        if (!ViaStamping.isLiteral(host) || !ViaStamping.hostEquals(via.host(), source.getAddress())) {
            return;
        }
        InetSocketAddress alias =
                new InetSocketAddress(source.getAddress(), via.sentByPort().orElse(flow.transport.defaultPort()));
        if (flow.aliases.add(alias) && flow.channel.isActive()) {
            connections.put(new FlowKey(flow.transport, alias), flow);
        }
    }

    /** Lets the transaction layer exist before the user that needs it. */
    private static final class UserHolder implements TransactionUser {
        TransactionUser user;

        @Override
        public void onRequest(ServerTransaction transaction) {
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
        public void onTimeout(ServerTransaction transaction) {
            user.onTimeout(transaction);
        }

        @Override
        public void onTransportError(ServerTransaction transaction, Throwable cause) {
            user.onTransportError(transaction, cause);
        }

        @Override
        public void onTerminated(ServerTransaction transaction) {
            user.onTerminated(transaction);
        }
    }

    void deliver(SipMessage message, InetSocketAddress source, SipTransportChannel flow) {
        SipMessage m = message;
        if (m instanceof SipRequest request) {
            if (flow instanceof ConnectionFlow connection) {
                alias(request, source, connection);
            }
            m = ViaStamping.stamp(request, source);
        }
        layer.receive(m, flow);
    }

    static CompletionStage<Void> toStage(ChannelFuture future) {
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

    /**
     * RFC 3261 18.2.2: the connection a request came on is gone, so the response goes over a
     * connection to the {@code received} address (else the sent-by host) and the sent-by port.
     */
    CompletionStage<Void> sendResponseOnNewConnection(SipTransport transport, SipResponse response) {
        Optional<Via> top = response.topVia();
        if (top.isEmpty()) {
            return CompletableFuture.failedFuture(new SipTransportException("a response without a Via", null));
        }
        Via via = top.get();
        String host = via.received().filter(s -> !s.isEmpty()).orElse(via.host());
        if (host.toLowerCase(Locale.ROOT).endsWith(".invalid")) {
            return CompletableFuture.failedFuture(new SipTransportException(
                    "the connection is closed and the client cannot be reached (" + host + ")", null));
        }
        if (!ViaStamping.isLiteral(unbracket(host))) {
            // received is always an address; a bare name would need RFC 3263 resolution
            return CompletableFuture.failedFuture(
                    new SipTransportException("the connection is closed and no received address is known", null));
        }
        InetSocketAddress to =
                new InetSocketAddress(unbracket(host), via.sentByPort().orElse(transport.defaultPort()));
        return channel(transport, to).thenCompose(c -> c.send(response));
    }

    private static String unbracket(String h) {
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    private static ByteBuf encode(Channel channel, SipMessage message) {
        ByteBuf buf = channel.alloc().buffer(message.encodedLength());
        message.encode(buf);
        return buf;
    }

    /**
     * Receives datagrams, each into a buffer one byte larger than the largest datagram taken whole.
     * A datagram that fills it may have been cut by the kernel, which drops what does not fit
     * without a word; RFC 3261 18.3 makes a body shorter than its Content-Length an error, and one
     * without Content-Length would end, cut, where the datagram did. So such a datagram is never
     * processed: a request gets 513 Message Too Large (RFC 3261 21.5.14) statelessly when its
     * header fields survived, a response is dropped (RFC 3261 18.1.2).
     */
    private final class UdpHandler extends SimpleChannelInboundHandler<DatagramPacket> {
        private static final ByteBuf HEADER_END =
                Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(new byte[] {'\r', '\n', '\r', '\n'}));

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            ByteBuf content = packet.content();
            int start = content.readerIndex();
            int length = content.readableBytes();
            if (length > config.maxDatagramSize()) {
                counters.truncatedDatagrams.increment();
                LOG.debug("dropped a datagram that filled the {}-byte receive buffer", length);
                if (ByteBufUtil.indexOf(HEADER_END, content) < 0) {
                    return; // the header block itself was cut: a reply could copy a cut field
                }
                replyStatelessly(
                        ctx,
                        packet,
                        new SipParseException(
                                SignalingError.SIP_TOO_LARGE,
                                513,
                                "Message Too Large",
                                config.maxDatagramSize(),
                                "a datagram of more than " + config.maxDatagramSize() + " bytes"));
                return;
            }
            SipMessage message;
            try {
                message = config.parser().parse(content);
            } catch (SipParseException e) {
                LOG.debug("dropped a malformed datagram: {}", e.code().code());
                content.readerIndex(start);
                replyStatelessly(ctx, packet, e);
                return;
            }
            deliver(message, packet.sender(), new UdpFlow(ctx.channel(), packet.sender()));
        }

        /** A request that cannot be processed gets its status statelessly; a response is dropped. */
        private void replyStatelessly(ChannelHandlerContext ctx, DatagramPacket packet, SipParseException e) {
            ByteBuf content = packet.content();
            byte[] raw = ByteBufUtil.getBytes(content, content.readerIndex(), content.readableBytes());
            StatelessReply.forMalformed(raw, e)
                    .ifPresent(reply ->
                            ctx.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(reply), packet.sender())));
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
            return "UDP flow to " + remote;
        }
    }

    public Optional<InetSocketAddress> udpAddress() {
        return address(SipTransport.UDP);
    }

    public Optional<InetSocketAddress> tcpAddress() {
        return address(SipTransport.TCP);
    }

    public Optional<InetSocketAddress> address(SipTransport transport) {
        Channel c = transport == SipTransport.UDP ? udpChannel : servers.get(transport);
        return Optional.ofNullable(c).map(ch -> (InetSocketAddress) ch.localAddress());
    }

    public TransactionLayer transactions() {
        return layer;
    }

    public CompletionStage<SipTransportChannel> channel(SipTransport transport, InetSocketAddress remote) {
        if (closed) {
            return CompletableFuture.failedFuture(new SipTransportException("the endpoint is closed", null));
        }
        if (remote.isUnresolved()) {
            return CompletableFuture.failedFuture(new SipTransportException("unresolved address " + remote, null));
        }
        if (transport == SipTransport.UDP) {
            if (udpChannel == null) {
                return CompletableFuture.failedFuture(new SipTransportException("UDP is off", null));
            }
            return CompletableFuture.completedFuture(new UdpFlow(udpChannel, remote));
        }
        FlowKey key = new FlowKey(transport, remote);
        ConnectionFlow open = connections.get(key);
        if (open != null && open.isOpen()) {
            return CompletableFuture.completedFuture(open);
        }
        boolean[] created = {false};
        ConnectionFlow flow = opening.computeIfAbsent(key, k -> {
            created[0] = true;
            return transport.webSocket()
                    ? new WebSocketFlow(this, transport, false)
                    : new StreamFlow(this, transport, false);
        });
        if (created[0]) {
            flow.ready.whenComplete((c, e) -> opening.remove(key, flow));
            connect(flow, remote);
        }
        return flow.ready;
    }

    private void connect(ConnectionFlow flow, InetSocketAddress remote) {
        new Bootstrap()
                .group(group)
                .channel(io.socket())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark(config))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        track(ch);
                        Pipelines.init(ch, flow, config, remote);
                    }
                })
                .connect(remote)
                .addListener(f -> {
                    if (!f.isSuccess()) {
                        flow.ready.completeExceptionally(
                                new SipTransportException("cannot connect to " + remote, f.cause()));
                    }
                });
    }

    public int openConnections() {
        return (int) connections.values().stream().distinct().count();
    }

    public TransportStats stats() {
        long pending = udpChannel == null ? 0 : BackPressure.pending(udpChannel);
        for (Channel c : all) {
            pending += BackPressure.pending(c);
        }
        return new TransportStats(
                openConnections(),
                pending,
                counters.refusedOverTotalLimit.sum(),
                counters.refusedOverAddressLimit.sum(),
                counters.closedHeaderTimeout.sum(),
                counters.closedIdle.sum(),
                counters.closedOutboundOverflow.sum(),
                counters.droppedDatagramReplies.sum(),
                counters.truncatedDatagrams.sum());
    }

    public void close() {
        closed = true;
        if (udpChannel != null) {
            udpChannel.close().syncUninterruptibly();
        }
        for (Channel server : servers.values()) {
            server.close().syncUninterruptibly();
        }
        all.close().awaitUninterruptibly(); // a connection that fails to close is closed anyway
        if (ownGroup) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
