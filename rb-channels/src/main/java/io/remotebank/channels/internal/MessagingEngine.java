package io.remotebank.channels.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.channels.Address;
import io.remotebank.channels.ChannelsError;
import io.remotebank.channels.ChannelsException;
import io.remotebank.channels.IdempotencyKey;
import io.remotebank.channels.InboundListener;
import io.remotebank.channels.InboundMessage;
import io.remotebank.channels.Message;
import io.remotebank.channels.MessageId;
import io.remotebank.channels.MessageRecord;
import io.remotebank.channels.RejectionReason;
import io.remotebank.channels.SendResult;
import io.remotebank.channels.StatusEvent;
import io.remotebank.channels.StatusListener;
import io.remotebank.channels.spi.ChannelProvider;
import io.remotebank.core.Arguments;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.CustomerId;
import io.remotebank.core.ValidationException;
import io.remotebank.core.consent.ConsentPurpose;
import io.remotebank.core.consent.ConsentRecord;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sending and receiving: resolves the address, asks the policy, writes the decision to the audit trail,
 * stores the message, and hands inbound messages on (opt-outs first). The {@link Dispatcher} takes it
 * from the outbox.
 *
 * <p>Idempotency: a lock per channel and key (striped) keeps two threads of this process from
 * deciding the same key twice; the store's unique constraint does it across processes. Frequency
 * caps: a lock per recipient (striped) makes count-then-insert atomic within this process.
 */
@API(status = INTERNAL, since = "0.1")
public final class MessagingEngine {

    private static final Logger LOG = LoggerFactory.getLogger(MessagingEngine.class);
    private static final int STRIPES = 256;

    private final Settings settings;
    private final Audit audit;
    private final PolicyEngine policy;
    private final ReentrantLock[] keyLocks = locks();
    private final ReentrantLock[] capLocks = locks();
    private final List<StatusListener> statusListeners = new CopyOnWriteArrayList<>();
    private final List<InboundListener> inboundListeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /**
     * Creates the engine.
     *
     * @param settings the settings
     */
    public MessagingEngine(Settings settings) {
        this.settings = settings;
        this.audit = new Audit(settings.trail());
        this.policy = new PolicyEngine(settings.policy(), settings.templates(), settings.consent(), settings.store());
    }

    private static ReentrantLock[] locks() {
        ReentrantLock[] locks = new ReentrantLock[STRIPES];
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
        return locks;
    }

    private static ReentrantLock stripe(ReentrantLock[] locks, String key) {
        return locks[Math.floorMod(key.hashCode(), STRIPES)];
    }

    /** The settings. */
    public Settings settings() {
        return settings;
    }

    /** The policy engine. */
    PolicyEngine policy() {
        return policy;
    }

    /** The audit writer. */
    Audit audit() {
        return audit;
    }

    /**
     * Sends a message: see {@code Messaging.send}.
     *
     * @param message the message
     * @return the decision, or the first decision for its key
     */
    public SendResult send(Message message) {
        Arguments.notNull(message, "message");
        ensureOpen();
        ContactChannel channel = message.channel();
        IdempotencyKey key = message.idempotencyKey();
        ReentrantLock keyLock = stripe(keyLocks, channel.code() + ":" + key.value());
        keyLock.lock();
        try {
            Optional<MessageRecord> existing = settings.store().find(channel, key);
            if (existing.isPresent()) {
                return existing.get().result();
            }
            Instant now = settings.clock().instant().truncatedTo(ChronoUnit.MILLIS);
            MessageId id = MessageId.random();
            Message resolved = resolve(message);
            ZoneId zone = zoneOf(resolved);
            ReentrantLock capLock = stripe(capLocks, resolved.recipient().capKey());
            capLock.lock();
            try {
                SendResult result = resolved.recipient().address().isEmpty()
                        ? new SendResult.Rejected(
                                id,
                                RejectionReason.NO_ADDRESS,
                                "no " + channel.code() + " address is known for the customer")
                        : policy.decide(id, resolved, provider(channel), zone, now);
                // The rule of the audit trail: the decision is recorded before it takes effect.
                audit.decision(resolved, result, zone, now, "send");
                MessageRecord stored = settings.store().insertIfAbsent(MessageRecord.created(resolved, result, now));
                return stored.result();
            } finally {
                capLock.unlock();
            }
        } finally {
            keyLock.unlock();
        }
    }

