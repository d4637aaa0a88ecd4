package io.remotebank.channels.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.template.TemplateId;
import io.remotebank.core.Arguments;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/** What a provider sends: text, or a reference to a template the provider holds. */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface ProviderContent {

    /**
     * Text to send as it is: plain text, or a {@code TextPattern} filled in.
     *
     * @param text the text
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record Text(String text) implements ProviderContent {
        /** Validates the content. */
        public Text {
            Arguments.notNull(text, "text");
        }

        @Override
        public String toString() {
            return "Text[" + text.length() + " characters]";
        }
    }

    /**
     * A template the provider holds ({@code TemplateCode} or {@code WeChatTemplate}), and the
     * parameters to fill it with.
     *
     * @param template the logical template
     * @param providerTemplate the provider's code or template id
     * @param parameters the parameter values by name
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record TemplateReference(TemplateId template, String providerTemplate, Map<String, String> parameters)
            implements ProviderContent {
        /** Validates and copies. */
        public TemplateReference {
            Arguments.notNull(template, "template");
            Arguments.notBlank(providerTemplate, "provider template");
            parameters = Map.copyOf(Arguments.notNull(parameters, "parameters"));
        }

        @Override
        public String toString() {
            return "TemplateReference[" + template + " as " + providerTemplate + " "
                    + new TreeMap<>(parameters).keySet() + "]";
        }
    }
}
