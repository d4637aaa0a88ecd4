package io.remotebank.channels.wechat.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.channels.wechat.WeChatApiException;
import io.remotebank.channels.wechat.token.AccessToken;
import io.remotebank.channels.wechat.token.AccessTokens;
import io.remotebank.core.Arguments;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apiguardian.api.API;

/**
 * The message-sending calls of the WeChat and WeCom APIs over {@code java.net.http}, each with a
 * request timeout, the access token from {@link AccessTokens}: customer-service messages (客服消息,
 * within the 48-hour window), template messages (模板消息), subscribe messages of mini-programs
 * (订阅消息) and WeCom app messages. When WeChat refuses the token (40001, 42001) the token is reported
 * to {@link AccessTokens#rejected} and the call is made once more with a fresh one; a second refusal,
 * and every other errcode (45015 outside the window, 43004 not following, 45047 over the quota), fails
 * the stage with a {@link WeChatApiException} carrying it.
 *
 * <p>Thread-safe; no token, secret or message text appears in a log line or exception message.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class WeChatApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERRMSG = 200;

    private final URI base;
    private final AccessTokens tokens;
    private final HttpClient http;
    private final Duration timeout;

    private WeChatApi(URI base, AccessTokens tokens, HttpClient http, Duration timeout) {
        this.base = base;
        this.tokens = tokens;
        this.http = http;
        this.timeout = timeout;
    }

    /**
     * A client.
     *
     * @param base {@code WeChatTokenEndpoint.WECHAT_API} or {@code WECOM_API}, or a simulator's address
     * @param tokens the app's access tokens
     * @param http the client (built with a connect timeout)
     * @param timeout the request timeout, 1 to 60 s
     * @return the client
     */
    public static WeChatApi of(URI base, AccessTokens tokens, HttpClient http, Duration timeout) {
        Arguments.notNull(base, "base URI");
        Arguments.notNull(tokens, "access tokens");
        Arguments.notNull(http, "http client");
        Arguments.positive(timeout, "timeout");
        Arguments.inRange(timeout.toSeconds(), 1, 60, "timeout (seconds)");
        return new WeChatApi(base, tokens, http, timeout);
    }

    /**
     * A customer-service text message ({@code POST /cgi-bin/message/custom/send}).
     *
     * @param openId the follower
     * @param text the text
     * @return completes when WeChat accepted it
     */
    public CompletionStage<Void> customerServiceText(String openId, String text) {
        ObjectNode body = JSON.createObjectNode()
                .put("touser", Arguments.notBlank(openId, "open id"))
                .put("msgtype", "text");
        body.putObject("text").put("content", Arguments.notNull(text, "text"));
        return call("/cgi-bin/message/custom/send", body).thenApply(json -> null);
    }

    /**
     * A template message ({@code POST /cgi-bin/message/template/send}).
     *
     * @param openId the follower
     * @param templateId the template's id in the console
     * @param data the template's fields by name
     * @return WeChat's msgid, reported again by the TEMPLATESENDJOBFINISH event
     */
    public CompletionStage<Optional<String>> template(String openId, String templateId, Map<String, String> data) {
        return call("/cgi-bin/message/template/send", templated(openId, templateId, data))
                .thenApply(WeChatApi::msgId);
    }

    /**
     * A mini-program's subscribe message ({@code POST /cgi-bin/message/subscribe/send}).
     *
     * @param openId the user, who must have subscribed to the template
     * @param templateId the template's id
     * @param data the template's fields by name
     * @return WeChat's msgid, when it gives one
     */
    public CompletionStage<Optional<String>> subscribe(String openId, String templateId, Map<String, String> data) {
        return call("/cgi-bin/message/subscribe/send", templated(openId, templateId, data))
                .thenApply(WeChatApi::msgId);
    }

    /**
     * A WeCom app text message ({@code POST /cgi-bin/message/send} on WeCom's host).
     *
     * @param userId the member's user id ({@code @all} for everyone in the app's range)
     * @param agentId the app's agent id
     * @param text the text
     * @return WeCom's msgid
     */
    public CompletionStage<Optional<String>> weComText(String userId, long agentId, String text) {
        ObjectNode body = JSON.createObjectNode()
                .put("touser", Arguments.notBlank(userId, "user id"))
                .put("msgtype", "text")
                .put("agentid", Arguments.inRange(agentId, 1, Integer.MAX_VALUE, "agent id"));
        body.putObject("text").put("content", Arguments.notNull(text, "text"));
        return call("/cgi-bin/message/send", body).thenApply(WeChatApi::msgId);
    }

    private static ObjectNode templated(String openId, String templateId, Map<String, String> data) {
        ObjectNode body = JSON.createObjectNode()
                .put("touser", Arguments.notBlank(openId, "open id"))
                .put("template_id", Arguments.notBlank(templateId, "template id"));
        ObjectNode fields = body.putObject("data");
        Arguments.notNull(data, "data")
                .forEach((name, value) -> fields.putObject(name).put("value", value));
        return body;
    }

    private static Optional<String> msgId(JsonNode json) {
        JsonNode id = json.get("msgid");
        return id == null || id.isNull() ? Optional.empty() : Optional.of(id.asText());
    }

    private CompletionStage<JsonNode> call(String path, ObjectNode body) {
        String payload = body.toString();
        return tokens.current()
                .thenCompose(token -> post(path, payload, token).thenCompose(answer -> {
                    if (answer.rejected() == null) {
                        return CompletableFuture.completedFuture(answer.json());
                    }
                    // WeChat refused the token: refresh once (force_refresh) and try once more.
                    tokens.rejected(token);
                    return tokens.current()
                            .thenCompose(fresh -> post(path, payload, fresh).thenApply(again -> {
                                if (again.rejected() != null) {
                                    throw again.rejected();
                                }
                                return again.json();
                            }));
                }));
    }

    /** An answer: the JSON when accepted, or the token refusal to act on. */
    private record Answer(JsonNode json, WeChatApiException rejected) {}

    private CompletionStage<Answer> post(String path, String payload, AccessToken token) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(
                        path + "?access_token=" + URLEncoder.encode(token.value(), StandardCharsets.UTF_8)))
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(response -> answer(path, response));
    }

    private static Answer answer(String path, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new WeChatApiException(-1, "HTTP " + response.statusCode() + " from " + path);
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new WeChatApiException(-1, path + " did not answer JSON");
        }
        if (json == null || !json.isObject()) {
            throw new WeChatApiException(-1, path + " did not answer a JSON object");
        }
        int errcode = json.path("errcode").asInt(0);
        if (errcode == 0) {
            return new Answer(json, null);
        }
        String errmsg = json.path("errmsg").asText("");
        WeChatApiException e = new WeChatApiException(
                errcode, path + ": " + (errmsg.length() > MAX_ERRMSG ? errmsg.substring(0, MAX_ERRMSG) : errmsg));
        if (e.tokenRejected()) {
            return new Answer(json, e);
        }
        throw e;
    }

    @Override
    public String toString() {
        return "WeChatApi[" + base + ", " + tokens + "]";
    }
}
