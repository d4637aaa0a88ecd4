package io.remotebank.channels.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.remotebank.channels.wechat.crypto.EncodingAesKey;
import io.remotebank.channels.wechat.crypto.Signatures;
import io.remotebank.channels.wechat.server.CallbackServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The code of docs/rb-channels-wechat.md, compiled and run. */
class WeChatGuideTest {

    private static final String TOKEN = "rbToken2026";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    private static CallbackEndpoint endpoint() {
        // tag::endpoint[]
        CallbackConfig config = CallbackConfig.builder(Platform.OFFICIAL_ACCOUNT)
                .token(TOKEN) // from the console; a secret (never logged)
                .aesKey(EncodingAesKey.of(AES_KEY)) // the 43-character EncodingAESKey
                .receiveId("wx0123456789abcdef") // the app id; WeCom: the corp id
                .mode(CallbackMode.SAFE) // 安全模式: every message encrypted
                .replayWindow(Duration.ofMinutes(5))
                .build();
        CallbackEndpoint endpoint = CallbackEndpoint.of(config, message -> {
            // Signature, receive id, replay window and crypto are checked before this runs.
            System.out.println("accepted " + message); // toString masks the open id
            return Optional.empty(); // answers "success"; a reply here is encrypted for you
        });
        // end::endpoint[]
        return endpoint;
    }

    @Test
    void theEndpointMountsInTheJdkHttpServer() throws Exception {
        CallbackEndpoint endpoint = endpoint();
        // tag::httpserver[]
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/wechat", exchange -> {
            try (exchange) {
                byte[] body =
                        exchange.getRequestBody().readNBytes(endpoint.config().maxBodyBytes() + 1);
                CallbackResponse response;
                try {
                    response = endpoint.apply(CallbackRequest.of(
                            exchange.getRequestMethod(),
                            exchange.getRequestURI().getRawQuery(),
                            body));
                } catch (CallbackException e) { // a query with a parameter twice
                    response = CallbackResponse.text(e.httpStatus(), e.code().code());
                }
                exchange.getResponseHeaders().set("Content-Type", response.contentType());
                exchange.sendResponseHeaders(response.status(), response.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        });
        server.start();
        // end::httpserver[]
        try {
            String ts = Long.toString(java.time.Clock.systemUTC().instant().getEpochSecond());
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/wechat?signature="
                    + Signatures.sign(TOKEN, ts, "42") + "&timestamp=" + ts + "&nonce=42&echostr=hello");
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("hello");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theModulesOwnServerServesTheEndpoint() {
        CallbackEndpoint endpoint = endpoint();
        // tag::server[]
        CallbackServer server = CallbackServer.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                endpoint,
                endpoint.config().maxBodyBytes(),
                4); // worker threads
        System.out.println("callback URL: http://127.0.0.1:" + server.address().getPort() + "/");
        // server.close() on shutdown
        // end::server[]
        try {
            assertThat(server.address().getPort()).isPositive();
        } finally {
            server.close();
        }
    }
}
