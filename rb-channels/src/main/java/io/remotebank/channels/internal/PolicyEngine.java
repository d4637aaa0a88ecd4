package io.remotebank.channels.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.channels.Address;
import io.remotebank.channels.Category;
import io.remotebank.channels.Content;
import io.remotebank.channels.Message;
import io.remotebank.channels.MessageId;
import io.remotebank.channels.RejectionReason;
import io.remotebank.channels.SendResult;
import io.remotebank.channels.SuppressionReason;
import io.remotebank.channels.policy.ContactPolicy;
import io.remotebank.channels.policy.FrequencyCap;
import io.remotebank.channels.policy.QuietHours;
import io.remotebank.channels.policy.QuietHoursAction;
import io.remotebank.channels.spi.ChannelProvider;
import io.remotebank.channels.spi.InteractionLog;
import io.remotebank.channels.spi.OutboxStore;
import io.remotebank.channels.template.ApprovalState;
import io.remotebank.channels.template.Template;
import io.remotebank.channels.template.TemplateRegistry;
import io.remotebank.core.CustomerId;
import io.remotebank.core.consent.ConsentPurpose;
import io.remotebank.core.consent.ConsentRecord;
import io.remotebank.core.consent.ConsentState;
import io.remotebank.core.spi.ConsentRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * The contact policy's decision for one message, in a fixed order: validity (provider, deadline,
 * template), approved template, consent, quiet hours, frequency caps. The first rule that stops the
 * message decides.
 */
@API(status = INTERNAL, since = "0.1")
public final class PolicyEngine {

    private final ContactPolicy policy;
    private final TemplateRegistry templates;
    private final ConsentRegistry consent;
    private final OutboxStore store;
    private final InteractionLog interactions;

    /**
     * Creates the engine.
     *
     * @param policy the rules
     * @param templates the templates
     * @param consent the consent registry
     * @param store the outbox, for frequency caps
     * @param interactions the last interactions, for customer-service windows
     */
    public PolicyEngine(
            ContactPolicy policy,
            TemplateRegistry templates,
            ConsentRegistry consent,
            OutboxStore store,
            InteractionLog interactions) {
        this.policy = policy;
        this.templates = templates;
        this.consent = consent;
        this.store = store;
        this.interactions = interactions;
    }

    /**
     * Decides a message whose address is resolved.
     *
     * @param id the id it gets
     * @param message the message, with an address
     * @param provider the channel's provider, if any
     * @param zone the recipient's zone
     * @param now the time
     * @return the decision
     */
    public SendResult decide(
            MessageId id, Message message, Optional<ChannelProvider> provider, ZoneId zone, Instant now) {
        if (provider.isEmpty()) {
            return new SendResult.Rejected(
                    id,
                    RejectionReason.NO_PROVIDER,
                    "no provider is configured for " + message.channel().code());
        }
        if (message.deadline().isPresent() && !message.deadline().get().isAfter(now)) {
            return new SendResult.Rejected(id, RejectionReason.DEADLINE_PASSED, "the deadline had passed when sent");
        }
        Optional<SendResult> invalid = checkTemplate(id, message, provider.get().name());
        if (invalid.isPresent()) {
            return invalid.get();
        }
        Optional<SendResult> stopped = checkApprovalAndConsent(id, message, now);
        if (stopped.isPresent()) {
            return stopped.get();
        }
        Category category = message.category();
        QuietHours window = policy.quietHours(category);
        Instant due = window.nextAllowed(now, zone);
        if (!due.equals(now)) {
            if (policy.quietHoursAction(category) == QuietHoursAction.SUPPRESS) {
                return new SendResult.Suppressed(
                        id,
                        SuppressionReason.QUIET_HOURS,
                        category.code() + " messages are sent " + window + " " + zone.getId());
            }
            if (message.deadline().isPresent() && due.isAfter(message.deadline().get())) {
                return new SendResult.Suppressed(
                        id,
                        SuppressionReason.QUIET_HOURS,
                        "the deadline passes before the sending window " + window + " " + zone.getId() + " opens");
            }
        }
        String capKey = message.recipient().capKey();
        for (FrequencyCap cap : policy.caps(category)) {
            long n = store.countScheduled(capKey, category, due.minus(cap.window()), due.plus(cap.window()));
            if (n >= cap.max()) {
                return new SendResult.Suppressed(
                        id, SuppressionReason.FREQUENCY_CAP, "frequency cap of " + cap + " reached");
            }
        }
        return due.equals(now) ? new SendResult.Accepted(id) : new SendResult.Deferred(id, due);
    }

    /**
     * Checks again, when a queued message falls due, what may have changed since it was sent: consent
     * and template approval.
     *
     * @param id the message
     * @param message the message
     * @param now the time
     * @return a suppression, or empty to go ahead
     */
    public Optional<SendResult> recheck(MessageId id, Message message, Instant now) {
        return checkApprovalAndConsent(id, message, now);
    }

