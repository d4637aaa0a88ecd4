package io.remotebank.channels.wechat.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.channels.wechat.CallbackConfig;
import io.remotebank.channels.wechat.CallbackEndpoint;
import io.remotebank.channels.wechat.CallbackMessage;
import io.remotebank.channels.wechat.CallbackMode;
import io.remotebank.channels.wechat.Platform;
import io.remotebank.channels.wechat.crypto.Signatures;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The endpoint behind the JDK server, over loopback HTTP. */
class CallbackServerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final String TOKEN = "rbToken2026";

    private final List<CallbackMessage> accepted = new CopyOnWriteArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private CallbackServer server;

    @BeforeEach
    void start() {
        CallbackConfig config = CallbackConfig.builder(Platform.OFFICIAL_ACCOUNT)
                .token(TOKEN)
                .receiveId("wx0123456789abcdef")
                .mode(CallbackMode.PLAINTEXT)
                .maxBodyBytes(4096)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
        CallbackEndpoint endpoint = CallbackEndpoint.of(config, message -> {
            accepted.add(message);
            return Optional.empty();
        });
        server = CallbackServer.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), endpoint, config.maxBodyBytes(), 2);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.address().getPort() + pathAndQuery);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void ping_answers200_withoutReachingTheEndpoint() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/?ping=1"))
                .timeout(Duration.ofSeconds(5))
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(accepted).isEmpty();
    }

    @Test
    void signedMessage_overHttp_isAccepted() throws Exception {
        String ts = Long.toString(NOW.getEpochSecond());
        String query = "/?signature=" + Signatures.sign(TOKEN, ts, "77") + "&timestamp=" + ts + "&nonce=77";
        String body = "<xml><FromUserName>oUser123456</FromUserName><MsgType>text</MsgType><Content>hi</Content>"
                + "<MsgId>9</MsgId></xml>";

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(query))
                .timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("success");
        assertThat(accepted).hasSize(1);
    }

    @Test
    void oversizeBody_isAnswered413_andNotDelivered() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/?timestamp=1&nonce=1&signature=x"))
                .timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[64 * 1024]))
                .build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(accepted).isEmpty();
    }

    @Test
    void unsignedMessage_isAnswered401() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/?timestamp=1&nonce=1&signature=00"))
                .timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString("<xml/>"))
                .build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("channels.wechat.callback.signature.invalid");
    }

    @Test
    void duplicatedQueryParameter_isAnswered400() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/?nonce=1&nonce=2"))
                .timeout(Duration.ofSeconds(5))
                .build());

        assertThat(response.statusCode()).isEqualTo(400);
    }
}
