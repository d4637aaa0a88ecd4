package io.remotebank.channels.wechat;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One HTTP request to the callback URL, as any server hands it over: the method, the decoded query
 * parameters and the body.
 *
 * @param method {@code GET} (URL verification) or {@code POST} (a message)
 * @param query the query parameters, percent-decoded
 * @param body the body (empty for GET); not copied
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CallbackRequest(String method, Map<String, String> query, byte[] body) {

    /** Validates the request and copies the query. */
    public CallbackRequest {
        Arguments.notBlank(method, "method");
        query = Map.copyOf(Arguments.notNull(query, "query"));
        Arguments.notNull(body, "body");
    }

    /**
     * Builds a request from a raw query string as a server receives it.
     *
     * @param method the method
     * @param rawQuery the query after {@code ?}, percent-encoded, or null
     * @param body the body
     * @return the request
     * @throws CallbackException with {@link WeChatError#REQUEST_INVALID} when a parameter appears
     *     twice (which copy a check would read is a classic confusion) or is not valid percent-encoding
     */
    public static CallbackRequest of(String method, String rawQuery, byte[] body) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&", -1)) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (query.putIfAbsent(name, value) != null) {
                    throw new CallbackException(
                            WeChatError.REQUEST_INVALID, "query parameter '" + safeName(name) + "' appears twice");
                }
            }
        }
        return new CallbackRequest(method, query, body);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new CallbackException(WeChatError.REQUEST_INVALID, "the query is not valid percent-encoding");
        }
    }

    private static String safeName(String name) {
        return name.length() <= 32 && name.chars().allMatch(c -> c > ' ' && c < 127) ? name : "(unprintable)";
    }

    /**
     * A query parameter.
     *
     * @param name its name
     * @return its value, or empty
     */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(query.get(name));
    }

    @Override
    public String toString() {
        // The query carries the openid of an official account's follower: names only.
        return "CallbackRequest[" + method + " " + query.keySet() + ", " + body.length + " bytes]";
    }
}
