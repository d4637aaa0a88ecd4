package io.remotebank.channels;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.template.TemplateId;
import io.remotebank.core.Arguments;
import io.remotebank.core.ValidationException;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * What a message says: a logical template with parameters, or plain text. {@code toString} never
 * shows the text or the parameter values (they may hold an OTP or personal data).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface Content {

    /**
     * Plain text, sent as it is. Marketing cannot use it (marketing needs an approved template).
     *
     * @param text 1-4000 characters
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record Text(String text) implements Content {
        /**
         * Validates the text.
         *
         * @throws ValidationException with {@link ChannelsError#ARGUMENT_INVALID} when it is empty or
         *     longer than 4000 characters
         */
        public Text {
            Arguments.notNull(text, "text");
            if (text.isEmpty() || text.length() > 4000) {
                throw new ValidationException(
                        ChannelsError.ARGUMENT_INVALID, "message text is 1-4000 characters, got " + text.length());
            }
        }

        @Override
        public String toString() {
            return "Text[" + text.length() + " characters]";
        }
    }

    /**
     * A logical template and its parameters; each provider receives the template in its own form.
     *
     * @param id the template
     * @param parameters the parameter values by name, each at most 500 characters
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record Template(TemplateId id, Map<String, String> parameters) implements Content {
        /**
         * Validates and copies the parameters.
         *
         * @throws ValidationException with {@link ChannelsError#ARGUMENT_INVALID} for a null or
         *     over-long value
         */
        public Template {
            Arguments.notNull(id, "template id");
            Arguments.notNull(parameters, "parameters");
            for (Map.Entry<String, String> e : parameters.entrySet()) {
                Arguments.notBlank(e.getKey(), "parameter name");
                Arguments.notNull(e.getValue(), "parameter " + e.getKey());
                if (e.getValue().length() > 500) {
                    throw new ValidationException(
                            ChannelsError.ARGUMENT_INVALID,
                            "parameter " + e.getKey() + " is longer than 500 characters");
                }
            }
            parameters = Map.copyOf(parameters);
        }

        @Override
        public String toString() {
            return "Template[" + id + " " + new TreeMap<>(parameters).keySet() + "]";
        }
    }
}
