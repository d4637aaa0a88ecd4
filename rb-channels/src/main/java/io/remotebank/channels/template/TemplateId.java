package io.remotebank.channels.template;

import static org.apiguardian.api.API.Status.STABLE;

import io.remotebank.channels.ChannelsError;
import io.remotebank.core.Arguments;
import io.remotebank.core.ValidationException;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The bank's logical name of a message template, the same for every provider, e.g. {@code
 * otp.login} or {@code campaign.card-upgrade}.
 *
 * @param value 1-64 characters of {@code a-z 0-9 . _ -}, starting with a letter
 */
@API(status = STABLE, since = "0.1")
public record TemplateId(String value) {

    private static final Pattern SYNTAX = Pattern.compile("[a-z][a-z0-9._-]{0,63}");

    /**
     * Validates the id.
     *
     * @throws ValidationException with {@link ChannelsError#ARGUMENT_INVALID}
     */
    public TemplateId {
        Arguments.notNull(value, "template id");
        if (!SYNTAX.matcher(value).matches()) {
            throw new ValidationException(
                    ChannelsError.ARGUMENT_INVALID,
                    "a template id is 1-64 characters of a-z 0-9 . _ - starting with a letter, got '" + value + "'");
        }
    }

    /**
     * An id.
     *
     * @param value the id
     * @return the id
     */
    public static TemplateId of(String value) {
        return new TemplateId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
