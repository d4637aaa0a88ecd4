package io.remotebank.signaling.sip.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A plain Netty WebSocket client (not our transport) that speaks SIP over WebSocket as RFC 7118 says. */
final class WebSocketProbe implements AutoCloseable {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<String> handshake = new CompletableFuture<>();
    private Channel channel;

    /**
     * Connects and completes the WebSocket handshake.
     *
     * @param server the server
     * @param ssl a client context for wss, or null for ws
     * @param subprotocol the subprotocol to ask for, or null
     */
    static WebSocketProbe connect(InetSocketAddress server, SslContext ssl, String subprotocol) throws Exception {
        WebSocketProbe probe = new WebSocketProbe();
        try {
            probe.open(server, ssl, subprotocol);
            probe.handshake.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            probe.close();
            throw e;
        }
        return probe;
    }

    private void open(InetSocketAddress server, SslContext ssl, String subprotocol) throws Exception {
        URI uri = URI.create((ssl == null ? "ws" : "wss") + "://127.0.0.1:" + server.getPort() + "/sip");
        channel = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (ssl != null) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc(), "127.0.0.1", server.getPort()));
                        }
                        ch.pipeline()
                                .addLast(
                                        new HttpClientCodec(),
                                        new HttpObjectAggregator(8192),
                                        new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                                                .webSocketUri(uri)
                                                .subprotocol(subprotocol)
                                                .build()),
                                        new Collector());
                    }
                })
                .connect(server)
                .sync()
                .channel();
        channel.closeFuture().addListener(f -> handshake.completeExceptionally(new IllegalStateException("closed")));
    }

    private final class Collector extends SimpleChannelInboundHandler<WebSocketFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof TextWebSocketFrame text) {
                received.add(text.text());
            } else if (frame instanceof BinaryWebSocketFrame binary) {
                received.add("binary:" + binary.content().toString(StandardCharsets.UTF_8));
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                WebSocketClientProtocolHandler h = ctx.pipeline().get(WebSocketClientProtocolHandler.class);
                String chosen = h.handshaker().actualSubprotocol();
                handshake.complete(chosen == null ? "" : chosen);
            }
            ctx.fireUserEventTriggered(evt);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            handshake.completeExceptionally(cause);
            ctx.close();
        }
    }

    /** The subprotocol the server chose ("" for none). */
    String subprotocol() throws Exception {
        return handshake.get();
    }

    void sendText(String text) {
        channel.writeAndFlush(new TextWebSocketFrame(text)).syncUninterruptibly();
    }

    void sendBinary(byte[] bytes) {
        channel.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(bytes)))
                .syncUninterruptibly();
    }

    /** Sends one text message in two fragments (RFC 6455 5.4). */
    void sendFragments(String first, String rest) {
        channel.write(new TextWebSocketFrame(false, 0, first));
        channel.writeAndFlush(new ContinuationWebSocketFrame(true, 0, rest)).syncUninterruptibly();
    }

    /** The next message received, or null after 10 s. */
    String next() throws InterruptedException {
        return received.poll(10, TimeUnit.SECONDS);
    }

    boolean awaitClosed() throws InterruptedException {
        return channel.closeFuture().await(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
