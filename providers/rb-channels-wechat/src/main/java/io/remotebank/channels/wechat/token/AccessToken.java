package io.remotebank.channels.wechat.token;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * An access token of one app and when it expires. A secret: {@code toString} shows its length only.
 *
 * @param value the token
 * @param expiresAt when WeChat stops accepting it
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record AccessToken(String value, Instant expiresAt) {

    /** Validates the token. */
    public AccessToken {
        Arguments.notBlank(value, "access token");
        Arguments.notNull(expiresAt, "expires at");
    }

    @Override
    public String toString() {
        return "AccessToken[" + value.length() + " characters, expires " + expiresAt + "]";
    }
}
