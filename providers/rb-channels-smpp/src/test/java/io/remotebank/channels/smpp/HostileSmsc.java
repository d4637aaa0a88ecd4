package io.remotebank.channels.smpp;

import io.remotebank.channels.smpp.pdu.CommandId;
import io.remotebank.channels.smpp.pdu.Pdu;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMSC on raw sockets, in-process on loopback, that misbehaves as the security tester's did. It
 * answers each bind as told (accept, refuse with a status in a bind_resp or a generic_nack, or never
 * answer) and hands each accepted connection to the test as a {@link RawPeer}, which can then flood
 * the client without reading, or serve it.
 *
 * <p>Its sockets have small buffers (64 KiB), so that a client that stops reading stalls a flood
 * after a few hundred KiB rather than after whatever the kernel would buffer.
 */
final class HostileSmsc implements AutoCloseable {

    /** How the SMSC answers a bind. */
    sealed interface BindAnswer {
        /** bind_resp ESME_ROK. */
        record Accept() implements BindAnswer {}

        /** bind_resp with an error status. */
        record Refuse(int status) implements BindAnswer {}

        /** generic_nack with a status (what an SMSC sends for a command it does not know). */
        record Nack(int status) implements BindAnswer {}

        /** Nothing: the bind is read and never answered. */
        record Ignore() implements BindAnswer {}
    }

    static final int SOCKET_BUFFER = 64 * 1024;

    private final ServerSocketChannel server;
    private final BindAnswer answer;
    private final AtomicInteger bindAttempts = new AtomicInteger();
    private final BlockingQueue<RawPeer> bound = new LinkedBlockingQueue<>();
    private final List<RawPeer> peers = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile boolean closed;

    private HostileSmsc(BindAnswer answer) throws IOException {
        this.answer = answer;
        this.server = ServerSocketChannel.open();
        // Accepted sockets inherit the receive buffer (set before listen, RFC 1323 window scaling).
        server.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        this.acceptor = new Thread(this::accept, "hostile-smsc");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static HostileSmsc start(BindAnswer answer) throws IOException {
        return new HostileSmsc(answer);
    }

    int port() {
        try {
            return ((InetSocketAddress) server.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Binds received so far, on every connection. */
    int bindAttempts() {
        return bindAttempts.get();
    }

    /** Waits until at least {@code n} binds were received; false if not in time. */
    boolean awaitBindAttempts(int n, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (bindAttempts) {
            while (bindAttempts.get() < n) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(bindAttempts, left);
            }
        }
        return true;
    }

    /** The next connection whose bind was accepted; it neither reads nor writes until told. */
    RawPeer nextBound(Duration timeout) throws InterruptedException {
        RawPeer p = bound.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (p == null) {
            throw new AssertionError("no bound connection within " + timeout);
        }
        return p;
    }

    private void accept() {
        while (!closed) {
            try {
                SocketChannel ch = server.accept();
                ch.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER);
                Thread t = new Thread(() -> session(ch), "hostile-smsc-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(SocketChannel ch) {
        try {
            byte[] octets = RawSmpp.readPdu(ch);
            Pdu bind = RawSmpp.decode(octets);
            synchronized (bindAttempts) {
                bindAttempts.incrementAndGet();
                bindAttempts.notifyAll();
            }
            CommandId resp = bind.commandId().response().orElseThrow();
            if (answer instanceof BindAnswer.Accept) {
                RawSmpp.write(ch, RawSmpp.encode(new Pdu.BindResp(resp, 0, bind.sequence(), "hostile", List.of())));
                RawPeer peer = new RawPeer(ch, "hostile-smsc");
                peers.add(peer);
                bound.add(peer);
                return;
            }
            if (answer instanceof BindAnswer.Refuse r) {
                RawSmpp.write(ch, RawSmpp.encode(new Pdu.BindResp(resp, r.status(), bind.sequence(), "", List.of())));
            } else if (answer instanceof BindAnswer.Nack n) {
                RawSmpp.write(
                        ch, RawSmpp.encode(new Pdu.HeaderOnly(CommandId.GENERIC_NACK, n.status(), bind.sequence())));
            }
            // Read on until the client hangs up.
            while (true) {
                RawSmpp.readPdu(ch);
            }
        } catch (IOException | RuntimeException e) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        peers.forEach(RawPeer::close);
    }
}
