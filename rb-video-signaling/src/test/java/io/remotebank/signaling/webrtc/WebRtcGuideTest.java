package io.remotebank.signaling.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.signaling.sip.transport.SipEndpoint;
import io.remotebank.signaling.sip.transport.SipTransport;
import io.remotebank.signaling.sip.transport.TlsIdentity;
import io.remotebank.signaling.sip.ua.AutoAnswerUas;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The code of docs/rb-video-signaling-webrtc.md, compiled and run. */
class WebRtcGuideTest {

    @Test
    void ownPort_andASipPort() throws Exception {
        TlsIdentity identity = TlsIdentity.selfSigned(Clock.systemUTC(), "127.0.0.1");
        JoinTokenVerifier tokens = TestTokens.ANY;
        AutoAnswerUas.Settings uas = AutoAnswerUas.Settings.audio("sip:uas@127.0.0.1", "127.0.0.1", 30000);
        // tag::server[]
        WebRtcSignaling signaling = WebRtcSignaling.builder()
                .tokens(tokens) // JwtJoinTokens in production
                .port(0) // a port of its own, 0: any (omit it to serve only on the SIP port below)
                .tlsIdentity(identity) // WSS; or tlsServerContext(the application's SslContext)
                .allowedOrigins(Set.of("https://video.bank.example"))
                .heartbeat(Duration.ofSeconds(10), Duration.ofSeconds(30))
                .resumeWindow(Duration.ofSeconds(30))
                .iceServer(IceServer.stun("stun:stun.bank.example:3478"))
                .start();
        SipEndpoint sip = SipEndpoint.builder()
                .wssPort(0)
                .tlsIdentity(identity)
                .webRtcSignaling(signaling) // wss://host:port/webrtc, or any path with rb.webrtc.v1
                .start(AutoAnswerUas.factory(uas));
        // end::server[]
        try {
            assertThat(signaling.address()).isPresent();
            assertThat(sip.address(SipTransport.WSS)).isPresent();
        } finally {
            sip.close();
            signaling.close();
        }
    }
}
