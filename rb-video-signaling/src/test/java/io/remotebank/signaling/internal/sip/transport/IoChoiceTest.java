package io.remotebank.signaling.internal.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The event loops' I/O: epoll where Netty's native library loads, else NIO; both carry UDP and TCP. */
class IoChoiceTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void onLinuxX86_64_withNettysNativeLibrary_anEndpointsOwnLoopsUseEpoll() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        assumeTrue(
                os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64")),
                "the test class path has Netty's epoll library for Linux x86_64 only, this is " + os + " " + arch);
        assertThat(IoChoice.best().name()).isEqualTo("epoll");
    }

    @Test
    void nio_carriesADatagramAndAConnection() throws Exception {
        carriesADatagramAndAConnection(IoChoice.NIO);
    }

    @Test
    void theBestChoice_carriesADatagramAndAConnection() throws Exception {
        carriesADatagramAndAConnection(IoChoice.best());
    }

    /** The three channel types register on the loops of the choice's handler factory and work. */
    private static void carriesADatagramAndAConnection(IoChoice io) throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, io.handlers());
        try {
            CompletableFuture<String> datagram = new CompletableFuture<>();
            Channel receiver = new Bootstrap()
                    .group(group)
                    .channel(io.datagram())
                    .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                        @Override
                        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
                            datagram.complete(packet.content().toString(StandardCharsets.US_ASCII));
                        }
                    })
                    .bind(new InetSocketAddress(LOOPBACK, 0))
                    .sync()
                    .channel();
            Channel sender = new Bootstrap()
                    .group(group)
                    .channel(io.datagram())
                    .handler(new ChannelInboundHandlerAdapter())
                    .bind(new InetSocketAddress(LOOPBACK, 0))
                    .sync()
                    .channel();
            sender.writeAndFlush(new DatagramPacket(ascii("OPTIONS"), (InetSocketAddress) receiver.localAddress()))
                    .sync();
            assertThat(datagram.get(10, TimeUnit.SECONDS)).isEqualTo("OPTIONS");

            CompletableFuture<String> stream = new CompletableFuture<>();
            Channel server = new ServerBootstrap()
                    .group(group)
                    .channel(io.server())
                    .childHandler(new SimpleChannelInboundHandler<ByteBuf>() {
                        @Override
                        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
                            stream.complete(msg.toString(StandardCharsets.US_ASCII));
                        }
                    })
                    .bind(new InetSocketAddress(LOOPBACK, 0))
                    .sync()
                    .channel();
            Channel client = new Bootstrap()
                    .group(group)
                    .channel(io.socket())
                    .handler(new ChannelInboundHandlerAdapter())
                    .connect(server.localAddress())
                    .sync()
                    .channel();
            client.writeAndFlush(ascii("R")).sync(); // one byte: one read on the other side
            assertThat(stream.get(10, TimeUnit.SECONDS)).isEqualTo("R");
            client.close().sync();
            server.close().sync();
            sender.close().sync();
            receiver.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static ByteBuf ascii(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
    }
}
