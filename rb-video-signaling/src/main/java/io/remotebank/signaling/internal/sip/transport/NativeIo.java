package io.remotebank.signaling.internal.sip.transport;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import java.util.Optional;

/**
 * Netty's native epoll transport, the only class that names it: {@link IoChoice} loads this class
 * only after it found Netty's epoll classes, which rb-video-signaling does not require (an optional
 * dependency; the application adds {@code netty-transport-native-epoll} with its native library).
 */
final class NativeIo {

    private NativeIo() {}

    /** The epoll transport when its native library loaded on this machine. */
    static Optional<IoChoice> epoll() {
        if (!Epoll.isAvailable()) {
            return Optional.empty();
        }
        return Optional.of(new IoChoice(
                "epoll",
                EpollIoHandler.newFactory(),
                EpollDatagramChannel.class,
                EpollServerSocketChannel.class,
                EpollSocketChannel.class));
    }
}
