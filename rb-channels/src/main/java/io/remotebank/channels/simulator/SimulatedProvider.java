package io.remotebank.channels.simulator;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.Address;
import io.remotebank.channels.ChannelsError;
import io.remotebank.channels.InboundMessage;
import io.remotebank.channels.MessageId;
import io.remotebank.channels.MessageStatus;
import io.remotebank.channels.spi.ChannelProvider;
import io.remotebank.channels.spi.DeliveryReport;
import io.remotebank.channels.spi.ProviderContext;
import io.remotebank.channels.spi.Submission;
import io.remotebank.channels.spi.SubmitResult;
import io.remotebank.core.Arguments;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.ValidationException;
import io.remotebank.core.time.Cancellable;
import io.remotebank.core.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * A provider that sends nothing: it records every submission, answers after a configurable latency,
 * fails on request, de-duplicates by message id (a repeated id gets the first provider id back and
 * is not delivered again), reports delivery, and can simulate inbound messages. For tests, demos and
 * the compatibility kit's own run.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SimulatedProvider implements ChannelProvider {

    private final String name;
    private final Set<ContactChannel> channels;
    private final Duration latency;
    private final boolean reportDelivery;
    /** Where the latency runs; null when answers are immediate. */
    private final Scheduler scheduler;

    private final Set<Cancellable> pendingAnswers = ConcurrentHashMap.newKeySet();
    private final List<Submission> submissions = new ArrayList<>();
    private final Map<MessageId, String> delivered = new LinkedHashMap<>();
    private final AtomicInteger temporaryFailures = new AtomicInteger();
    private final AtomicInteger permanentFailures = new AtomicInteger();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile ProviderContext context;

    private SimulatedProvider(Builder b) {
        this.name = b.name;
        this.channels = Set.copyOf(b.channels);
        this.latency = b.latency;
        this.reportDelivery = b.reportDelivery;
        this.scheduler = latency.isZero() ? null : b.scheduler;
    }

    /** A builder: name {@code simulator}, SMS, no latency, delivery reports on. */
    public static Builder builder() {
        return new Builder();
    }

    /** A simulator of SMS with the defaults. */
    public static SimulatedProvider sms() {
        return builder().build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<ContactChannel> channels() {
        return channels;
    }

    @Override
    public boolean deduplicates() {
        return true;
    }

    @Override
    public void start(ProviderContext context) {
        this.context = Arguments.notNull(context, "context");
    }

    @Override
    public CompletionStage<SubmitResult> submit(Submission submission) {
        Arguments.notNull(submission, "submission");
        if (scheduler == null) {
            return CompletableFuture.completedFuture(answer(submission));
        }
        CompletableFuture<SubmitResult> future = new CompletableFuture<>();
        Cancellable[] self = new Cancellable[1];
        Runnable reply = () -> {
            synchronized (pendingAnswers) {
                pendingAnswers.remove(self[0]);
            }
            future.complete(answer(submission));
        };
        synchronized (pendingAnswers) {
            self[0] = scheduler.schedule(latency, reply);
            if (!future.isDone()) {
                pendingAnswers.add(self[0]);
            }
        }
        return future;
    }

    private SubmitResult answer(Submission submission) {
        String providerId;
        boolean fresh;
        synchronized (this) {
            submissions.add(submission);
            if (takeOne(temporaryFailures)) {
                return new SubmitResult.TemporaryFailure("simulated: throttled", Optional.empty());
            }
            if (takeOne(permanentFailures)) {
                return new SubmitResult.PermanentFailure("simulated: destination barred");
            }
            String known = delivered.get(submission.id());
            fresh = known == null;
            providerId = fresh ? "sim-" + sequence.incrementAndGet() : known;
            delivered.putIfAbsent(submission.id(), providerId);
        }
        ProviderContext ctx = context;
        if (fresh && reportDelivery && ctx != null) {
            ctx.report(new DeliveryReport(
                    providerId, MessageStatus.DELIVERED, ctx.clock().instant(), Optional.empty()));
        }
        return new SubmitResult.Submitted(providerId);
    }

    private static boolean takeOne(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    /**
     * Makes the next submissions fail with a temporary failure (throttled).
     *
     * @param count how many
     */
    public void failTemporarily(int count) {
        temporaryFailures.set((int) Arguments.inRange(count, 0, Integer.MAX_VALUE, "count"));
    }

    /**
     * Makes the next submissions fail for good.
     *
     * @param count how many
     */
    public void failPermanently(int count) {
        permanentFailures.set((int) Arguments.inRange(count, 0, Integer.MAX_VALUE, "count"));
    }

    /** Every submission received, repeats included, in order. */
    public synchronized List<Submission> submissions() {
        return List.copyOf(submissions);
    }

    /** The messages delivered, each once, with the provider id each got, in order. */
    public synchronized Map<MessageId, String> delivered() {
        return Map.copyOf(delivered);
    }

    /**
     * Simulates a message from a customer, as if it came in through this provider.
     *
     * @param from the sender
     * @param to the bank's number or account
     * @param text the text
     * @throws ValidationException with {@link ChannelsError#CONFIG_INVALID} before {@link #start}
     */
    public void simulateInbound(Address from, String to, String text) {
        ProviderContext ctx = context;
        if (ctx == null) {
            throw new ValidationException(ChannelsError.CONFIG_INVALID, "the simulator has not been started");
        }
        ctx.receive(new InboundMessage(from, to, text, ctx.clock().instant(), name, Optional.empty()));
    }

    @Override
    public void close() {
        // The answers not yet given are called off (their stages stay incomplete, as a provider that
        // closed mid-request leaves them; the dispatcher puts such messages back in the outbox).
        synchronized (pendingAnswers) {
            pendingAnswers.forEach(Cancellable::cancel);
            pendingAnswers.clear();
        }
    }

    @Override
    public String toString() {
        return "SimulatedProvider[" + name + " " + channels + "]";
    }

    /** Configures a {@link SimulatedProvider}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private String name = "simulator";
        private final Set<ContactChannel> channels = EnumSet.of(ContactChannel.SMS);
        private Duration latency = Duration.ZERO;
        private boolean reportDelivery = true;
        private Scheduler scheduler = Scheduler.system();

        private Builder() {}

        /**
         * The time the latency runs on (default {@link Scheduler#system()}): give a test's or a
         * demo's virtual scheduler, and the answers come when it moves.
         *
         * @param scheduler the scheduler
         * @return this builder
         */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Arguments.notNull(scheduler, "scheduler");
            return this;
        }

        /**
         * The provider's name (default {@code simulator}).
         *
         * @param name 1-64 characters of a-z 0-9 . _ : -
         * @return this builder
         */
        public Builder name(String name) {
            Arguments.notNull(name, "name");
            if (!name.matches("[a-z0-9._:-]{1,64}")) {
                throw new ValidationException(
                        ChannelsError.CONFIG_INVALID, "a provider name is 1-64 characters of a-z 0-9 . _ : -");
            }
            this.name = name;
            return this;
        }

        /**
         * The channels it serves (default SMS).
         *
         * @param first a channel
         * @param more more channels
         * @return this builder
         */
        public Builder channels(ContactChannel first, ContactChannel... more) {
            channels.clear();
            channels.add(Arguments.notNull(first, "channel"));
            for (ContactChannel c : more) {
                channels.add(Arguments.notNull(c, "channel"));
            }
            return this;
        }

        /**
         * How long each submission takes to be answered: 0 to 1 minute (default 0).
         *
         * @param latency the latency
         * @return this builder
         */
        public Builder latency(Duration latency) {
            Arguments.notNull(latency, "latency");
            Arguments.inRange(latency.toMillis(), 0, 60_000, "latency in ms");
            this.latency = latency;
            return this;
        }

        /**
         * Whether each delivered message is reported {@code DELIVERED} (default true).
         *
         * @param report whether to report
         * @return this builder
         */
        public Builder reportDelivery(boolean report) {
            this.reportDelivery = report;
            return this;
        }

        /** The simulator. */
        public SimulatedProvider build() {
            return new SimulatedProvider(this);
        }
    }
}
