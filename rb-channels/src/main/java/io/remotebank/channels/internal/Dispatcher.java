package io.remotebank.channels.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.channels.Content;
import io.remotebank.channels.InboundMessage;
import io.remotebank.channels.MessageRecord;
import io.remotebank.channels.MessageStatus;
import io.remotebank.channels.SendResult;
import io.remotebank.channels.spi.ChannelProvider;
import io.remotebank.channels.spi.DeliveryReport;
import io.remotebank.channels.spi.ProviderContent;
import io.remotebank.channels.spi.ProviderContext;
import io.remotebank.channels.spi.Submission;
import io.remotebank.channels.spi.SubmitResult;
import io.remotebank.channels.template.ProviderMapping;
import io.remotebank.core.Arguments;
import io.remotebank.core.time.Cancellable;
import io.remotebank.core.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes due messages from the outbox to their providers: leases a batch, checks consent and template
 * approval again, hands each to its provider, and records the answer (submitted; retry with
 * exponential backoff; failed). Applies delivery reports. At least once: a message is marked
 * submitted only after the provider answered, so a crash in between hands it over again.
 *
 * <p>Its polls and the submit timeout run on the configured {@link Scheduler} (virtual time in
 * tests); the rounds themselves run on a thread of the dispatcher's own, because a round waits for
 * the store and the providers. Closing ends a round's wait at once: the messages whose provider had
 * not answered are put back, as they were, for the next dispatcher.
 */
