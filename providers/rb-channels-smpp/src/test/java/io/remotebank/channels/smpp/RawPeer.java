package io.remotebank.channels.smpp;

import io.remotebank.channels.smpp.pdu.CommandId;
import io.remotebank.channels.smpp.pdu.Pdu;
import io.remotebank.channels.smpp.pdu.SmeAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * One bound SMPP connection of a hostile peer (an SMSC or an ESME written on raw sockets): it can
 * flood the other side with one request, written as fast as the other side takes it and never
 * reading an answer, the way the security tester attacked the client and the simulator; then serve
 * (read everything, answer submit_sm and enquire_link) to show the other side survived.
 *
 * <p>The flood notes when the other side stops taking octets (nothing written for {@code stall}):
 * a side that keeps reading while it cannot write its answers never stalls a flood.
 */
final class RawPeer implements AutoCloseable {

    /** How a flood ended. */
    enum End {
        RUNNING,
        /** The other side closed the connection. */
        CLOSED_BY_PEER,
        /** The budget of octets was written without the other side ever stalling the flood. */
        BUDGET_SPENT,
        /** {@link #serve()} stopped it. */
        STOPPED
    }

    private final SocketChannel ch;
    private final String name;
    private final CountDownLatch stalled = new CountDownLatch(1);
    private final CountDownLatch quiesced = new CountDownLatch(1);
    private final CountDownLatch floodEnded = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Map<CommandId, LongAdder> read = new ConcurrentHashMap<>();
    private final AtomicInteger messageIds = new AtomicInteger();
    private volatile boolean stop;
    private volatile long written;
    private volatile long writtenAtStall = -1;
    private volatile int pduLength;
    private volatile End end = End.RUNNING;
    private Thread flood;

    RawPeer(SocketChannel ch, String name) {
        this.ch = ch;
        this.name = name;
    }

    /**
     * Starts writing copies of {@code pdu} on a thread of its own until {@link #serve()}, the
     * budget, or the other side closing.
     */
    RawPeer flood(Pdu pdu, long budgetBytes, Duration stall) {
        byte[] one = RawSmpp.encode(pdu);
        pduLength = one.length;
        byte[] chunk = RawSmpp.repeat(one, Math.max(1, 65_536 / one.length));
        flood = new Thread(() -> runFlood(chunk, budgetBytes, stall.toNanos()), name + "-flood");
        flood.setDaemon(true);
        flood.start();
        return this;
    }

    private void runFlood(byte[] chunk, long budget, long stallNanos) {
        ByteBuffer b = ByteBuffer.wrap(chunk);
        try {
            try (Selector selector = Selector.open()) {
                ch.configureBlocking(false);
                ch.register(selector, SelectionKey.OP_WRITE);
                long lastProgress = System.nanoTime();
                while (!stop) {
                    if (written >= budget) {
                        end = End.BUDGET_SPENT;
                        break;
                    }
                    if (!b.hasRemaining()) {
                        b.rewind();
                    }
                    int n = ch.write(b);
                    if (n > 0) {
                        written += n;
                        lastProgress = System.nanoTime();
                        continue;
                    }
                    selector.select(20);
                    selector.selectedKeys().clear();
                    if (stalled.getCount() > 0 && System.nanoTime() - lastProgress > stallNanos) {
                        writtenAtStall = written;
                        stalled.countDown();
                    }
                }
            }
            // The selector is closed, so the channel is deregistered and may block again.
            ch.configureBlocking(true);
            quiesced.countDown();
            if (end == End.RUNNING) {
                // Finish the PDU under way (the reader started by serve() lets the other side drain).
                int rest = (int) ((pduLength - written % pduLength) % pduLength);
                ByteBuffer tail = ByteBuffer.wrap(chunk, b.position(), rest);
                while (tail.hasRemaining()) {
                    written += ch.write(tail);
                }
                end = End.STOPPED;
            }
        } catch (IOException e) {
            end = End.CLOSED_BY_PEER;
            closed.countDown();
        } finally {
            quiesced.countDown();
            stalled.countDown();
            floodEnded.countDown();
        }
    }

    /**
     * Waits until the other side stops taking the flood; false when the flood ended first (the
     * budget spent, the connection closed) or the time ran out.
     */
    boolean awaitStall(Duration timeout) throws InterruptedException {
        return stalled.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && writtenAtStall >= 0;
    }

