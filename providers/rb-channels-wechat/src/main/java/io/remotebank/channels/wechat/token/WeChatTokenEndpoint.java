package io.remotebank.channels.wechat.token;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.channels.wechat.WeChatApiException;
import io.remotebank.channels.wechat.WeChatError;
import io.remotebank.core.Arguments;
import io.remotebank.core.ValidationException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apiguardian.api.API;

/**
 * A token endpoint of WeChat or WeCom as a {@link TokenSource}, over {@code java.net.http} with a
 * request timeout:
 *
 * <ul>
 *   <li>{@link #stableToken} ({@code POST /cgi-bin/stable_token}, the recommended one): returns the
 *       same token until it nears expiry, so that two callers do not invalidate each other; {@code
 *       force_refresh} (sent after a 40001/42001) issues a new one. The secret travels in the body.
 *   <li>{@link #classicToken} ({@code GET /cgi-bin/token}): every call issues a new token (the old one
 *       lasts five more minutes), which is why {@link AccessTokens} takes a lease before calling it.
 *       WeChat takes the secret in the query; the URL is never logged.
 *   <li>{@link #weComToken} (WeCom's {@code GET /cgi-bin/gettoken} with the corp id and the app's
 *       secret): like the classic endpoint, the secret in the query.
 * </ul>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class WeChatTokenEndpoint implements TokenSource {

    /** WeChat's API host. */
    public static final URI WECHAT_API = URI.create("https://api.weixin.qq.com");

    /** WeCom's API host. */
    public static final URI WECOM_API = URI.create("https://qyapi.weixin.qq.com");

    private static final ObjectMapper JSON = new ObjectMapper();

    private enum Kind {
        STABLE,
        CLASSIC,
        WECOM
    }

    private final Kind kind;
    private final URI base;
    private final String appId;
    private final AppSecret secret;
    private final HttpClient http;
    private final Duration timeout;

    private WeChatTokenEndpoint(
            Kind kind, URI base, String appId, AppSecret secret, HttpClient http, Duration timeout) {
        this.kind = kind;
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
        return create(Kind.STABLE, base, appId, secret, http, timeout);
    }

    /**
     * The classic token endpoint ({@code GET /cgi-bin/token}); prefer {@link #stableToken}.
     *
     * @param base {@link #WECHAT_API}, or a simulator's address
     * @param appId the app id
     * @param secret the app secret
     * @param http the client (built with a connect timeout)
     * @param timeout the request timeout, 1 to 60 s
     * @return the source
     */
    public static WeChatTokenEndpoint classicToken(
            URI base, String appId, AppSecret secret, HttpClient http, Duration timeout) {
        return create(Kind.CLASSIC, base, appId, secret, http, timeout);
    }

    /**
     * WeCom's token endpoint ({@code GET /cgi-bin/gettoken}): one token per corp and app secret.
     *
     * @param base {@link #WECOM_API}, or a simulator's address
     * @param corpId the corp id
     * @param secret the secret of the app (or of the contacts sync, ...)
     * @param http the client (built with a connect timeout)
     * @param timeout the request timeout, 1 to 60 s
     * @return the source
     */
    public static WeChatTokenEndpoint weComToken(
            URI base, String corpId, AppSecret secret, HttpClient http, Duration timeout) {
        return create(Kind.WECOM, base, corpId, secret, http, timeout);
    }

    private static WeChatTokenEndpoint create(
            Kind kind, URI base, String appId, AppSecret secret, HttpClient http, Duration timeout) {
        Arguments.notNull(base, "base URI");
        Arguments.notBlank(appId, "app id");
        Arguments.notNull(secret, "app secret");
        Arguments.notNull(http, "http client");
        Arguments.positive(timeout, "timeout");
        Arguments.inRange(timeout.toSeconds(), 1, 60, "timeout (seconds)");
        if (!appId.chars().allMatch(c -> c > ' ' && c < 127 && c != '&' && c != '=' && c != '#' && c != '%')) {
            throw new ValidationException(WeChatError.CONFIG_INVALID, "the app id must be printable ASCII");
        }
        return new WeChatTokenEndpoint(kind, base, appId, secret, http, timeout);
    }

    @Override
    public CompletionStage<Issued> fetch(boolean forceRefresh) {
        HttpRequest request = switch (kind) {
            case STABLE -> stableRequest(forceRefresh);
            // The classic endpoints know no force_refresh: every call issues a new token.
            case CLASSIC ->
                get("/cgi-bin/token?grant_type=client_credential&appid=" + encode(appId) + "&secret="
                        + encode(secret.reveal()));
            case WECOM -> get("/cgi-bin/gettoken?corpid=" + encode(appId) + "&corpsecret=" + encode(secret.reveal()));
        };
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(WeChatTokenEndpoint::parse);
    }

    private HttpRequest get(String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(timeout)
                .GET()
                .build();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private HttpRequest stableRequest(boolean forceRefresh) {
        ObjectNode body = JSON.createObjectNode()
                .put("grant_type", "client_credential")
                .put("appid", appId)
                .put("secret", secret.reveal())
                .put("force_refresh", forceRefresh);
        return HttpRequest.newBuilder(base.resolve("/cgi-bin/stable_token"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
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
        return "WeChatTokenEndpoint[" + kind.name().toLowerCase(java.util.Locale.ROOT) + ", " + base + ", " + appId
                + ", secret ****]";
    }
}
