package io.remotebank.signaling.internal.sip.transport;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The I/O an endpoint's own event loops use: Netty's native epoll transport where it is on the class
 * or module path and its native library loads (Linux), else Java NIO. Epoll reads a datagram with one
 * system call into the buffer and waits without NIO's selector bookkeeping, which a busy UDP
 * endpoint feels per request. An endpoint on the application's event loop group keeps NIO, the
 * transport such a group is made for unless the application says otherwise.
 *
 * @param name "epoll" or "nio"
 * @param handlers makes the event loops' I/O handlers
 * @param datagram the UDP channel type
 * @param server the listening TCP channel type
 * @param socket the TCP connection type
 */
record IoChoice(
        String name,
        IoHandlerFactory handlers,
        Class<? extends DatagramChannel> datagram,
        Class<? extends ServerChannel> server,
        Class<? extends SocketChannel> socket) {

    private static final Logger LOG = LoggerFactory.getLogger(IoChoice.class);

    /** Java NIO, available everywhere. */
    static final IoChoice NIO = new IoChoice(
            "nio",
            NioIoHandler.newFactory(),
            NioDatagramChannel.class,
            NioServerSocketChannel.class,
            NioSocketChannel.class);

    private static final IoChoice BEST = choose();

    /** Epoll when it is present and loads, else NIO; chosen once per JVM. */
    static IoChoice best() {
        return BEST;
    }

    private static IoChoice choose() {
        if (Boolean.getBoolean("io.remotebank.signaling.nio")) {
            return NIO; // the operator's choice (e.g. to compare the two)
        }
        try {
            Class.forName("io.netty.channel.epoll.Epoll", false, IoChoice.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return NIO; // Netty's epoll classes are not there: nothing to try
        }
        try {
            Optional<IoChoice> epoll = NativeIo.epoll();
            if (epoll.isPresent()) {
                return epoll.get();
            }
        } catch (LinkageError e) {
            LOG.debug("Netty's epoll transport is not usable here: {}", e.toString());
        }
        return NIO;
    }
}
