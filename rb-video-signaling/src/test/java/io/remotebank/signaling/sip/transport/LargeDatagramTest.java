package io.remotebank.signaling.sip.transport;

import static io.remotebank.signaling.sip.transport.Probes.LOOPBACK;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.signaling.sip.SipLimits;
import io.remotebank.signaling.sip.SipParser;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.transaction.TransactionUser;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Datagrams larger than Netty's default 2,048-byte receive buffer (WebRTC SDPs are 3-6 KB) arrive
 * whole over real UDP, and one that fills the receive buffer, so may have been cut, is never taken
 * for a whole message.
 */
class LargeDatagramTest {

    private final BlockingQueue<SipRequest> received = new LinkedBlockingQueue<>();

    private SipEndpoint server(SipParser parser) {
        return SipEndpoint.builder()
                .bind(LOOPBACK)
                .udpPort(0)
                .tcpPort(-1)
                .threads(1)
                .parser(parser)
                .start(layer -> (TransactionUser) tx -> {
                    received.add(tx.request());
                    tx.respond((SipResponse)
                            SipResponse.to(tx.request(), 200, "OK", "ld1").build());
                });
    }

    /** A MESSAGE of exactly {@code size} bytes: a text body that fills it, with or without Content-Length. */
    private static byte[] message(int size, boolean contentLength, String branch) {
        String head = "MESSAGE sip:uas@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=" + branch + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:probe@example.com>;tag=p1\r\n"
                + "To: <sip:uas@127.0.0.1>\r\n"
                + "Call-ID: large-" + branch + "\r\n"
                + "CSeq: 1 MESSAGE\r\n"
                + "Content-Type: text/plain\r\n";
        int bodyLength = size - head.length() - 2;
        if (contentLength) {
            // the length of the header field depends on the number it carries
            for (int digits = 1; digits < 7; digits++) {
                int candidate = size - head.length() - ("Content-Length: \r\n\r\n".length() + digits);
                if (Integer.toString(candidate).length() == digits) {
                    bodyLength = candidate;
                    head += "Content-Length: " + candidate + "\r\n";
                    break;
                }
            }
        }
        byte[] body = new byte[bodyLength];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
        byte[] all = (head + "\r\n" + new String(body, UTF_8)).getBytes(UTF_8);
        assertThat(all).hasSize(size);
        return all;
    }

    private static SipResponse exchange(DatagramSocket socket, SipEndpoint server, byte[] request) throws Exception {
        socket.send(
                new DatagramPacket(request, request.length, server.udpAddress().orElseThrow()));
        DatagramPacket reply = new DatagramPacket(new byte[8192], 8192);
        socket.receive(reply);
        return (SipResponse) SipParser.ofDefaults().parse(Arrays.copyOf(reply.getData(), reply.getLength()));
    }

    @ParameterizedTest(name = "{0} bytes, Content-Length {1}")
    @CsvSource({"2049, true", "2049, false", "3316, false", "3316, true", "6144, true", "65507, true"})
    void aLargeDatagramArrivesWhole(int size, boolean contentLength) throws Exception {
        try (SipEndpoint server = server(SipParser.ofDefaults());
                DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            socket.setSoTimeout(10_000);
            byte[] request = message(size, contentLength, "z9hG4bKlg" + size + contentLength);

            assertThat(exchange(socket, server, request).statusCode()).isEqualTo(200);
            SipRequest got = received.poll(10, TimeUnit.SECONDS);
            assertThat(got).isNotNull();
            assertThat(got.body()).isEqualTo(Arrays.copyOfRange(request, indexOfBody(request), request.length));
            assertThat(server.stats().truncatedDatagrams()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4097, 6000})
    void aDatagramThatFillsTheReceiveBuffer_isNeverProcessed_aRequestGets513(int size) throws Exception {
        // the buffer is one byte larger than the parser's limit; past the limit, the datagram may be cut
        SipParser parser = SipParser.withLimits(new SipLimits(4096, 256, 4096));
        try (SipEndpoint server = server(parser);
                DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            socket.setSoTimeout(10_000);
            SipResponse refused = exchange(socket, server, message(size, false, "z9hG4bKtr" + size));
            assertThat(refused.statusCode()).isEqualTo(513);
            assertThat(refused.reasonPhrase()).isEqualTo("Message Too Large");
            assertThat(received).as("nothing reached the transaction layer").isEmpty();

            // a response that fills it is dropped (RFC 3261 18.1.2): nothing comes back
            byte[] response = ("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort()
                            + ";branch=z9hG4bKresp\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>;tag=2\r\n"
                            + "Call-ID: r\r\nCSeq: 1 MESSAGE\r\n\r\n" + "x".repeat(size))
                    .getBytes(UTF_8);
            socket.send(new DatagramPacket(
                    response, response.length, server.udpAddress().orElseThrow()));
            socket.setSoTimeout(300);
            DatagramPacket none = new DatagramPacket(new byte[100], 100);
            try {
                socket.receive(none);
                throw new AssertionError("a reply to a response");
            } catch (SocketTimeoutException expected) {
                // nothing, as it should be
            }
            Probes.await(() -> server.stats().truncatedDatagrams() == 2, "both are counted");

            // one at the limit exactly is whole and served
            socket.setSoTimeout(10_000);
            assertThat(exchange(socket, server, message(4096, true, "z9hG4bKat"))
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    private static int indexOfBody(byte[] message) {
        for (int i = 0; i + 3 < message.length; i++) {
            if (message[i] == '\r' && message[i + 1] == '\n' && message[i + 2] == '\r' && message[i + 3] == '\n') {
                return i + 4;
            }
        }
        throw new AssertionError("no header block end");
    }
}
