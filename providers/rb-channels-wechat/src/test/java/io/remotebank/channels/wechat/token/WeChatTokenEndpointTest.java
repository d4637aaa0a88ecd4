package io.remotebank.channels.wechat.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.remotebank.channels.wechat.WeChatApiException;
import io.remotebank.core.ValidationException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** stable_token over loopback HTTP against a stub of WeChat's endpoint. */
class WeChatTokenEndpointTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private HttpServer server;

    private URI serve(int status, String answer) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cgi-bin/stable_token", exchange -> {
            try (exchange) {
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private WeChatTokenEndpoint endpoint(URI base) {
        return WeChatTokenEndpoint.stableToken(
                base,
                "wx0123456789abcdef",
                AppSecret.of(SECRET),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                Duration.ofSeconds(5));
    }

    @Test
    void stableToken_sendsTheCredentialsInTheBody_andReadsTheToken() throws Exception {
        URI base = serve(200, "{\"access_token\":\"ACCESS_TOKEN\",\"expires_in\":7200}");

        TokenSource.Issued issued =
                endpoint(base).fetch(true).toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(issued.value()).isEqualTo("ACCESS_TOKEN");
        assertThat(issued.expiresIn()).isEqualTo(Duration.ofSeconds(7200));
        assertThat(bodies)
                .singleElement()
                .satisfies(b -> assertThat(b)
                        .contains("\"grant_type\":\"client_credential\"", "\"force_refresh\":true", SECRET));
        assertThat(endpoint(base).toString()).doesNotContain(SECRET);
    }

    @Test
    void errcode_becomesAWeChatApiException_withTheCode() throws Exception {
        URI base = serve(200, "{\"errcode\":40013,\"errmsg\":\"invalid appid\"}");

        assertThatThrownBy(
                        () -> endpoint(base).fetch(false).toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        WeChatApiException.class, e -> assertThat(e.errcode()).isEqualTo(40013));
    }

    @Test
    void notJson_isAnApiErrorWithoutACode() throws Exception {
        URI base = serve(502, "<html>bad gateway</html>");

        assertThatThrownBy(
                        () -> endpoint(base).fetch(false).toCompletableFuture().get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(
                        WeChatApiException.class, e -> assertThat(e.errcode()).isEqualTo(-1));
    }

    @Test
    void appSecret_isValidated_andNeverShown() {
        assertThat(AppSecret.of(SECRET).toString()).isEqualTo("****");
        assertThatThrownBy(() -> AppSecret.of("short"))
                .isInstanceOf(ValidationException.class)
                .hasMessageNotContaining("short");
    }
}