    private Message resolve(Message message) {
        if (message.recipient().address().isPresent()) {
            return message;
        }
        CustomerId customer = message.recipient().customer().orElseThrow();
        Optional<Address> address = settings.resolver().resolve(customer, message.channel());
        if (address.isPresent() && address.get().channel() != message.channel()) {
            throw new ValidationException(
                    ChannelsError.CONFIG_INVALID,
                    "the address resolver returned a " + address.get().channel().code() + " address for "
                            + message.channel().code());
        }
        return address.map(a -> message.withRecipient(message.recipient().withAddress(a)))
                .orElse(message);
    }

    /**
     * The recipient's zone: the message's, else the resolver's for the customer, else the default.
     *
     * @param message the message
     * @return the zone
     */
    ZoneId zoneOf(Message message) {
        return message.zone()
                .or(() -> message.recipient()
                        .customer()
                        .flatMap(c -> settings.resolver().zoneOf(c)))
                .orElse(settings.policy().defaultZone());
    }

    Optional<ChannelProvider> provider(ContactChannel channel) {
        return Optional.ofNullable(settings.providers().get(channel));
    }

    /**
     * Handles an inbound message: an opt-out reply withdraws consent (audited) and goes no further;
     * anything else reaches the inbound listeners.
     *
     * @param message the message
     */
    public void receive(InboundMessage message) {
        Arguments.notNull(message, "message");
        if (settings.policy().isOptOut(message.text())) {
            ContactChannel channel = message.from().channel();
            Optional<CustomerId> customer =
                    message.customer().or(() -> settings.resolver().customerOf(message.from()));
            ConsentPurpose purpose = settings.policy().consentPurpose(channel);
            audit.optOut(message, customer, purpose);
            if (customer.isPresent()) {
                settings.consent()
                        .record(ConsentRecord.withdrawn(
                                customer.get(),
                                purpose,
                                message.receivedAt(),
                                channel,
                                "inbound-opt-out:" + message.provider() + ":"
                                        + message.receivedAt().toEpochMilli()));
                LOG.info(
                        "opt-out reply from customer {} on {}: consent to {} withdrawn",
                        customer.get(),
                        channel.code(),
                        purpose);
            } else {
                LOG.info(
                        "opt-out reply on {} from an address no customer is known for: {}",
                        channel.code(),
                        message.from());
            }
            return;
        }
        for (InboundListener listener : inboundListeners) {
            try {
                listener.onInbound(message);
            } catch (RuntimeException e) {
                LOG.warn("an inbound listener failed: {}", e.toString());
            }
        }
    }

    /**
     * Adds a status listener.
     *
     * @param listener the listener
     */
    public void addStatusListener(StatusListener listener) {
        statusListeners.add(Arguments.notNull(listener, "listener"));
    }

    /**
     * Adds an inbound listener.
     *
     * @param listener the listener
     */
    public void addInboundListener(InboundListener listener) {
        inboundListeners.add(Arguments.notNull(listener, "listener"));
    }

    /**
     * Tells the status listeners about a change.
     *
     * @param record the record after the change
     * @param detail why, for failures
     */
    void emit(MessageRecord record, Optional<String> detail) {
        StatusEvent event = new StatusEvent(
                record.id(),
                record.message().idempotencyKey(),
                record.status(),
                record.updatedAt(),
                record.providerMessageId(),
                detail);
        for (StatusListener listener : statusListeners) {
            try {
                listener.onStatus(event);
            } catch (RuntimeException e) {
                LOG.warn("a status listener failed on message {}: {}", record.id(), e.toString());
            }
        }
    }

    /** Refuses work after close. */
    public void ensureOpen() {
        if (closed) {
            throw new ChannelsException(ChannelsError.CLOSED, "the messaging service is closed");
        }
    }

    /** Marks the engine closed. */
    public void markClosed() {
        closed = true;
    }
}
