package io.remotebank.signaling.sip.transport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.signaling.sip.SipParser;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.Via;
import io.remotebank.signaling.sip.transaction.ClientTransaction;
import io.remotebank.signaling.sip.transaction.ClientTransactionListener;
import io.remotebank.signaling.sip.transaction.SipTransportChannel;
import io.remotebank.signaling.sip.transaction.TransactionLayer;
import io.remotebank.signaling.sip.ua.AutoAnswerUas;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** UDP and TCP on loopback, against the auto-answering UAS. */
class SipEndpointTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final SipEndpoint server = SipEndpoint.builder()
            .bind(LOOPBACK)
            .threads(1)
            .start(AutoAnswerUas.factory(AutoAnswerUas.Settings.audio("sip:uas@127.0.0.1", "127.0.0.1", 30000)));

    @AfterEach
    void close() {
        server.close();
    }

    private static String options(String via, String branch) {
        return "OPTIONS sip:uas@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/" + via + ";branch=" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:probe@example.com>;tag=p1\r\n"
                + "To: <sip:uas@127.0.0.1>\r\n"
                + "Call-ID: probe-" + branch + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    @Test
    void udpResponsesFollowRport() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            socket.setSoTimeout(5_000);
            byte[] request = options("UDP client.invalid:9;rport", "z9hG4bKu1").getBytes(UTF_8);
            socket.send(new DatagramPacket(
                    request, request.length, server.udpAddress().orElseThrow()));
            DatagramPacket reply = new DatagramPacket(new byte[4096], 4096);
            socket.receive(reply); // to the source port, not to client.invalid:9 (RFC 3581 4)
            SipResponse response =
                    (SipResponse) SipParser.ofDefaults().parse(Arrays.copyOf(reply.getData(), reply.getLength()));
            assertThat(response.statusCode()).isEqualTo(200);
            Via via = response.topVia().orElseThrow();
            assertThat(via.received()).contains("127.0.0.1");
            assertThat(via.rport()).hasValue(socket.getLocalPort());
        }
    }

    @Test
    void udpResponsesGoToTheSentByPortWithoutRport() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            socket.setSoTimeout(5_000);
            byte[] request = options("UDP 127.0.0.1:" + socket.getLocalPort(), "z9hG4bKu2")
                    .getBytes(UTF_8);
            socket.send(new DatagramPacket(
                    request, request.length, server.udpAddress().orElseThrow()));
            DatagramPacket reply = new DatagramPacket(new byte[4096], 4096);
            socket.receive(reply);
            SipResponse response =
                    (SipResponse) SipParser.ofDefaults().parse(Arrays.copyOf(reply.getData(), reply.getLength()));
            assertThat(response.topVia().orElseThrow().received()).isEmpty(); // sent-by is the source
        }
    }

    @Test
    void tcpAnswersPingsAndClosesOnABadContentLength() throws Exception {
        try (Socket socket =
                new Socket(LOOPBACK, server.tcpAddress().orElseThrow().getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(options("TCP 127.0.0.1:5060", "z9hG4bKt1").getBytes(UTF_8));
            out.flush();
            String response = readMessage(in);
            assertThat(response).startsWith("SIP/2.0 200 OK");
            out.write("\r\n\r\n".getBytes(UTF_8)); // RFC 5626 4.4.1 ping
            out.flush();
            assertThat(in.read()).isEqualTo('\r');
            assertThat(in.read()).isEqualTo('\n');
            out.write(options("TCP 127.0.0.1:5060", "z9hG4bKt2")
                    .replace("Content-Length: 0", "Content-Length: x1")
                    .getBytes(UTF_8));
            out.flush();
            assertThat(in.read()).isEqualTo(-1); // RFC 3261 18.3: the connection is closed
        }
    }

    private static String readMessage(InputStream in) throws Exception {
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            sb.append((char) c);
        }
        return sb.toString();
    }

    @Test
    void aClientTransactionOverEachTransport() throws Exception {
        try (SipEndpoint client =
                SipEndpoint.builder().bind(LOOPBACK).threads(1).start(layer -> tx -> {})) {
            for (SipTransport transport : new SipTransport[] {SipTransport.UDP, SipTransport.TCP}) {
                InetSocketAddress target = transport == SipTransport.UDP
                        ? server.udpAddress().orElseThrow()
                        : server.tcpAddress().orElseThrow();
                SipTransportChannel channel =
                        client.channel(transport, target).toCompletableFuture().get(5, TimeUnit.SECONDS);
                InetSocketAddress local = transport == SipTransport.UDP
                        ? client.udpAddress().orElseThrow()
                        : client.tcpAddress().orElseThrow();
                SipRequest request = (SipRequest) SipParser.ofDefaults()
                        .parse(options(transport + " 127.0.0.1:" + local.getPort(), TransactionLayer.newBranch())
                                .getBytes(UTF_8));
                CompletableFuture<Integer> status = new CompletableFuture<>();
                client.transactions().sendRequest(request, channel, new ClientTransactionListener() {
                    @Override
                    public void onResponse(ClientTransaction transaction, SipResponse response) {
                        status.complete(response.statusCode());
                    }

                    @Override
                    public void onTransportError(ClientTransaction transaction, Throwable cause) {
                        status.completeExceptionally(cause);
                    }
                });
                assertThat(status.get(5, TimeUnit.SECONDS)).isEqualTo(200);
            }
            InetSocketAddress tcp = server.tcpAddress().orElseThrow();
            SipTransportChannel first =
                    client.channel(SipTransport.TCP, tcp).toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(client.channel(SipTransport.TCP, tcp)
                            .toCompletableFuture()
                            .get(5, TimeUnit.SECONDS))
                    .isSameAs(first); // connection reuse
            assertThat(client.openConnections()).isEqualTo(1);
        }
    }

    @Test
    void aPortInUseIsATransportError() {
        int port = server.udpAddress().orElseThrow().getPort();
        assertThatThrownBy(() -> SipEndpoint.builder()
                        .bind(LOOPBACK)
                        .udpPort(port)
                        .tcpPort(-1)
                        .threads(1)
                        .start(layer -> tx -> {}))
                .isInstanceOf(SipTransportException.class)
                .hasMessageContaining("signaling.sip.transport");
    }
}