@API(status = INTERNAL, since = "0.1")
public final class Dispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int MAX_PENDING_REPORTS = 10_000;

    private final MessagingEngine engine;
    private final Settings settings;
    private final Map<String, DeliveryReport> pendingReports = new LinkedHashMap<>();
    private final Scheduler scheduler;
    /** Completed by {@link #close()}: a round waiting for its providers stops waiting. */
    private final CompletableFuture<Void> closing = new CompletableFuture<>();

    private final AtomicBoolean roundQueued = new AtomicBoolean();
    private final Object lifecycle = new Object();
    private ExecutorService rounds;
    private Cancellable polling;

    /**
     * Creates the dispatcher and starts the providers.
     *
     * @param engine the engine
     */
    public Dispatcher(MessagingEngine engine) {
        this.engine = engine;
        this.settings = engine.settings();
        this.scheduler = settings.scheduler();
        for (ChannelProvider provider : distinct(settings.providers().values())) {
            provider.start(new Context(provider.name()));
        }
    }

    /** Starts polling in the background: every poll interval of the scheduler's time, a round. */
    public void start() {
        synchronized (lifecycle) {
            if (rounds != null || closing.isDone()) {
                return;
            }
            rounds = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "rb-channels-dispatcher");
                t.setDaemon(true);
                return t;
            });
            polling = scheduler.scheduleWithFixedDelay(Duration.ZERO, settings.pollInterval(), this::queueRound);
        }
    }

    /** Hands a round to the dispatcher's thread, unless one is already waiting to run there. */
    private void queueRound() {
        ExecutorService r;
        synchronized (lifecycle) {
            r = rounds;
        }
        if (r == null || !roundQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            r.execute(() -> {
                roundQueued.set(false);
                pollQuietly();
            });
        } catch (RejectedExecutionException e) {
            roundQueued.set(false); // closing
        }
    }

    private void pollQuietly() {
        try {
            int n;
            do {
                n = dispatchDue();
            } while (n == settings.batchSize() && !closing.isDone());
        } catch (RuntimeException e) {
            if (closing.isDone()) {
                LOG.debug("outbox dispatch round ended by close: {}", e.toString());
            } else {
                LOG.warn("outbox dispatch round failed; retrying in {}: {}", settings.pollInterval(), e.toString());
            }
        }
    }

    /**
     * One round: leases due messages and hands them to their providers.
     *
     * @return how many messages were leased
     */
    public synchronized int dispatchDue() {
        engine.ensureOpen();
        Clock clock = settings.clock();
        Instant now = clock.instant();
        List<MessageRecord> due = settings.store()
                .claimDue(now, settings.batchSize(), settings.dispatcherId(), now.plus(settings.lease()));
        List<Pending> inFlight = new ArrayList<>();
        for (MessageRecord r : due) {
            Optional<Pending> p = prepare(r, now);
            p.ifPresent(inFlight::add);
        }
        awaitAnswers(inFlight);
        for (Pending p : inFlight) {
            if (p.answer().isDone()) {
                record(p, resultOf(p));
            } else if (closing.isDone()) {
                release(p.record(), now);
            } else {
                record(p, new SubmitResult.TemporaryFailure("no answer from the provider in time", Optional.empty()));
            }
        }
        return due.size();
    }

    /**
     * Waits until every provider answered, the submit timeout passed on the scheduler's time, or
     * the dispatcher closes, whichever comes first.
     */
    private void awaitAnswers(List<Pending> inFlight) {
        if (inFlight.isEmpty() || closing.isDone()) {
            return;
        }
        CompletableFuture<Void> all =
                CompletableFuture.allOf(inFlight.stream().map(Pending::answer).toArray(CompletableFuture[]::new));
        // Closing ends the wait like the last answer would, so the timer is called off either way.
        scheduler
                .within(
                        CompletableFuture.anyOf(all, closing),
                        settings.submitTimeout(),
                        inFlight.size() + " provider answers")
                .handle((v, failure) -> null)
                .join();
    }

    /** Puts a leased message back as it was (its attempt not counted), for the next dispatcher. */
    private void release(MessageRecord r, Instant now) {
        try {
            settings.store()
                    .update(r.with(
                            r.status(),
                            r.dueAt(),
                            r.attempts(),
                            r.provider(),
                            r.providerMessageId(),
                            r.lastError(),
                            now.truncatedTo(ChronoUnit.MILLIS)));
        } catch (RuntimeException e) {
            LOG.warn("message {} stays leased until its lease ends: {}", r.id(), e.toString());
        }
    }

    private record Pending(MessageRecord record, ChannelProvider provider, CompletableFuture<SubmitResult> answer) {}

    private Optional<Pending> prepare(MessageRecord r, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        if (r.message().deadline().isPresent()
                && now.isAfter(r.message().deadline().get())) {
            finish(r.withStatus(MessageStatus.EXPIRED, Optional.of("deadline passed before submission"), at));
            return Optional.empty();
        }
        Optional<SendResult> stop = engine.policy().recheck(r.id(), r.message(), now);
        if (stop.isPresent()) {
            SendResult.Suppressed s = (SendResult.Suppressed) stop.get();
            engine.audit().decision(r.message(), s, engine.zoneOf(r.message()), at, "due");
            finish(r.withStatus(MessageStatus.SUPPRESSED, Optional.of(s.reason() + ": " + s.detail()), at));
            return Optional.empty();
        }
        ChannelProvider provider = settings.providers().get(r.message().channel());
        if (provider == null) {
            finish(r.withStatus(
                    MessageStatus.FAILED,
                    Optional.of("no provider is configured for "
                            + r.message().channel().code()),
                    at));
            return Optional.empty();
        }
        Optional<ProviderContent> content = render(r, provider.name());
        if (content.isEmpty()) {
            finish(r.withStatus(
                    MessageStatus.FAILED,
                    Optional.of("the template is gone or has no mapping for " + provider.name()),
                    at));
            return Optional.empty();
        }
        Submission submission = new Submission(
                r.id(),
                r.message().recipient().address().orElseThrow(),
                r.message().category(),
                content.get(),
                r.attempts() + 1,
                r.message().deadline());
        CompletableFuture<SubmitResult> answer;
        try {
            answer = provider.submit(submission).toCompletableFuture();
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return Optional.of(new Pending(r, provider, answer));
    }

    private Optional<ProviderContent> render(MessageRecord r, String providerName) {
        if (r.message().content() instanceof Content.Text text) {
            return Optional.of(new ProviderContent.Text(text.text()));
        }
        Content.Template content = (Content.Template) r.message().content();
        Optional<ProviderMapping> mapping =
                settings.templates().find(content.id()).flatMap(t -> t.mappingFor(providerName));
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        ProviderMapping m = mapping.get();
        if (m instanceof ProviderMapping.TextPattern pattern) {
            return Optional.of(new ProviderContent.Text(pattern.render(content.parameters())));
        }
        String code = m instanceof ProviderMapping.TemplateCode c
                ? c.code()
                : ((ProviderMapping.WeChatTemplate) m).templateId();
        return Optional.of(new ProviderContent.TemplateReference(content.id(), code, content.parameters()));
    }

    private static SubmitResult resultOf(Pending p) {
        try {
            SubmitResult result = p.answer().join();
            return result != null
                    ? result
                    : new SubmitResult.TemporaryFailure("the provider answered null", Optional.empty());
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new SubmitResult.TemporaryFailure(
                    "the provider failed: " + cause.getClass().getSimpleName(), Optional.empty());
        }
    }

    private void record(Pending p, SubmitResult result) {
        MessageRecord r = p.record();
        Instant now = settings.clock().instant().truncatedTo(ChronoUnit.MILLIS);
        int attempts = r.attempts() + 1;
        Optional<String> provider = Optional.of(p.provider().name());
        if (result instanceof SubmitResult.Submitted s) {
            MessageRecord submitted = r.with(
                    MessageStatus.SUBMITTED,
                    r.dueAt(),
                    attempts,
                    provider,
                    Optional.of(s.providerMessageId()),
                    r.lastError(),
                    now);
            finish(submitted);
            DeliveryReport early;
            synchronized (pendingReports) {
                early = pendingReports.remove(key(p.provider().name(), s.providerMessageId()));
            }
            if (early != null) {
                apply(submitted, early);
            }
        } else if (result instanceof SubmitResult.TemporaryFailure t && attempts < settings.maxAttempts()) {
            Duration delay = backoff(attempts);
            if (t.retryAfter().isPresent() && t.retryAfter().get().compareTo(delay) > 0) {
                delay = t.retryAfter().get();
            }
            LOG.info(
                    "message {} attempt {} via {} failed ({}); retrying in {}",
                    r.id(),
                    attempts,
                    p.provider().name(),
                    t.reason(),
                    delay);
            settings.store()
                    .update(r.with(
                            MessageStatus.QUEUED,
                            now.plus(delay),
                            attempts,
                            provider,
                            r.providerMessageId(),
                            Optional.of(t.reason()),
                            now));
        } else {
            String reason = result instanceof SubmitResult.TemporaryFailure t
                    ? t.reason() + " (after " + attempts + " attempts)"
                    : ((SubmitResult.PermanentFailure) result).reason();
            finish(r.with(
                    MessageStatus.FAILED,
                    r.dueAt(),
                    attempts,
                    provider,
                    r.providerMessageId(),
                    Optional.of(reason),
                    now));
        }
    }

    /**
     * The delay before retry number {@code attempts}: the initial backoff doubled per attempt, at
     * most the maximum.
     *
     * @param attempts attempts made so far, at least 1
     * @return the delay
     */
    Duration backoff(int attempts) {
        Duration d = settings.initialBackoff();
        for (int i = 1; i < attempts && d.compareTo(settings.maxBackoff()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : d;
    }

    private void finish(MessageRecord r) {
        settings.store().update(r);
        engine.emit(r, r.status().terminal() ? r.lastError() : Optional.empty());
    }

    /**
     * Applies a delivery report from a provider.
     *
     * @param providerName the provider
     * @param report the report
     */
    void report(String providerName, DeliveryReport report) {
        Arguments.notNull(report, "report");
        Optional<MessageRecord> found =
                settings.store().findByProviderMessageId(providerName, report.providerMessageId());
        if (found.isPresent()) {
            apply(found.get(), report);
            return;
        }
        String key = key(providerName, report.providerMessageId());
        synchronized (pendingReports) {
            pendingReports.put(key, report);
            if (pendingReports.size() > MAX_PENDING_REPORTS) {
                String eldest = pendingReports.keySet().iterator().next();
                pendingReports.remove(eldest);
                LOG.warn("dropped a delivery report from {} that matched no message", providerName);
            }
        }
        // The submission may have been recorded between the look-up and the put: look again. Whoever
        // removes the report from the pending map applies it, so it is applied once.
        found = settings.store().findByProviderMessageId(providerName, report.providerMessageId());
        if (found.isPresent()) {
            DeliveryReport mine;
            synchronized (pendingReports) {
                mine = pendingReports.remove(key);
            }
            if (mine != null) {
                apply(found.get(), mine);
            }
        }
    }

    private void apply(MessageRecord r, DeliveryReport report) {
        if (r.status().terminal()) {
            return; // a repeated receipt, or one for a message already expired or failed
        }
        Instant at = settings.clock().instant().truncatedTo(ChronoUnit.MILLIS);
        finish(r.withStatus(report.status(), report.error().map(e -> "provider error " + e), at));
    }

    private static String key(String provider, String providerMessageId) {
        return provider + "\u0000" + providerMessageId;
    }

    /**
     * Stops polling, ends the current round's wait for its providers (what they have not answered
     * goes back to the outbox unchanged), waits at most the shutdown timeout for the round to end,
     * and closes the providers.
     */
    @Override
    public void close() {
        closing.complete(null);
        ExecutorService r;
        synchronized (lifecycle) {
            r = rounds;
            rounds = null;
            if (polling != null) {
                polling.cancel();
                polling = null;
            }
        }
        if (r != null) {
            r.shutdown();
            try {
                // A round no longer waits for providers; what is left is the store's own work.
                if (!r.awaitTermination(settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn(
                            "the dispatch round did not end within {}; closing the providers anyway",
                            settings.shutdownTimeout());
                    r.shutdownNow();
                }
            } catch (InterruptedException e) {
                r.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        for (ChannelProvider provider : distinct(settings.providers().values())) {
            try {
                provider.close();
            } catch (RuntimeException e) {
                LOG.warn("provider {} failed to close: {}", provider.name(), e.toString());
            }
        }
    }

    /** The callbacks one provider gets. */
    private final class Context implements ProviderContext {
        private final String provider;

        Context(String provider) {
            this.provider = provider;
        }

        @Override
        public void report(DeliveryReport report) {
            Dispatcher.this.report(provider, report);
        }

        @Override
        public void receive(InboundMessage message) {
            engine.receive(message);
        }

        @Override
        public Clock clock() {
            return settings.clock();
        }
    }

    /** Distinct providers (one may serve several channels), in a stable order. */
    private static List<ChannelProvider> distinct(java.util.Collection<ChannelProvider> providers) {
        List<ChannelProvider> out = new ArrayList<>();
        for (ChannelProvider p : providers) {
            if (out.stream().noneMatch(q -> q == p)) {
                out.add(p);
            }
        }
        return out;
    }
}
