package io.remotebank.channels.wechat.token;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apiguardian.api.API;

/**
 * Where fresh access tokens come from: WeChat's {@code stable_token} or {@code token} endpoint
 * ({@link WeChatTokenEndpoint}), or a test's stub. {@link AccessTokens} calls it at most once at a
 * time per app across every process that shares its {@link io.remotebank.channels.wechat.spi.TokenStore}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface TokenSource {

    /**
     * A fresh token as WeChat issued it.
     *
     * @param value the token
     * @param expiresIn how long WeChat says it lasts (7,200 s)
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record Issued(String value, Duration expiresIn) {
        /** Validates the answer. */
        public Issued {
            io.remotebank.core.Arguments.notBlank(value, "access token");
            io.remotebank.core.Arguments.positive(expiresIn, "expires in");
        }

        @Override
        public String toString() {
            return "Issued[" + value.length() + " characters, expires in " + expiresIn + "]";
        }
    }

    /**
     * Fetches a token.
     *
     * @param forceRefresh true after WeChat refused the current token (40001/42001): {@code
     *     stable_token}'s {@code force_refresh}, which issues a new one instead of returning the same
     * @return the token, or a stage failed with a {@link io.remotebank.channels.wechat.WeChatApiException}
     */
    CompletionStage<Issued> fetch(boolean forceRefresh);
}
