package io.remotebank.signaling.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.signaling.sdp.Connection;
import io.remotebank.signaling.sdp.Direction;
import io.remotebank.signaling.sdp.OfferAnswer;
import io.remotebank.signaling.sdp.Origin;
import io.remotebank.signaling.sdp.SessionDescription;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.transport.SipEndpoint;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The examples of docs/rb-video-signaling-sip.md, compiled and run over loopback UDP. */
class SipGuideExamplesTest {

    @Test
    void uasAndUac() throws Exception {
        List<EndReason> hangUps = new CopyOnWriteArrayList<>();
        // tag::uas[]
        InetAddress here = InetAddress.getLoopbackAddress();
        List<OfferAnswer.Capability> audio = List.of(new OfferAnswer.Capability(
                "audio", 30000, List.of("PCMU/8000", "telephone-event/8000"), Direction.SENDRECV, List.of()));
        UasHandler answerEveryCall = call -> {
            Optional<String> offer = call.offer();
            if (offer.isEmpty()) {
                call.reject(488, "Not Acceptable Here"); // no SDP offer: nothing to answer
                return;
            }
            SessionDescription answer = OfferAnswer.answer(
                    SessionDescription.parse(offer.get()),
                    new Origin("-", "1", "1", "IN", "IP4", here.getHostAddress()),
                    Connection.of(here.getHostAddress()),
                    audio);
            call.listener(new CallListener() {
                @Override
                public void onEnded(Call c, EndReason reason) {
                    hangUps.add(reason); // BYE, CANCEL, no ACK...: release the media here
                }
            });
            call.ring(); // 180: an early dialog
            call.accept(answer.toString()); // 200, sent again over UDP until the ACK
        };
        UserAgent uas = UserAgent.start(
                SipEndpoint.builder().bind(here).udpPort(0).tcpPort(0),
                here,
                UserAgent.Settings.ofDefaults(),
                answerEveryCall);
        // end::uas[]
        int port = uas.endpoint().orElseThrow().udpAddress().orElseThrow().getPort();
        String offerSdp = UserAgentTest.OFFER;
        try (uas) {
            // tag::uac[]
            UserAgent uac = UserAgent.start(
                    SipEndpoint.builder().bind(here),
                    here,
                    UserAgent.Settings.ofDefaults().withUser("teller"),
                    UasHandler.REFUSE_ALL);
            Call call = uac.call("sip:service@127.0.0.1:" + port, offerSdp, new CallListener() {
                @Override
                public void onProvisional(Call c, SipResponse response) {
                    // 180, or 183 with early media: c.remoteSdp() holds its SDP
                }
            });
            SipResponse bye = call.answered() // the 2xx, once the ACK went out
                    .thenCompose(ok -> call.dtmf(new Dtmf('1', Duration.ofMillis(160)))) // INFO, application/dtmf-relay
                    .thenCompose(info -> call.bye())
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            uac.close();
            // end::uac[]
            assertThat(bye.statusCode()).isEqualTo(200);
            assertThat(call.remoteSdp().orElseThrow()).contains("m=audio 30000");
            assertThat(uac.liveDialogs()).isZero();
            assertThat(hangUps).containsExactly(EndReason.REMOTE_BYE);
        }
    }
}
