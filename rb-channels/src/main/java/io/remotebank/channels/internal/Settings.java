package io.remotebank.channels.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.channels.policy.ContactPolicy;
import io.remotebank.channels.spi.AddressResolver;
import io.remotebank.channels.spi.ChannelProvider;
import io.remotebank.channels.spi.OutboxStore;
import io.remotebank.channels.template.TemplateRegistry;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.audit.AuditTrail;
import io.remotebank.core.spi.ConsentRegistry;
import io.remotebank.core.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Everything the messaging engine is built from, validated by the public builder.
 *
 * @param store the outbox
 * @param providers the provider of each channel
 * @param trail the audit trail
 * @param consent the consent registry
 * @param templates the templates
 * @param policy the contact policy
 * @param resolver the address resolver
 * @param clock the clock
 * @param dispatcherId the lease owner name
 * @param pollInterval how often the background dispatcher looks for due messages
 * @param batchSize how many messages one round leases
 * @param lease how long a leased message is reserved
 * @param submitTimeout how long a submission may take
 * @param maxAttempts attempts before a message fails
 * @param initialBackoff the first retry delay
 * @param maxBackoff the longest retry delay
 * @param scheduler the time of the dispatcher's polls and submit timeouts
 * @param shutdownTimeout how long closing waits for a dispatch round to end
 */
@API(status = INTERNAL, since = "0.1")
public record Settings(
        OutboxStore store,
        Map<ContactChannel, ChannelProvider> providers,
        AuditTrail trail,
        ConsentRegistry consent,
        TemplateRegistry templates,
        ContactPolicy policy,
        AddressResolver resolver,
        Clock clock,
        String dispatcherId,
        Duration pollInterval,
        int batchSize,
        Duration lease,
        Duration submitTimeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Scheduler scheduler,
        Duration shutdownTimeout) {

    /** Copies the provider map. */
    public Settings {
        providers = Map.copyOf(providers);
    }
}
