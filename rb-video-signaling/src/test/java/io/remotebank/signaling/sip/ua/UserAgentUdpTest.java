package io.remotebank.signaling.sip.ua;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.signaling.sip.SipParser;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.transport.SipEndpoint;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two user agents over real UDP and TCP sockets on loopback, and stateless answers on the wire. */
class UserAgentUdpTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    static UserAgent start(UasHandler handler) {
        return UserAgent.start(
                SipEndpoint.builder().bind(LOOPBACK).threads(1), LOOPBACK, UserAgent.Settings.ofDefaults(), handler);
    }

    @Test
    void callOverUdpAndTcp_answeredAndHungUp_nothingLeftButLingeringTransactions() throws Exception {
        try (UserAgent uas = start(call -> {
                    call.ring();
                    call.accept(UserAgentTest.ANSWER);
                });
                UserAgent uac = start(UasHandler.REFUSE_ALL)) {
            int port = portOf(uas, false);
            for (String target : new String[] {
                "sip:svc@127.0.0.1:" + port, "sip:svc@127.0.0.1:" + portOf(uas, true) + ";transport=tcp"
            }) {
                Call call = uac.call(target, UserAgentTest.OFFER, CallListener.NONE);
                SipResponse ok = call.answered().toCompletableFuture().get(10, TimeUnit.SECONDS);
                assertThat(ok.statusCode()).isEqualTo(200);
                assertThat(call.bye()
                                .toCompletableFuture()
                                .get(10, TimeUnit.SECONDS)
                                .statusCode())
                        .isEqualTo(200);
                assertThat(call.isEnded()).isTrue();
            }
            assertThat(uac.liveCalls()).isZero();
            assertThat(uac.liveDialogs()).isZero();
            SipResponse options = uac.request("OPTIONS", "sip:svc@127.0.0.1:" + port, null, null)
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            assertThat(options.statusCode()).isEqualTo(200);
        }
    }

    static int portOf(UserAgent ua, boolean tcp) {
        SipEndpoint e = ua.endpoint().orElseThrow();
        return (tcp ? e.tcpAddress() : e.udpAddress()).orElseThrow().getPort();
    }

    @Test
    void unparseableRequest_getsAStatelessAnswer_malformedResponseIsDropped() throws Exception {
        try (UserAgent uas = start(UasHandler.REFUSE_ALL);
                DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            socket.setSoTimeout(5_000);
            InetSocketAddress to = new InetSocketAddress(LOOPBACK, portOf(uas, false));
            String malformedResponse =
                    "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bKm1\r\n" + "CSeq: oops\r\n\r\n";
            String badRequest = "OPTIONS sip:svc@127.0.0.1 SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bKm2\r\n"
                    + "From: <sip:probe@127.0.0.1>;tag=p\r\nTo: <sip:svc@127.0.0.1>\r\nCall-ID: m2\r\n"
                    + "CSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n"; // CSeq method differs: 400
            for (String s : new String[] {malformedResponse, badRequest}) {
                byte[] b = s.getBytes(UTF_8);
                socket.send(new DatagramPacket(b, b.length, to));
            }
            DatagramPacket in = new DatagramPacket(new byte[4096], 4096);
            socket.receive(in);
            SipResponse r = (SipResponse) SipParser.ofDefaults().parse(Arrays.copyOf(in.getData(), in.getLength()));
            assertThat(r.statusCode())
                    .as("the first datagram back answers the bad request")
                    .isEqualTo(400);
            assertThat(r.callId()).contains("m2");
            assertThat(uas.layer().liveTransactions()).isZero();
        }
    }
}
