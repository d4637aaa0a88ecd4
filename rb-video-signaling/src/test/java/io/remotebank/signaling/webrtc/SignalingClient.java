package io.remotebank.signaling.webrtc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A plain Netty WebSocket client (not the server's code) that speaks the signaling protocol. */
public final class SignalingClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final BlockingQueue<ObjectNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<String> handshake = new CompletableFuture<>();
    /** The close status the server sent, or -1 when the connection closed without one. */
    public final CompletableFuture<Integer> closeStatus = new CompletableFuture<>();

    private Channel channel;
    private long seq;

    /** Connects to {@code ws://127.0.0.1:port/path} and completes the handshake. */
    public static SignalingClient connect(InetSocketAddress server, String path) throws Exception {
        return connect(server, path, null, null, Map.of());
    }

    public static SignalingClient connect(
            InetSocketAddress server, String path, String subprotocol, SslContext ssl, Map<String, String> headers)
            throws Exception {
        SignalingClient client = new SignalingClient();
        try {
            client.open(server, path, subprotocol, ssl, headers);
            client.handshake.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            client.close();
            throw e;
        }
        return client;
    }

    /** The HTTP status a refused handshake got. */
    public static int refusedStatus(
            InetSocketAddress server, String path, String subprotocol, Map<String, String> headers) throws Exception {
        SignalingClient client = new SignalingClient();
        try {
            client.open(server, path, subprotocol, null, headers);
            client.handshake.get(10, TimeUnit.SECONDS);
            throw new AssertionError("the handshake succeeded");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketClientHandshakeException refused && refused.response() != null) {
                return refused.response().status().code();
            }
            throw e;
        } finally {
            client.close();
        }
    }

    private void open(
            InetSocketAddress server, String path, String subprotocol, SslContext ssl, Map<String, String> headers)
            throws Exception {
        URI uri = URI.create((ssl == null ? "ws" : "wss") + "://127.0.0.1:" + server.getPort() + path);
        HttpHeaders custom = new DefaultHttpHeaders();
        headers.forEach(custom::set);
        channel = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (ssl != null) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc(), "localhost", server.getPort()));
                        }
                        ch.pipeline()
                                .addLast(
                                        new HttpClientCodec(),
                                        new HttpObjectAggregator(65536),
                                        new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                                                .webSocketUri(uri)
                                                .subprotocol(subprotocol)
                                                .customHeaders(custom)
                                                .handleCloseFrames(false)
                                                .maxFramePayloadLength(1 << 20)
                                                .build()),
                                        new Collector());
                    }
                })
                .connect(server)
                .sync()
                .channel();
        channel.closeFuture().addListener(f -> {
            handshake.completeExceptionally(new IllegalStateException("closed"));
            closeStatus.complete(-1);
        });
    }

    private final class Collector extends SimpleChannelInboundHandler<WebSocketFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) throws Exception {
            if (frame instanceof TextWebSocketFrame text) {
                received.add((ObjectNode) JSON.readTree(text.text()));
            } else if (frame instanceof CloseWebSocketFrame close) {
                closeStatus.complete(close.statusCode());
                ctx.close();
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
    public String subprotocol() throws Exception {
        return handshake.get();
    }

    public void sendText(String text) {
        channel.writeAndFlush(new TextWebSocketFrame(text)).syncUninterruptibly();
    }

    /** Sends a message of the protocol; one that needs it gets the next client sequence number. */
    public ObjectNode send(String type, Object... fields) {
        ObjectNode message = JSON.createObjectNode();
        message.put("type", type);
        for (int i = 0; i < fields.length; i += 2) {
            message.set((String) fields[i], JSON.valueToTree(fields[i + 1]));
        }
        if (!type.equals("join") && !type.equals("resume") && !type.equals("ping") && !message.has("seq")) {
            message.put("seq", ++seq);
        }
        sendText(message.toString());
        return message;
    }

    /** Sends a message with the sequence number given (a resend after a resume). */
    public void sendWithSeq(long number, String type, Object... fields) {
        Object[] all = new Object[fields.length + 2];
        System.arraycopy(fields, 0, all, 0, fields.length);
        all[fields.length] = "seq";
        all[fields.length + 1] = number;
        send(type, all);
    }

    /** Joins with a token; returns the joined message. */
    public ObjectNode join(String room, String role, String token) throws InterruptedException {
        send("join", "v", 1, "room", room, "role", role, "token", token);
        return expect("joined");
    }

    /** The next message, or an assertion failure after 10 s. */
    public ObjectNode next() throws InterruptedException {
        ObjectNode message = received.poll(10, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no message within 10 s");
        }
        return message;
    }

    /** The next message, which must be of this type. */
    public ObjectNode expect(String type) throws InterruptedException {
        ObjectNode message = next();
        if (!message.path("type").asText().equals(type)) {
            throw new AssertionError("expected " + type + " but got " + message);
        }
        return message;
    }

    /** The code of the next message, which must be an error. */
    public String errorCode() throws InterruptedException {
        return expect("error").path("code").asText();
    }

    /** Whether a message is waiting, without waiting. */
    public ObjectNode poll() {
        return received.poll();
    }

    /** Waits for the close and returns the status the server sent (-1: none). */
    public int awaitClose() throws Exception {
        return closeStatus.get(10, TimeUnit.SECONDS);
    }

    /** Drops the connection without a close frame, as a lost network does. */
    public void drop() {
        channel.close().syncUninterruptibly();
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
