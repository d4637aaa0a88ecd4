package io.remotebank.channels.template;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.ChannelsError;
import io.remotebank.core.Arguments;
import io.remotebank.core.ValidationException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apiguardian.api.API;

/**
 * The bank's logical templates, in memory. Thread-safe; a message is checked against the registry's
 * state when it is sent.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TemplateRegistry {

    private final ConcurrentMap<TemplateId, Template> templates = new ConcurrentHashMap<>();

    /** An empty registry. */
    public TemplateRegistry() {}

    /**
     * Adds a template.
     *
     * @param template the template
     * @return this registry
     * @throws ValidationException with {@link ChannelsError#TEMPLATE_INVALID} when the id is taken
     */
    public TemplateRegistry register(Template template) {
        Arguments.notNull(template, "template");
        if (templates.putIfAbsent(template.id(), template) != null) {
            throw new ValidationException(
                    ChannelsError.TEMPLATE_INVALID, "template " + template.id() + " is already registered");
        }
        return this;
    }

    /**
     * Replaces a template (a new version, another mapping).
     *
     * @param template the template
     * @throws ValidationException with {@link ChannelsError#TEMPLATE_INVALID} when it is not registered
     */
    public void replace(Template template) {
        Arguments.notNull(template, "template");
        if (templates.replace(template.id(), template) == null) {
            throw unknown(template.id());
        }
    }

    /**
     * Moves a template to another approval state.
     *
     * @param id the template
     * @param state the new state
     * @return the template as it now is
     * @throws ValidationException with {@link ChannelsError#TEMPLATE_INVALID} when it is not registered
     */
    public Template setApproval(TemplateId id, ApprovalState state) {
        Arguments.notNull(id, "template id");
        Arguments.notNull(state, "state");
        Template updated = templates.computeIfPresent(id, (k, t) -> t.withApproval(state));
        if (updated == null) {
            throw unknown(id);
        }
        return updated;
    }

    /**
     * A template by id.
     *
     * @param id the id
     * @return the template, or empty
     */
    public Optional<Template> find(TemplateId id) {
        return Optional.ofNullable(templates.get(Arguments.notNull(id, "template id")));
    }

    /** Every template, in no particular order. */
    public List<Template> all() {
        return List.copyOf(templates.values());
    }

    private static ValidationException unknown(TemplateId id) {
        return new ValidationException(ChannelsError.TEMPLATE_INVALID, "template " + id + " is not registered");
    }
}
