package io.remotebank.signaling.webrtc;

import io.remotebank.testing.ManualTime;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;

/**
 * A signaling server on a loopback port, on virtual time, and the Netty clients a test opens
 * against it, all closed after each test.
 */
abstract class OverWebSockets {

    protected final ManualTime time = ManualTime.at(Instant.parse("2026-12-08T09:00:00Z"));
    private final List<AutoCloseable> open = new ArrayList<>();
    protected WebRtcSignaling server;

    /** What every server of the test class has before a test's own settings. */
    protected WebRtcSignaling.Builder defaults(WebRtcSignaling.Builder builder) {
        return builder;
    }

    protected WebRtcSignaling start(UnaryOperator<WebRtcSignaling.Builder> settings) {
        server = settings.apply(defaults(WebRtcSignaling.builder()
                        .tokens(TestTokens.ANY)
                        .scheduler(time)
                        .port(0)))
                .start();
        return server;
    }

    /** The server's address, starting it with the defaults if the test has not. */
    protected InetSocketAddress address() {
        if (server == null) {
            start(b -> b);
        }
        return server.address().orElseThrow();
    }

    protected SignalingClient client() throws Exception {
        SignalingClient client = SignalingClient.connect(address(), "/webrtc");
        open.add(0, client);
        return client;
    }

    protected SignalingClient joined(String role, String participant) throws Exception {
        SignalingClient client = client();
        client.join("room1", role, participant);
        return client;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
