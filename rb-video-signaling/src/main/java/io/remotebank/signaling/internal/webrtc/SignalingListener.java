package io.remotebank.signaling.internal.webrtc;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.remotebank.core.tls.TlsPolicy;
import io.remotebank.signaling.SignalingError;
import io.remotebank.signaling.webrtc.WebRtcSignalingException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/** The signaling server's own port (WS, or WSS with a TLS context), on given or own event loops. */
@API(status = INTERNAL, since = "0.1")
public final class SignalingListener implements AutoCloseable {

    /** The largest handshake request accepted. */
    private static final int MAX_HANDSHAKE = 16 * 1024;

    private final EventLoopGroup group;
    private final boolean ownGroup;
    private final Channel server;
    private final ChannelGroup all;

    private SignalingListener(EventLoopGroup group, boolean ownGroup, Channel server, ChannelGroup all) {
        this.group = group;
        this.ownGroup = ownGroup;
        this.server = server;
        this.all = all;
    }

    /**
     * Binds the port.
     *
     * @param local the address to bind (port 0: ephemeral)
     * @param channels the handlers of each connection
     * @param tls the server context for WSS, or null for WS
     * @param policy what each TLS engine passes
     * @param group the application's event loops, or null for own ones
     * @param threads the threads of own event loops
     * @return the listener
     * @throws WebRtcSignalingException with {@code signaling.webrtc.server} when the port cannot be bound
     */
    public static SignalingListener bind(
            InetSocketAddress local,
            SignalingChannels channels,
            SslContext tls,
            TlsPolicy policy,
            EventLoopGroup group,
            int threads) {
        boolean own = group == null;
        EventLoopGroup g = own ? new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory()) : group;
        ChannelGroup all = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        try {
            Channel server = new ServerBootstrap()
                    .group(g)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            all.add(ch);
                            if (tls != null) {
                                ch.pipeline()
                                        .addLast(
                                                "tls", new SslHandler(policy.applyToServer(tls.newEngine(ch.alloc()))));
                            }
                            ch.pipeline().addLast("http", new HttpServerCodec());
                            ch.pipeline().addLast("http-aggregator", new HttpObjectAggregator(MAX_HANDSHAKE));
                            channels.install(ch.pipeline());
                        }
                    })
                    .bind(local)
                    .sync()
                    .channel();
            return new SignalingListener(g, own, server, all);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutdown(g, own);
            throw new WebRtcSignalingException(SignalingError.WEBRTC_SERVER, "interrupted while binding", e);
        } catch (Exception e) { // Netty rethrows the BindException unchecked
            shutdown(g, own);
            throw new WebRtcSignalingException(
                    SignalingError.WEBRTC_SERVER, "cannot bind " + local + ": " + e.getMessage(), e);
        }
    }

    /** The bound address. */
    public InetSocketAddress address() {
        return (InetSocketAddress) server.localAddress();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        all.close().awaitUninterruptibly(); // the connections too, when the event loops are the application's
        shutdown(group, ownGroup);
    }

    private static void shutdown(EventLoopGroup group, boolean own) {
        if (own) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
