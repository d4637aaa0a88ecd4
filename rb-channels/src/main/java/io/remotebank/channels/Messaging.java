package io.remotebank.channels;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.internal.Dispatcher;
import io.remotebank.channels.internal.MessagingEngine;
import io.remotebank.channels.internal.Settings;
import io.remotebank.channels.policy.ContactPolicy;
import io.remotebank.channels.spi.AddressResolver;
import io.remotebank.channels.spi.ChannelProvider;
import io.remotebank.channels.spi.OutboxStore;
import io.remotebank.channels.template.TemplateRegistry;
import io.remotebank.core.Arguments;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.ValidationException;
import io.remotebank.core.audit.AuditTrail;
import io.remotebank.core.consent.ConsentRegistries;
import io.remotebank.core.spi.ConsentRegistry;
import io.remotebank.core.time.Clocks;
import io.remotebank.core.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * The one messaging API for every channel: {@link #send} checks a message against the contact
 * policy, writes the decision to the audit trail and stores the message in the outbox; a dispatcher
 * hands due messages to each channel's provider, with retries, and reports what happens as {@link
 * StatusEvent}s. Inbound messages arrive through the providers; opt-out replies withdraw consent.
 *
 * <pre>{@code
 * Messaging messaging = Messaging.builder()
 *         .store(OutboxStores.h2(Path.of("data/outbox")))
 *         .provider(smsProvider)
 *         .auditTrail(trail)
 *         .consentRegistry(consent)
 *         .build();
 * messaging.start();
 * }</pre>
 *
 * Thread-safe. Close it to stop the dispatcher and the providers; the store, trail and registries
 * belong to the caller.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Messaging implements AutoCloseable {

    private final MessagingEngine engine;
    private final Dispatcher dispatcher;

    private Messaging(Settings settings) {
        this.engine = new MessagingEngine(settings);
        this.dispatcher = new Dispatcher(engine);
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends a message. When this returns the decision is in the audit trail and the message is in the
     * outbox (durably, as the store promises), whatever the decision. A message whose channel and
     * idempotency key were seen before is not sent again: the first one's result is returned.
     *
     * @param message the message
     * @return accepted (queued now), deferred (queued for the end of the quiet hours), suppressed by
     *     the policy, or rejected as invalid
     * @throws io.remotebank.core.AuditException when the decision cannot be audited; nothing is stored
     * @throws ChannelsException with {@link ChannelsError#STORE_FAILED} when the outbox cannot store it,
     *     or {@link ChannelsError#CLOSED}
     */
    public SendResult send(Message message) {
        return engine.send(message);
    }

    /**
     * A message's record: its result, status, attempts and provider id.
     *
     * @param id the id from the result
     * @return the record, or empty
     */
    public Optional<MessageRecord> find(MessageId id) {
        return engine.settings().store().find(Arguments.notNull(id, "id"));
    }

    /**
     * A message's record by its channel and idempotency key.
     *
     * @param channel the channel
     * @param key the key
     * @return the record, or empty
     */
    public Optional<MessageRecord> find(ContactChannel channel, IdempotencyKey key) {
        return engine.settings().store().find(Arguments.notNull(channel, "channel"), Arguments.notNull(key, "key"));
    }

    /**
     * Listens to status changes after {@code send}: submitted, delivered, failed, expired, and
     * suppressed when a queued message falls due after consent was withdrawn.
     *
     * @param listener the listener
     */
    public void addStatusListener(StatusListener listener) {
        engine.addStatusListener(listener);
    }

    /**
     * Listens to inbound messages (opt-out replies excepted).
     *
     * @param listener the listener
     */
    public void addInboundListener(InboundListener listener) {
        engine.addInboundListener(listener);
    }

    /**
     * Passes on an inbound message that did not come through a provider (e.g. a gateway's webhook
     * the application serves). Opt-out replies withdraw consent and go no further.
     *
     * @param message the message
     */
    public void receive(InboundMessage message) {
        engine.receive(message);
    }

    /** Starts the background dispatcher, which looks for due messages every poll interval. */
    public void start() {
        engine.ensureOpen();
        dispatcher.start();
    }

    /**
     * Runs one dispatch round now, in this thread: leases due messages, hands them to their
     * providers and records the answers. For applications that schedule dispatch themselves, and for
     * tests on a manual clock.
     *
     * @return how many messages the round leased
     */
    public int dispatchDue() {
        return dispatcher.dispatchDue();
    }

    /** The contact policy in force. */
    public ContactPolicy policy() {
        return engine.settings().policy();
    }

    /** The template registry. */
    public TemplateRegistry templates() {
        return engine.settings().templates();
    }

    /**
     * Stops the dispatcher and closes the providers. A dispatch round that waits for a provider's
     * answer stops waiting at once: the messages not yet answered go back to the outbox as they were
     * (no attempt counted) and are sent by the next dispatcher, at least once. The round then gets
     * at most the {@linkplain Builder#shutdownTimeout(Duration) shutdown timeout} to end, and each
     * provider closes within its own bound (the SMPP provider's shutdown timeout). An unreachable
     * SMSC therefore holds {@code close()} for seconds, not for the submit timeout.
     */
    @Override
    public void close() {
        engine.markClosed();
        dispatcher.close();
    }

    /** Configures {@link Messaging}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private OutboxStore store;
        private final Map<ContactChannel, ChannelProvider> providers = new EnumMap<>(ContactChannel.class);
        private AuditTrail trail;
        private ConsentRegistry consent;
        private TemplateRegistry templates;
        private ContactPolicy policy = ContactPolicy.ofDefaults();
        private AddressResolver resolver = AddressResolver.none();
        private Clock clock = Clocks.system();
        private String dispatcherId = "dispatcher-" + UUID.randomUUID();
        private Duration pollInterval = Duration.ofMillis(200);
        private int batchSize = 100;
        private Duration lease = Duration.ofSeconds(60);
        private Duration submitTimeout = Duration.ofSeconds(30);
        private int maxAttempts = 8;
        private Duration initialBackoff = Duration.ofSeconds(2);
        private Duration maxBackoff = Duration.ofMinutes(10);
        private Scheduler scheduler;
        private Duration shutdownTimeout = Duration.ofSeconds(5);

        private Builder() {}

        /**
         * The outbox. Required.
         *
         * @param store the store, e.g. {@code OutboxStores.h2(path)}
         * @return this builder
         */
        public Builder store(OutboxStore store) {
            this.store = Arguments.notNull(store, "store");
            return this;
        }

        /**
         * A provider, for each of its channels. At least one is required; a channel has one provider.
         *
         * @param provider the provider
         * @return this builder
         * @throws ValidationException with {@link ChannelsError#CONFIG_INVALID} when one of its
         *     channels already has a provider, or it names no channel or a bad name
         */
        public Builder provider(ChannelProvider provider) {
            Arguments.notNull(provider, "provider");
            String name = provider.name();
            if (name == null || !name.matches("[a-z0-9._:-]{1,64}")) {
                throw new ValidationException(
                        ChannelsError.CONFIG_INVALID, "a provider name is 1-64 characters of a-z 0-9 . _ : -");
            }
            if (provider.channels() == null || provider.channels().isEmpty()) {
                throw new ValidationException(ChannelsError.CONFIG_INVALID, "provider " + name + " names no channel");
            }
            for (ContactChannel channel : provider.channels()) {
                if (!Recipient.MESSAGING_CHANNELS.contains(channel)) {
                    throw new ValidationException(
                            ChannelsError.CONFIG_INVALID,
                            "provider " + name + ": " + channel.code() + " is not a messaging channel");
                }
                if (providers.containsKey(channel)) {
                    throw new ValidationException(
                            ChannelsError.CONFIG_INVALID,
                            channel.code() + " already has provider "
                                    + providers.get(channel).name());
                }
            }
            provider.channels().forEach(c -> providers.put(c, provider));
            return this;
        }

        /**
         * The audit trail every decision is written to. Required.
         *
         * @param trail the trail
         * @return this builder
         */
        public Builder auditTrail(AuditTrail trail) {
            this.trail = Arguments.notNull(trail, "trail");
            return this;
        }

        /**
         * Where consent is asked and opt-outs recorded. Default: an empty in-memory registry (so no
         * marketing message passes).
         *
         * @param consent the registry
         * @return this builder
         */
        public Builder consentRegistry(ConsentRegistry consent) {
            this.consent = Arguments.notNull(consent, "consent");
            return this;
        }

        /**
         * The templates. Default: an empty registry.
         *
         * @param templates the registry
         * @return this builder
         */
        public Builder templates(TemplateRegistry templates) {
            this.templates = Arguments.notNull(templates, "templates");
            return this;
        }

        /**
         * The contact policy. Default: {@link ContactPolicy#ofDefaults()}.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder policy(ContactPolicy policy) {
            this.policy = Arguments.notNull(policy, "policy");
            return this;
        }

        /**
         * How customers' addresses, owners and zones are found. Default: {@link AddressResolver#none()}.
         *
         * @param resolver the resolver
         * @return this builder
         */
        public Builder addressResolver(AddressResolver resolver) {
            this.resolver = Arguments.notNull(resolver, "resolver");
            return this;
        }

        /**
         * The clock for decisions, due times and leases. Default: the system clock in UTC.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Arguments.notNull(clock, "clock");
            return this;
        }

        /**
         * This dispatcher's name in leases, 1-64 characters; unique per process sharing a store.
         * Default: random.
         *
         * @param id the name
         * @return this builder
         */
        public Builder dispatcherId(String id) {
            Arguments.notBlank(id, "dispatcher id");
            Arguments.inRange(id.length(), 1, 64, "dispatcher id length");
            this.dispatcherId = id;
            return this;
        }

        /**
         * How often the background dispatcher looks for due messages: 10 ms to 1 minute (default 200
         * ms).
         *
         * @param interval the interval
         * @return this builder
         */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = millis(interval, 10, 60_000, "poll interval");
            return this;
        }

        /**
         * How many messages one dispatch round leases: 1 to 1,000 (default 100).
         *
         * @param size the size
         * @return this builder
         */
        public Builder batchSize(int size) {
            this.batchSize = (int) Arguments.inRange(size, 1, 1000, "batch size");
            return this;
        }

        /**
         * How long a leased message is reserved for this dispatcher: 1 s to 1 h (default 60 s). After
         * a crash, its leased messages are sent by the next dispatcher once the lease ends; it must
         * be longer than the submit timeout.
         *
         * @param lease the lease
         * @return this builder
         */
        public Builder lease(Duration lease) {
            this.lease = millis(lease, 1000, 3_600_000, "lease");
            return this;
        }

        /**
         * How long a provider may take to answer a submission: 100 ms to 10 minutes (default 30 s).
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder submitTimeout(Duration timeout) {
            this.submitTimeout = millis(timeout, 100, 600_000, "submit timeout");
            return this;
        }

        /**
         * Retries: the attempts before a message fails (1 to 100, default 8), the first delay and the
         * longest (default 2 s doubling up to 10 minutes).
         *
         * @param attempts the attempts, counting the first
         * @param initial the first delay, 10 ms to 1 h
         * @param max the longest delay, at least the first, at most 1 day
         * @return this builder
         */
        public Builder retries(int attempts, Duration initial, Duration max) {
            this.maxAttempts = (int) Arguments.inRange(attempts, 1, 100, "attempts");
            this.initialBackoff = millis(initial, 10, 3_600_000, "initial backoff");
            this.maxBackoff = millis(max, initial.toMillis(), 86_400_000, "max backoff");
            return this;
        }

        /**
         * The time of the background dispatcher's polls and of the submit timeout. Default: {@link
         * Scheduler#system()}. A test gives rb-testing's {@code ManualTime} and moves the time itself.
         *
         * @param scheduler the scheduler
         * @return this builder
         */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Arguments.notNull(scheduler, "scheduler");
            return this;
        }

        /**
         * How long {@link Messaging#close()} waits for a dispatch round to end once it has stopped
         * waiting for the providers: 0 to 10 minutes (default 5 s).
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder shutdownTimeout(Duration timeout) {
            this.shutdownTimeout = millis(timeout, 0, 600_000, "shutdown timeout");
            return this;
        }

        private static Duration millis(Duration d, long min, long max, String name) {
            Arguments.notNull(d, name);
            Arguments.inRange(d.toMillis(), min, max, name + " in ms");
            return d;
        }

        /**
         * Builds the service and starts the providers ({@link ChannelProvider#start}); call {@link
         * #start()} on it to dispatch in the background.
         *
         * @return the service
         * @throws ValidationException with {@link ChannelsError#CONFIG_INVALID} when the store, a
         *     provider or the audit trail is missing, or the lease is not longer than the submit
         *     timeout
         */
        public Messaging build() {
            if (store == null) {
                throw new ValidationException(ChannelsError.CONFIG_INVALID, "messaging needs an outbox store");
            }
            if (providers.isEmpty()) {
                throw new ValidationException(ChannelsError.CONFIG_INVALID, "messaging needs at least one provider");
            }
            if (trail == null) {
                throw new ValidationException(
                        ChannelsError.CONFIG_INVALID, "messaging needs an audit trail: every decision is audited");
            }
            if (lease.compareTo(submitTimeout) <= 0) {
                throw new ValidationException(
                        ChannelsError.CONFIG_INVALID,
                        "the lease (" + lease + ") must be longer than the submit timeout (" + submitTimeout + ")");
            }
            return new Messaging(new Settings(
                    store,
                    providers,
                    trail,
                    consent != null ? consent : ConsentRegistries.inMemory(),
                    templates != null ? templates : new TemplateRegistry(),
                    policy,
                    resolver,
                    clock,
                    dispatcherId,
                    pollInterval,
                    batchSize,
                    lease,
                    submitTimeout,
                    maxAttempts,
                    initialBackoff,
                    maxBackoff,
                    scheduler != null ? scheduler : Scheduler.system(),
                    shutdownTimeout));
        }
    }
}
