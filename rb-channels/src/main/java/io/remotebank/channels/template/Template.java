package io.remotebank.channels.template;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.Category;
import io.remotebank.channels.ChannelsError;
import io.remotebank.core.Arguments;
import io.remotebank.core.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A logical message template: what it is for, whether it is approved, which parameters it takes,
 * and how each provider expresses it.
 *
 * @param id the logical id
 * @param category the category of the messages it carries
 * @param approval its approval state
 * @param parameters the parameter names a message must supply, each exactly once
 * @param mappings per provider name ({@link io.remotebank.channels.spi.ChannelProvider#name()}); the
 *     key {@value #ANY_PROVIDER} applies to providers without their own entry
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Template(
        TemplateId id,
        Category category,
        ApprovalState approval,
        List<String> parameters,
        Map<String, ProviderMapping> mappings) {

    /** The mapping key for every provider that has no mapping of its own. */
    public static final String ANY_PROVIDER = "*";

    /**
     * Validates the template: parameter names are distinct and well formed, and every text
     * pattern's placeholders are declared parameters.
     *
     * @throws ValidationException with {@link ChannelsError#TEMPLATE_INVALID}
     */
    public Template {
        Arguments.notNull(id, "template id");
        Arguments.notNull(category, "category");
        Arguments.notNull(approval, "approval");
        parameters = List.copyOf(Arguments.noNulls(parameters, "parameters"));
        mappings = Map.copyOf(Arguments.notNull(mappings, "mappings"));
        if (parameters.stream().distinct().count() != parameters.size()) {
            throw new ValidationException(
                    ChannelsError.TEMPLATE_INVALID, "template " + id + " names a parameter twice");
        }
        for (String p : parameters) {
            if (!p.matches("[A-Za-z][A-Za-z0-9_]{0,31}")) {
                throw new ValidationException(
                        ChannelsError.TEMPLATE_INVALID,
                        "a parameter name is 1-32 characters of A-Z a-z 0-9 _ starting with a letter, got '" + p + "'");
            }
        }
        if (mappings.isEmpty()) {
            throw new ValidationException(
                    ChannelsError.TEMPLATE_INVALID, "template " + id + " has no provider mapping");
        }
        for (Map.Entry<String, ProviderMapping> e : mappings.entrySet()) {
            if (e.getValue() instanceof ProviderMapping.TextPattern text) {
                for (String placeholder : text.placeholders()) {
                    if (!parameters.contains(placeholder)) {
                        throw new ValidationException(
                                ChannelsError.TEMPLATE_INVALID,
                                "template " + id + ": the pattern for " + e.getKey() + " uses {" + placeholder
                                        + "}, which is not a declared parameter");
                    }
                }
            }
        }
    }

    /**
     * Starts a template.
     *
     * @param id its logical id
     * @param category what it carries
     * @return a builder of a {@link ApprovalState#DRAFT} template
     */
    public static Builder builder(String id, Category category) {
        return new Builder(TemplateId.of(id), Arguments.notNull(category, "category"));
    }

    /**
     * How a provider expresses this template: its own mapping, else the {@value #ANY_PROVIDER} one.
     *
     * @param provider the provider's name
     * @return the mapping, or empty when this template cannot go through that provider
     */
    public Optional<ProviderMapping> mappingFor(String provider) {
        ProviderMapping own = mappings.get(provider);
        return Optional.ofNullable(own != null ? own : mappings.get(ANY_PROVIDER));
    }

    /**
     * This template in another approval state.
     *
     * @param state the state
     * @return the template
     */
    public Template withApproval(ApprovalState state) {
        return new Template(id, category, state, parameters, mappings);
    }

    /** Builds a {@link Template}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private final TemplateId id;
        private final Category category;
        private ApprovalState approval = ApprovalState.DRAFT;
        private final List<String> parameters = new ArrayList<>();
        private final Map<String, ProviderMapping> mappings = new LinkedHashMap<>();

        private Builder(TemplateId id, Category category) {
            this.id = id;
            this.category = category;
        }

        /**
         * The parameters a message must supply.
         *
         * @param names the names
         * @return this builder
         */
        public Builder parameters(String... names) {
            parameters.addAll(List.of(names));
            return this;
        }

        /**
         * The approval state (default {@link ApprovalState#DRAFT}).
         *
         * @param state the state
         * @return this builder
         */
        public Builder approval(ApprovalState state) {
            this.approval = Arguments.notNull(state, "approval");
            return this;
        }

        /**
         * A text pattern for every provider without a mapping of its own.
         *
         * @param pattern the pattern, see {@link ProviderMapping.TextPattern}
         * @return this builder
         */
        public Builder text(String pattern) {
            return mapping(ANY_PROVIDER, new ProviderMapping.TextPattern(pattern));
        }

        /**
         * How one provider expresses the template.
         *
         * @param provider the provider's name, or {@value #ANY_PROVIDER}
         * @param mapping the mapping
         * @return this builder
         */
        public Builder mapping(String provider, ProviderMapping mapping) {
            mappings.put(Arguments.notBlank(provider, "provider"), Arguments.notNull(mapping, "mapping"));
            return this;
        }

        /** The template. */
        public Template build() {
            return new Template(id, category, approval, parameters, mappings);
        }
    }
}