    /** Waits until the other side closes the connection; false when the flood spent its budget first. */
    boolean awaitClosed(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (closed.await(20, TimeUnit.MILLISECONDS)) {
                return true;
            }
            if (this.end == End.BUDGET_SPENT) {
                return false;
            }
        }
        return false;
    }

    /** Waits for the flood to end (budget, close or stop); how it ended, or RUNNING after the timeout. */
    End awaitEnd(Duration timeout) throws InterruptedException {
        if (!timeout.isZero()) {
            floodEnded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        return end;
    }

    /** Octets the flood wrote so far. */
    long written() {
        return written;
    }

    /** Octets the flood had written when the other side stopped taking it, or -1. */
    long writtenAtStall() {
        return writtenAtStall;
    }

    /** Whole PDUs the flood wrote. */
    long pdusWritten() {
        return pduLength == 0 ? 0 : written / pduLength;
    }

    /** PDUs of a kind read from the other side while serving. */
    long read(CommandId id) {
        LongAdder n = read.get(id);
        return n == null ? 0 : n.sum();
    }

    /**
     * Stops the flood (completing the PDU under way), then reads everything the other side sends,
     * answering submit_sm, enquire_link and unbind, on a thread of its own.
     */
    RawPeer serve() throws InterruptedException {
        stop = true;
        if (flood != null) {
            quiesced.await(10, TimeUnit.SECONDS);
        }
        CountDownLatch writerFree = floodEnded;
        if (flood == null) {
            writerFree.countDown();
        }
        Thread reader = new Thread(() -> runServe(writerFree), name + "-serve");
        reader.setDaemon(true);
        reader.start();
        writerFree.await(10, TimeUnit.SECONDS);
        return this;
    }

    private void runServe(CountDownLatch writerFree) {
        try {
            while (true) {
                byte[] octets = RawSmpp.readPdu(ch);
                Pdu pdu;
                try {
                    pdu = RawSmpp.decode(octets);
                } catch (RuntimeException e) {
                    continue;
                }
                read.computeIfAbsent(pdu.commandId(), k -> new LongAdder()).increment();
                Pdu answer = answerTo(pdu);
                if (answer != null) {
                    writerFree.await();
                    RawSmpp.write(ch, RawSmpp.encode(answer));
                    if (pdu.commandId() == CommandId.UNBIND) {
                        ch.close();
                    }
                }
            }
        } catch (IOException e) {
            closed.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Pdu answerTo(Pdu pdu) {
        return switch (pdu.commandId()) {
            case SUBMIT_SM ->
                new Pdu.MessageIdResp(
                        CommandId.SUBMIT_SM_RESP, 0, pdu.sequence(), "H" + messageIds.incrementAndGet(), List.of());
            case ENQUIRE_LINK -> new Pdu.HeaderOnly(CommandId.ENQUIRE_LINK_RESP, 0, pdu.sequence());
            case UNBIND -> new Pdu.HeaderOnly(CommandId.UNBIND_RESP, 0, pdu.sequence());
            default -> null;
        };
    }

    /**
     * Connects to an SMSC with small socket buffers (64 KiB) and binds.
     *
     * @param port the SMSC's port on 127.0.0.1
     * @param bind BIND_TRANSMITTER, BIND_RECEIVER or BIND_TRANSCEIVER
     * @param systemId the system id
     * @return the bound connection, neither reading nor writing until told
     */
    static RawPeer bindTo(int port, CommandId bind, String systemId) throws IOException {
        SocketChannel ch = SocketChannel.open();
        ch.setOption(StandardSocketOptions.SO_RCVBUF, HostileSmsc.SOCKET_BUFFER);
        ch.setOption(StandardSocketOptions.SO_SNDBUF, HostileSmsc.SOCKET_BUFFER);
        ch.connect(new InetSocketAddress("127.0.0.1", port));
        RawSmpp.write(ch, RawSmpp.encode(new Pdu.Bind(bind, 1, systemId, "pw", "", 0x34, SmeAddress.EMPTY)));
        Pdu resp = RawSmpp.decode(RawSmpp.readPdu(ch));
        if (!(resp instanceof Pdu.BindResp r) || r.status() != 0) {
            ch.close();
            throw new IOException("bind refused: " + resp);
        }
        return new RawPeer(ch, "hostile-esme");
    }

    /** Writes octets now, in blocking mode (only when neither flooding nor serving). */
    void send(byte[] octets) {
        try {
            RawSmpp.write(ch, octets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop = true;
        try {
            ch.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
