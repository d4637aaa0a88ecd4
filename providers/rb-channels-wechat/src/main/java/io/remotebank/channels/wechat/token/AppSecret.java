package io.remotebank.channels.wechat.token;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.wechat.WeChatError;
import io.remotebank.core.Arguments;
import io.remotebank.core.ValidationException;
import org.apiguardian.api.API;

/**
 * The AppSecret of an official account or mini-program (WeCom: the app's secret). Kept as given and
 * shown nowhere: {@code toString} is {@code ****}. Read it from a file or an environment variable
 * rather than a command line.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AppSecret {

    private final String value;

    private AppSecret(String value) {
        this.value = value;
    }

    /**
     * Wraps a secret.
     *
     * @param value 16 to 128 printable ASCII characters
     * @return the secret
     * @throws ValidationException with {@link WeChatError#CONFIG_INVALID}, without repeating the value
     */
    public static AppSecret of(String value) {
        Arguments.notNull(value, "app secret");
        String trimmed = value.strip();
        if (trimmed.length() < 16 || trimmed.length() > 128 || !trimmed.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw new ValidationException(
                    WeChatError.CONFIG_INVALID, "the app secret must be 16 to 128 printable ASCII characters");
        }
        return new AppSecret(trimmed);
    }

    /** The secret, for the one request that needs it. */
    String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }
}