    private Optional<SendResult> checkTemplate(MessageId id, Message message, String providerName) {
        if (!(message.content() instanceof Content.Template content)) {
            return Optional.empty();
        }
        Optional<Template> found = templates.find(content.id());
        if (found.isEmpty()) {
            return Optional.of(new SendResult.Rejected(
                    id, RejectionReason.UNKNOWN_TEMPLATE, "template " + content.id() + " is not registered"));
        }
        Template template = found.get();
        if (template.category() != message.category()) {
            return Optional.of(new SendResult.Rejected(
                    id,
                    RejectionReason.TEMPLATE_CATEGORY,
                    "template " + template.id() + " is for "
                            + template.category().code() + " messages, not "
                            + message.category().code()));
        }
        Set<String> missing = new TreeSet<>(template.parameters());
        missing.removeAll(content.parameters().keySet());
        Set<String> undeclared = new TreeSet<>(content.parameters().keySet());
        undeclared.removeAll(template.parameters());
        if (!missing.isEmpty() || !undeclared.isEmpty()) {
            return Optional.of(new SendResult.Rejected(
                    id,
                    RejectionReason.TEMPLATE_PARAMETERS,
                    "template " + template.id() + ": missing parameters " + missing + ", undeclared parameters "
                            + undeclared));
        }
        if (template.mappingFor(providerName).isEmpty()) {
            return Optional.of(new SendResult.Rejected(
                    id,
                    RejectionReason.NO_TEMPLATE_MAPPING,
                    "template " + template.id() + " has no mapping for provider " + providerName));
        }
        return Optional.empty();
    }

    private Optional<SendResult> checkApprovalAndConsent(MessageId id, Message message, Instant now) {
        Optional<SendResult> window = checkServiceWindow(id, message, now);
        if (window.isPresent()) {
            return window;
        }
        Category category = message.category();
        if (policy.approvedTemplateRequired(category)) {
            if (!(message.content() instanceof Content.Template content)) {
                return Optional.of(new SendResult.Suppressed(
                        id,
                        SuppressionReason.UNAPPROVED_TEMPLATE,
                        category.code() + " messages must use an approved template, not plain text"));
            }
            ApprovalState state =
                    templates.find(content.id()).map(Template::approval).orElse(ApprovalState.REJECTED);
            if (state != ApprovalState.APPROVED) {
                return Optional.of(new SendResult.Suppressed(
                        id,
                        SuppressionReason.UNAPPROVED_TEMPLATE,
                        "template " + content.id() + " is " + state.name().toLowerCase(java.util.Locale.ROOT)
                                + ", not approved"));
            }
        }
        if (policy.consentRequired(category)) {
            Optional<CustomerId> customer = message.recipient().customer();
            ConsentPurpose purpose = policy.consentPurpose(message.channel());
            if (customer.isEmpty()) {
                return Optional.of(new SendResult.Suppressed(
                        id,
                        SuppressionReason.NO_CONSENT,
                        "no customer is known for the address, so consent to " + purpose + " cannot be checked"));
            }
            Optional<ConsentRecord> record = consent.asOf(customer.get(), purpose, now);
            if (record.isEmpty()) {
                return Optional.of(new SendResult.Suppressed(
                        id, SuppressionReason.NO_CONSENT, "customer never consented to " + purpose));
            }
            if (record.get().state() == ConsentState.WITHDRAWN) {
                return Optional.of(new SendResult.Suppressed(
                        id, SuppressionReason.OPTED_OUT, "customer withdrew consent to " + purpose));
            }
        }
        return Optional.empty();
    }

    /**
     * A free-form message (plain text, not a template) on a channel with a customer-service window
     * goes out only within the window after the address's last interaction (WeChat: 48 hours; a
     * template message is not bound by it). Checked again when a deferred message falls due.
     */
    private Optional<SendResult> checkServiceWindow(MessageId id, Message message, Instant now) {
        Optional<Duration> window = policy.serviceWindow(message.channel());
        if (window.isEmpty() || !(message.content() instanceof Content.Text)) {
            return Optional.empty();
        }
        Optional<Address> address = message.recipient().address();
        Optional<Instant> last = address.flatMap(interactions::lastInteraction);
        if (last.isEmpty()) {
            return Optional.of(new SendResult.Suppressed(
                    id,
                    SuppressionReason.SERVICE_WINDOW,
                    "a customer-service message needs an interaction within " + window.get()
                            + "; none is recorded for the address"));
        }
        if (!now.isBefore(last.get().plus(window.get()))) {
            return Optional.of(new SendResult.Suppressed(
                    id,
                    SuppressionReason.SERVICE_WINDOW,
                    "the last interaction was "
                            + Duration.between(last.get(), now).toHours()
                            + " h ago, outside the customer-service window of " + window.get()));
        }
        return Optional.empty();
    }
}
