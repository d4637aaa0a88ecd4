package io.remotebank.examples.smpp;

import io.remotebank.channels.smpp.pdu.CommandId;
import io.remotebank.channels.smpp.pdu.Pdu;
import io.remotebank.channels.smpp.pdu.SmeAddress;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An ESME on raw sockets (in-process, loopback) that binds and then floods the SMSC with one request,
 * never reading an answer: what the security tester did to the simulator.
 */
final class HostileEsme implements AutoCloseable {

    private final SocketChannel ch;
    private final AtomicLong written = new AtomicLong();
    private volatile boolean closed;

    private HostileEsme(SocketChannel ch) {
        this.ch = ch;
    }

    /** Binds as a transceiver, then floods with submit_sm (or enquire_link) on a thread of its own. */
    static HostileEsme flood(int port, boolean submitSm) throws IOException {
        SocketChannel ch = SocketChannel.open();
        ch.setOption(StandardSocketOptions.SO_RCVBUF, 64 * 1024);
        ch.setOption(StandardSocketOptions.SO_SNDBUF, 64 * 1024);
        ch.connect(new InetSocketAddress("127.0.0.1", port));
        HostileSmsc.write(
                ch,
                HostileSmsc.encode(
                        new Pdu.Bind(CommandId.BIND_TRANSCEIVER, 1, "hostile", "pw", "", 0x34, SmeAddress.EMPTY)));
        Pdu resp = HostileSmsc.decode(HostileSmsc.readPdu(ch));
        if (resp.status() != 0) {
            ch.close();
            throw new IOException("bind refused: " + resp);
        }
        HostileEsme esme = new HostileEsme(ch);
        Pdu request = submitSm
                ? new Pdu.ShortMessage(
                        CommandId.SUBMIT_SM,
                        9,
                        "",
                        new SmeAddress(5, 0, "BANK"),
                        SmeAddress.international("+8613800000000"),
                        0,
                        0,
                        0,
                        "",
                        "",
                        1,
                        0,
                        0,
                        0,
                        "flood".getBytes(StandardCharsets.US_ASCII),
                        List.of())
                : new Pdu.HeaderOnly(CommandId.ENQUIRE_LINK, 0, 7);
        Thread t = new Thread(
                () -> {
                    try {
                        HostileSmsc.flood(ch, request, esme.written, () -> esme.closed);
                    } catch (IOException e) {
                        // the SMSC closed the connection, or close() did
                    }
                },
                "hostile-esme");
        t.setDaemon(true);
        t.start();
        return esme;
    }

    /** Octets of flood written so far. */
    long written() {
        return written.get();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        ch.close();
    }
}
