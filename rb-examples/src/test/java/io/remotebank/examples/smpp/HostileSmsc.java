package io.remotebank.examples.smpp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.remotebank.channels.smpp.pdu.CommandId;
import io.remotebank.channels.smpp.pdu.Pdu;
import io.remotebank.channels.smpp.pdu.PduCodec;
import io.remotebank.channels.smpp.pdu.SmeAddress;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * An SMSC on raw sockets (in-process, loopback) that answers the bind and then misbehaves as the
 * security tester's did: it never answers again, or it floods the client with one request and never
 * reads a byte. Small socket buffers (64 KiB), so that what a client leaves unread stalls it soon.
 */
final class HostileSmsc implements AutoCloseable {

    /** What the SMSC does after the bind. */
    enum After {
        /** Nothing: it neither reads nor writes. */
        NOTHING,
        /** Writes enquire_link after enquire_link, never reading. */
        FLOOD_ENQUIRE_LINK,
        /** Writes deliver_sm (an MO message) after deliver_sm, never reading. */
        FLOOD_DELIVER_SM
    }

    private static final int SOCKET_BUFFER = 64 * 1024;

    private final ServerSocketChannel server;
    private final After after;
    private final AtomicLong written = new AtomicLong();
    private final List<SocketChannel> connections = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private HostileSmsc(After after) throws IOException {
        this.after = after;
        this.server = ServerSocketChannel.open();
        server.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        Thread acceptor = new Thread(this::accept, "hostile-smsc");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static HostileSmsc start(After after) throws IOException {
        return new HostileSmsc(after);
    }

    int port() {
        return server.socket().getLocalPort();
    }

    /** Octets of flood written so far, on every connection. */
    long written() {
        return written.get();
    }

    private void accept() {
        while (!closed) {
            try {
                SocketChannel ch = server.accept();
                ch.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER);
                connections.add(ch);
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
            Pdu bind = decode(readPdu(ch));
            write(
                    ch,
                    encode(new Pdu.BindResp(
                            bind.commandId().response().orElseThrow(), 0, bind.sequence(), "hostile", List.of())));
            Pdu request = switch (after) {
                case NOTHING -> null;
                case FLOOD_ENQUIRE_LINK -> new Pdu.HeaderOnly(CommandId.ENQUIRE_LINK, 0, 7);
                case FLOOD_DELIVER_SM -> mo();
            };
            if (request == null) {
                return; // the connection stays open, unread, until the client or close() ends it
            }
            flood(ch, request, written, () -> closed);
        } catch (IOException | RuntimeException e) {
            // the client closed the connection, or close() did
        }
    }

    /** Writes copies of a request until {@code stop} says so; blocks while the other side does not read. */
    static void flood(SocketChannel ch, Pdu request, AtomicLong written, BooleanSupplier stop) throws IOException {
        byte[] one = encode(request);
        byte[] chunk = new byte[one.length * (65_536 / one.length)];
        for (int at = 0; at < chunk.length; at += one.length) {
            System.arraycopy(one, 0, chunk, at, one.length);
        }
        while (!stop.getAsBoolean()) {
            ByteBuffer b = ByteBuffer.wrap(chunk);
            while (b.hasRemaining()) {
                written.addAndGet(ch.write(b));
            }
        }
    }

    private static Pdu mo() {
        return new Pdu.ShortMessage(
                CommandId.DELIVER_SM,
                9,
                "",
                SmeAddress.international("+8613800000000"),
                new SmeAddress(0, 1, "95588"),
                0,
                0,
                0,
                "",
                "",
                0,
                0,
                0,
                0,
                "TD".getBytes(StandardCharsets.US_ASCII),
                List.of());
    }

    static byte[] encode(Pdu pdu) {
        ByteBuf buf = Unpooled.buffer(256);
        try {
            PduCodec.encode(pdu, buf);
            byte[] out = new byte[buf.readableBytes()];
            buf.readBytes(out);
            return out;
        } finally {
            buf.release();
        }
    }

    static Pdu decode(byte[] octets) {
        ByteBuf buf = Unpooled.wrappedBuffer(octets);
        try {
            return PduCodec.decode(buf);
        } finally {
            buf.release();
        }
    }

    static byte[] readPdu(SocketChannel ch) throws IOException {
        ByteBuffer length = ByteBuffer.allocate(4);
        readFully(ch, length);
        int n = length.getInt(0);
        if (n < PduCodec.HEADER_LENGTH || n > 1 << 16) {
            throw new IOException("command_length " + n);
        }
        ByteBuffer pdu = ByteBuffer.allocate(n).putInt(n);
        readFully(ch, pdu);
        return pdu.array();
    }

    private static void readFully(SocketChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new IOException("closed");
            }
        }
    }

    static void write(SocketChannel ch, byte[] octets) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(octets);
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (SocketChannel ch : connections) {
            ch.close();
        }
    }
}
