package io.remotebank.signaling.sip.transport;

import static io.remotebank.signaling.sip.transport.Probes.LOOPBACK;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.signaling.sip.ua.AutoAnswerUas;
import java.io.IOException;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A peer that floods the server with what it must answer and never reads the answers (the tester's
 * WebSocket ping flood and its TCP relatives), bounded and on loopback. The server's queue for that
 * peer stays within {@code maxPendingOutboundBytes}, the connection is closed past it, and the
 * server goes on serving others. The long form, 1.2 million pings against a 256 MiB heap, is
 * {@code PingFloodSoakIT}.
 */
class PeerFloodTest {

    /** The most the flooder sends before the test gives up on the server closing it (a bound, not a wait). */
    private static final long MAX_FLOOD_BYTES = 16L * 1024 * 1024;

    private static final int LIMIT = 64 * 1024;

    /** What the flooder sends, over and over. */
    enum Flood {
        /**
         * Masked WebSocket pings (RFC 6455 5.5.2) with the largest payload a control frame may
         * carry, 125 bytes; Netty answers each with a pong that echoes it. (Empty pings, and CRLF
         * pings on TCP, take millions of round trips before the operating system's buffers are
         * full: {@code PingFloodSoakIT} sends those.)
         */
        WEBSOCKET_PINGS(SipTransport.WS),
        /** OPTIONS requests over TCP; each gets a 200 larger than itself. */
        OPTIONS(SipTransport.TCP);

        final SipTransport transport;

        Flood(SipTransport transport) {
            this.transport = transport;
        }

        ByteBuffer chunk() {
            ByteBuffer b = ByteBuffer.allocate(64 * 1024);
            int n = 0;
            while (true) {
                byte[] unit = switch (this) {
                    case WEBSOCKET_PINGS -> ping();
                    case OPTIONS ->
                        Probes.options("TCP 127.0.0.1:5060", "z9hG4bKfl" + n++).getBytes(UTF_8);
                };
                if (b.remaining() < unit.length) {
                    return b.flip();
                }
                b.put(unit);
            }
        }
    }

    /** FIN, opcode 9 (ping); mask bit and length 125; a masking key; 125 bytes of payload. */
    private static byte[] ping() {
        byte[] frame = new byte[2 + 4 + 125];
        frame[0] = (byte) 0x89;
        frame[1] = (byte) (0x80 | 125);
        frame[2] = 1;
        frame[3] = 2;
        frame[4] = 3;
        frame[5] = 4;
        for (int i = 6; i < frame.length; i++) {
            frame[i] = (byte) ('a' ^ frame[2 + (i - 6) % 4]);
        }
        return frame;
    }

    private static SipEndpoint server() {
        return SipEndpoint.builder()
                .bind(LOOPBACK)
                .udpPort(0)
                .tcpPort(0)
                .wsPort(0)
                .threads(1)
                // the high-water mark at the limit: the first write the peer leaves unread past it closes
                .writeBufferWaterMark(LIMIT / 2, LIMIT)
                .maxPendingOutboundBytes(LIMIT)
                .start(AutoAnswerUas.factory(Probes.uas()));
    }

    /** Opens a connection that reads nothing, with a small receive window so the server backs up soon. */
    private static SocketChannel flooder(SipEndpoint server, Flood flood) throws Exception {
        SocketChannel c = SocketChannel.open();
        c.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
        c.connect(server.address(flood.transport).orElseThrow());
        if (flood.transport == SipTransport.WS) {
            Socket s = c.socket();
            s.setSoTimeout(10_000);
            s.getOutputStream()
                    .write(("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                                    + "Sec-WebSocket-Protocol: sip\r\n\r\n")
                            .getBytes(US_ASCII));
            assertThat(Probes.readHead(s.getInputStream())).startsWith("HTTP/1.1 101");
        }
        c.configureBlocking(false);
        return c;
    }

    @ParameterizedTest
    @EnumSource(Flood.class)
    void aPeerThatFloodsAndNeverReads_isClosed_andTheServerServesOthers(Flood flood) throws Exception {
        try (SipEndpoint server = server();
                SocketChannel c = flooder(server, flood)) {
            ByteBuffer chunk = flood.chunk();
            long sent = 0;
            long peakPending = 0;
            boolean closed = false;
            try (Selector selector = Selector.open()) {
                c.register(selector, SelectionKey.OP_WRITE);
                while (sent < MAX_FLOOD_BYTES) {
                    // a server that stops reading without closing leaves the socket unwritable: give up then
                    if (selector.select(10_000) == 0) {
                        break;
                    }
                    selector.selectedKeys().clear();
                    try {
                        if (!chunk.hasRemaining()) {
                            chunk.rewind();
                        }
                        sent += c.write(chunk);
                    } catch (IOException e) { // reset or broken pipe: the server closed it
                        closed = true;
                        break;
                    }
                    peakPending = Math.max(peakPending, server.stats().pendingOutboundBytes());
                }
            }
            assertThat(closed).as("the server closed the flooding connection").isTrue();
            assertThat(peakPending)
                    .as("what waits for the flooder stays bounded")
                    .isLessThanOrEqualTo(LIMIT);
            assertThat(server.stats().closedOutboundOverflow()).isEqualTo(1);

            // others are still served, on every transport
            try (Socket other = Probes.connect(server, SipTransport.TCP)) {
                other.getOutputStream()
                        .write(Probes.options("TCP 127.0.0.1:5060", "z9hG4bKok1")
                                .getBytes(UTF_8));
                assertThat(Probes.readHead(other.getInputStream())).startsWith("SIP/2.0 200 OK");
            }
            try (WebSocketProbe ws =
                    WebSocketProbe.connect(server.address(SipTransport.WS).orElseThrow(), null, "sip")) {
                ws.sendText(Probes.options("WS client.invalid", "z9hG4bKok2"));
                assertThat(ws.next()).startsWith("SIP/2.0 200 OK");
            }
            Probes.await(() -> server.stats().pendingOutboundBytes() == 0, "nothing is left queued");
        }
    }
}
