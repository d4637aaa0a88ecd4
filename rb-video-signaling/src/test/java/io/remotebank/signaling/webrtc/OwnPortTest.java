package io.remotebank.signaling.webrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.remotebank.signaling.SignalingError;
import io.remotebank.signaling.sip.transport.TlsIdentity;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The signaling server on a port of its own: WS, WSS, the application's event loops (point 1). */
class OwnPortTest {

    private static final TlsIdentity IDENTITY = TlsIdentity.selfSigned(Clock.systemUTC(), "127.0.0.1", "localhost");

    @Test
    void wss_withTheApplicationsIdentity_andEventLoops() throws Exception {
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (WebRtcSignaling signaling = WebRtcSignaling.builder()
                        .tokens(TestTokens.ANY)
                        .port(0)
                        .tlsIdentity(IDENTITY)
                        .eventLoopGroup(loops)
                        .start();
                SignalingClient client = SignalingClient.connect(
                        signaling.address().orElseThrow(),
                        "/webrtc",
                        null,
                        TlsIdentity.clientContextTrusting(IDENTITY.certificate()),
                        Map.of())) {
            client.join("r1", "customer", "c1");
            assertThat(signaling.sessions()).isEqualTo(1);
        } finally {
            // the server left the application's group running
            assertThat(loops.isShuttingDown()).isFalse();
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void aWrongPath_is404_andAPlainRequestIs400() throws Exception {
        try (WebRtcSignaling signaling =
                WebRtcSignaling.builder().tokens(TestTokens.ANY).port(0).start()) {
            assertThat(SignalingClient.refusedStatus(signaling.address().orElseThrow(), "/other", null, Map.of()))
                    .isEqualTo(404);
        }
    }

    @Test
    void aPortInUse_isTheServersOwnError() {
        try (WebRtcSignaling first =
                WebRtcSignaling.builder().tokens(TestTokens.ANY).port(0).start()) {
            int taken = first.address().orElseThrow().getPort();
            assertThatThrownBy(() -> WebRtcSignaling.builder()
                            .tokens(TestTokens.ANY)
                            .port(taken)
                            .start())
                    .isInstanceOfSatisfying(
                            WebRtcSignalingException.class,
                            e -> assertThat(e.code()).isEqualTo(SignalingError.WEBRTC_SERVER));
        }
    }
}
