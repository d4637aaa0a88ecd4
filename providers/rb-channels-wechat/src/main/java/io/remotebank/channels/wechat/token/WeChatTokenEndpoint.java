package io.remotebank.channels.wechat.token;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.channels.wechat.WeChatApiException;
import io.remotebank.core.Arguments;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apiguardian.api.API;

/**
 * WeChat's {@code POST /cgi-bin/stable_token} as a {@link TokenSource}, over {@code java.net.http}
 * with a request timeout. {@code stable_token} returns the same token until it nears expiry, so that
 * two callers do not invalidate each other; {@code force_refresh} (sent after a 40001/42001) issues a
 * new one. The secret travels in the request body, never in a URL or a log line.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class WeChatTokenEndpoint implements TokenSource {

    /** WeChat's API host. */
    public static final URI WECHAT_API = URI.create("https://api.weixin.qq.com");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String appId;
    private final AppSecret secret;
    private final HttpClient http;
    private final Duration timeout;

    private WeChatTokenEndpoint(URI base, String appId, AppSecret secret, HttpClient http, Duration timeout) {
        this.base = base;
        this.appId = appId;
        this.secret = secret;
        this.http = http;
        this.timeout = timeout;
    }

    /**
     * The stable-token endpoint.
     *
     * @param base {@link #WECHAT_API}, or a simulator's address
     * @param appId the app id
     * @param secret the app secret
     * @param http the client (built with a connect timeout)
     * @param timeout the request timeout, 1 to 60 s
     * @return the source
     */
    public static WeChatTokenEndpoint stableToken(
            URI base, String appId, AppSecret secret, HttpClient http, Duration timeout) {
        Arguments.notNull(base, "base URI");
        Arguments.notBlank(appId, "app id");
        Arguments.notNull(secret, "app secret");
        Arguments.notNull(http, "http client");
        Arguments.positive(timeout, "timeout");
        Arguments.inRange(timeout.toSeconds(), 1, 60, "timeout (seconds)");
        return new WeChatTokenEndpoint(base, appId, secret, http, timeout);
    }

    @Override
    public CompletionStage<Issued> fetch(boolean forceRefresh) {
        ObjectNode body = JSON.createObjectNode()
                .put("grant_type", "client_credential")
                .put("appid", appId)
                .put("secret", secret.reveal())
                .put("force_refresh", forceRefresh);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/cgi-bin/stable_token"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(WeChatTokenEndpoint::parse);
    }

    static Issued parse(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new WeChatApiException(-1, "HTTP " + response.statusCode() + " from the token endpoint");
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new WeChatApiException(-1, "the token endpoint did not answer JSON");
        }
        int errcode = json.path("errcode").asInt(0);
        if (errcode != 0) {
            String errmsg = json.path("errmsg").asText("");
            throw new WeChatApiException(errcode, errmsg.length() > 200 ? errmsg.substring(0, 200) : errmsg);
        }
        String token = json.path("access_token").asText("");
        long expiresIn = json.path("expires_in").asLong(0);
        if (token.isEmpty() || expiresIn <= 0) {
            throw new WeChatApiException(-1, "the token endpoint's answer has no access_token or expires_in");
        }
        return new Issued(token, Duration.ofSeconds(expiresIn));
    }

    @Override
    public String toString() {
        return "WeChatTokenEndpoint[" + base + ", " + appId + ", secret ****]";
    }
}
