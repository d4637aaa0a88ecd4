package io.remotebank.channels.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import io.remotebank.channels.wechat.crypto.Signatures;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The Netty mounting of docs/rb-channels-wechat.md, compiled and run over loopback. */
class WeChatNettyGuideTest {

    private static final String TOKEN = "rbToken2026";
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    void theEndpointMountsInNetty() throws Exception {
        List<CallbackMessage> accepted = new CopyOnWriteArrayList<>();
        CallbackEndpoint endpoint = CallbackEndpoint.of(
                CallbackConfig.builder(Platform.OFFICIAL_ACCOUNT)
                        .token(TOKEN)
                        .receiveId("wx0123456789abcdef")
                        .mode(CallbackMode.PLAINTEXT)
                        .maxBodyBytes(4096)
                        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                        .build(),
                message -> {
                    accepted.add(message);
                    return Optional.empty();
                });
        // tag::netty[]
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        // The listener may block (a database write, Messaging.receive): it runs off the event loop.
        EventExecutorGroup callbacks = new DefaultEventExecutorGroup(4);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loops)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new HttpServerCodec())
                                // Answers 413 itself past the limit: nothing longer is buffered.
                                .addLast(new HttpObjectAggregator(
                                        endpoint.config().maxBodyBytes()))
                                .addLast(callbacks, new SimpleChannelInboundHandler<FullHttpRequest>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                                        String uri = request.uri();
                                        int query = uri.indexOf('?');
                                        CallbackResponse response;
                                        try {
                                            response = endpoint.apply(CallbackRequest.of(
                                                    request.method().name(),
                                                    query < 0 ? null : uri.substring(query + 1),
                                                    ByteBufUtil.getBytes(request.content())));
                                        } catch (CallbackException e) { // a query with a parameter twice
                                            response = CallbackResponse.text(
                                                    e.httpStatus(), e.code().code());
                                        }
                                        FullHttpResponse answer = new DefaultFullHttpResponse(
                                                HttpVersion.HTTP_1_1,
                                                HttpResponseStatus.valueOf(response.status()),
                                                Unpooled.wrappedBuffer(response.body()));
                                        answer.headers()
                                                .set(HttpHeaderNames.CONTENT_TYPE, response.contentType())
                                                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length)
                                                // Said, so that no client reuses the connection closed below.
                                                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                                        ctx.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
                                    }
                                });
                    }
                });
        Channel server =
                bootstrap.bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
        // end::netty[]
        try {
            int port = ((InetSocketAddress) server.localAddress()).getPort();
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            String ts = Long.toString(NOW.getEpochSecond());
            URI uri = URI.create("http://127.0.0.1:" + port + "/wechat?signature=" + Signatures.sign(TOKEN, ts, "7")
                    + "&timestamp=" + ts + "&nonce=7");

            HttpResponse<String> ok = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(5))
                            .POST(HttpRequest.BodyPublishers.ofString("<xml><FromUserName>oUser123456</FromUserName>"
                                    + "<MsgType>text</MsgType><Content>hi</Content><MsgId>9</MsgId></xml>"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> oversize = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(5))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[8192]))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo("success");
            assertThat(oversize.statusCode()).isEqualTo(413);
            assertThat(accepted).hasSize(1);
        } finally {
            server.close().sync();
            loops.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS)
                    .sync();
            callbacks
                    .shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS)
                    .sync();
        }
    }
}
