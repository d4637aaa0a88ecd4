package io.remotebank.channels.template;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.ChannelsError;
import io.remotebank.core.Arguments;
import io.remotebank.core.ValidationException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/** How one provider expresses a logical template. */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface ProviderMapping {

    /**
     * A text the SDK fills in and sends as plain text (SMPP, CMPP, most HTTP SMS gateways).
     *
     * @param pattern the text with {@code {name}} placeholders, e.g. {@code 您的验证码为{code}，5分钟内有效。};
     *     1-2000 characters; other braces are literal
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record TextPattern(String pattern) implements ProviderMapping {

        private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]{0,31})}");

        /** Validates the pattern. */
        public TextPattern {
            Arguments.notNull(pattern, "text pattern");
            if (pattern.isEmpty() || pattern.length() > 2000) {
                throw new ValidationException(
                        ChannelsError.TEMPLATE_INVALID, "a text pattern is 1-2000 characters, got " + pattern.length());
            }
        }

        /** The names of the placeholders, in order of first appearance. */
        public Set<String> placeholders() {
            Set<String> names = new LinkedHashSet<>();
            Matcher m = PLACEHOLDER.matcher(pattern);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        /**
         * Fills in the placeholders.
         *
         * @param parameters a value for every placeholder
         * @return the text
         * @throws ValidationException with {@link ChannelsError#TEMPLATE_INVALID} when one is missing
         */
        public String render(Map<String, String> parameters) {
            Matcher m = PLACEHOLDER.matcher(pattern);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = parameters.get(m.group(1));
                if (value == null) {
                    throw new ValidationException(
                            ChannelsError.TEMPLATE_INVALID, "no value for placeholder {" + m.group(1) + "}");
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }
    }

    /**
     * A template registered with the provider, referred to by its code; the provider fills it in
     * from the named parameters (Aliyun {@code SMS_153055065}, Tencent Cloud SMS template ids).
     *
     * @param code the provider's template code, 1-64 printable ASCII characters
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record TemplateCode(String code) implements ProviderMapping {
        /** Validates the code. */
        public TemplateCode {
            Arguments.notNull(code, "template code");
            if (!code.matches("[\\x21-\\x7e]{1,64}")) {
                throw new ValidationException(
                        ChannelsError.TEMPLATE_INVALID, "a provider template code is 1-64 printable ASCII characters");
            }
        }
    }

    /**
     * A WeChat template message (模板消息 / 订阅消息): the template id WeChat assigned; parameters
     * become the message's keyword data.
     *
     * @param templateId WeChat's template id, 1-128 characters of {@code A-Z a-z 0-9 _ -}
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record WeChatTemplate(String templateId) implements ProviderMapping {
        /** Validates the id. */
        public WeChatTemplate {
            Arguments.notNull(templateId, "WeChat template id");
            if (!templateId.matches("[A-Za-z0-9_-]{1,128}")) {
                throw new ValidationException(
                        ChannelsError.TEMPLATE_INVALID, "a WeChat template id is 1-128 characters of A-Z a-z 0-9 _ -");
            }
        }
    }
}
