package io.remotebank.identity.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.time.Scheduler;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.flow.Attempt;
import io.remotebank.identity.flow.StepDefinition;
import io.remotebank.identity.spi.Outcome;
import io.remotebank.identity.spi.VendorError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;

/**
 * Calls a capability's providers in priority order: each call bounded by the step's timeout, a
 * transient error retried on the same provider after a doubling backoff, a provider's own failure
 * failing over to the next, an open circuit skipped. Every call is an {@link Attempt}.
 */
@API(status = INTERNAL, since = "0.1")
public final class Failover {

    /** What the providers came to. */
    @API(status = INTERNAL, since = "0.1")
    public record Result<T>(
            Optional<T> value, Optional<String> vendor, List<Attempt> attempts, Optional<IdentityError> error) {}

    /** How to read a provider's answer. */
    @API(status = INTERNAL, since = "0.1")
    public interface Reading<P, T> {
        String vendor(P provider);

        CompletionStage<T> call(P provider);

        Outcome outcome(T value);

        Optional<VendorError> error(T value);
    }

    private final Scheduler scheduler;
    private final Clock clock;
    private final int breakerThreshold;
    private final Duration breakerOpenFor;
    private final Map<Object, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    public Failover(Scheduler scheduler, Clock clock, int breakerThreshold, Duration breakerOpenFor) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.breakerThreshold = breakerThreshold;
        this.breakerOpenFor = breakerOpenFor;
    }

    /** The breaker of one provider instance. */
    public CircuitBreaker breaker(Object provider) {
        return breakers.computeIfAbsent(
                new Identity(provider), p -> new CircuitBreaker(breakerThreshold, breakerOpenFor, scheduler.ticker()));
    }

    /** Keys breakers by the provider instance, whatever its equals says. */
    private record Identity(Object provider) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity i && i.provider == provider;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(provider);
        }
    }

    public <P, T> CompletableFuture<Result<T>> call(
            io.remotebank.identity.flow.StepKind kind, StepDefinition step, List<P> providers, Reading<P, T> reading) {
        CompletableFuture<Result<T>> done = new CompletableFuture<>();
        List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        if (providers.isEmpty()) {
            done.complete(new Result<>(
                    Optional.empty(), Optional.empty(), List.of(), Optional.of(IdentityError.PROVIDER_MISSING)));
            return done;
        }
        new Run<>(kind, step, providers, reading, attempts, done).attempt(0, 1, IdentityError.PROVIDER_MISSING);
        return done;
    }

    private final class Run<P, T> {
        private final io.remotebank.identity.flow.StepKind kind;
        private final StepDefinition step;
        private final List<P> providers;
        private final Reading<P, T> reading;
        private final List<Attempt> attempts;
        private final CompletableFuture<Result<T>> done;

        Run(
                io.remotebank.identity.flow.StepKind kind,
                StepDefinition step,
                List<P> providers,
                Reading<P, T> reading,
                List<Attempt> attempts,
                CompletableFuture<Result<T>> done) {
            this.kind = kind;
            this.step = step;
            this.providers = providers;
            this.reading = reading;
            this.attempts = attempts;
            this.done = done;
        }

        void attempt(int index, int number, IdentityError last) {
            if (index >= providers.size()) {
                done.complete(
                        new Result<>(Optional.empty(), Optional.empty(), List.copyOf(attempts), Optional.of(last)));
                return;
            }
            P provider = providers.get(index);
            String vendor = reading.vendor(provider);
            CircuitBreaker breaker = breaker(provider);
            Instant at = clock.instant();
            if (!breaker.allow()) {
                attempts.add(new Attempt(kind, vendor, number, at, Duration.ZERO, IdentityError.CIRCUIT_OPEN.code()));
                attempt(index + 1, 1, IdentityError.CIRCUIT_OPEN);
                return;
            }
            long start = scheduler.ticker().read();
            CompletionStage<T> stage;
            try {
                stage = reading.call(provider);
                if (stage == null) {
                    stage = CompletableFuture.failedFuture(new IdentityException(
                            IdentityError.VENDOR_RESPONSE_INVALID, vendor + " returned no stage"));
                }
            } catch (RuntimeException e) {
                stage = CompletableFuture.failedFuture(e);
            }
            scheduler
                    .within(stage, step.timeout(), kind.label() + " call to " + vendor)
                    .whenComplete((value, failure) -> {
                        try {
                            settle(index, number, vendor, breaker, at, start, value, failure);
                        } catch (RuntimeException e) {
                            // An answer we could not read counts against the vendor, and ends a half-open trial.
                            breaker.failure();
                            // A fault of ours (or a provider's answer that breaks a record's rules) must not leave the
                            // flow hanging.
                            done.completeExceptionally(e);
                        }
                    });
        }

        private void settle(
                int index,
                int number,
                String vendor,
                CircuitBreaker breaker,
                Instant at,
                long start,
                T value,
                Throwable failure) {
            {
                Duration took = Duration.ofNanos(scheduler.ticker().read() - start);
                IdentityError error = failure != null
                        ? classify(failure)
                        : reading.error(value).map(VendorError::canonical).orElse(null);
                if (error == null) {
                    breaker.success();
                    attempts.add(new Attempt(kind, vendor, number, at, took, label(reading.outcome(value))));
                    done.complete(new Result<>(
                            Optional.of(value), Optional.of(vendor), List.copyOf(attempts), Optional.empty()));
                    return;
                }
                attempts.add(new Attempt(kind, vendor, number, at, took, error.code()));
                if (error.failover() || error.retryable()) {
                    breaker.failure();
                } else {
                    // The vendor answered: the customer's input (an unreadable image, an unknown session, a bad
                    // argument) is the trouble, not the vendor. Ending the call here also ends a half-open trial,
                    // which would otherwise stay in flight and keep the vendor skipped until a restart.
                    breaker.success();
                }
                if (error.retryable() && number <= step.retries()) {
                    Duration pause = step.backoff().multipliedBy(1L << Math.min(number - 1, 20));
                    scheduler.schedule(pause, () -> attempt(index, number + 1, error));
                } else if (error.failover()) {
                    attempt(index + 1, 1, error);
                } else {
                    done.complete(new Result<>(
                            Optional.empty(), Optional.of(vendor), List.copyOf(attempts), Optional.of(error)));
                }
            }
        }
    }

    static String label(Outcome outcome) {
        return outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static IdentityError classify(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof TimeoutException) {
            return IdentityError.VENDOR_TIMEOUT;
        }
        if (t instanceof IdentityException e) {
            return e.error();
        }
        return IdentityError.VENDOR_FAILED;
    }
}
