package io.remotebank.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.flow.Attempt;
import io.remotebank.identity.flow.StepDefinition;
import io.remotebank.identity.flow.StepKind;
import io.remotebank.identity.spi.Outcome;
import io.remotebank.identity.spi.VendorError;
import io.remotebank.testing.ManualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FailoverTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    final ManualTime time = ManualTime.at(T0);
    final Failover failover = new Failover(time, time.clock(), 1, Duration.ofMinutes(1));

    /** A vendor answering "ok" or failing with the scripted errors, one per call; the last repeats. */
    static final class Vendor {
        final String name;
        final Deque<Optional<IdentityError>> script = new ArrayDeque<>();
        int calls;

        Vendor(String name, List<Optional<IdentityError>> script) {
            this.name = name;
            this.script.addAll(script);
        }

        CompletionStage<String> call() {
            calls++;
            Optional<IdentityError> next = script.size() > 1 ? script.poll() : script.peek();
            return next.<CompletionStage<String>>map(
                            e -> CompletableFuture.failedFuture(new IdentityException(e, name + " scripted")))
                    .orElseGet(() -> CompletableFuture.completedFuture("ok"));
        }
    }

    static final Failover.Reading<Vendor, String> READING = new Failover.Reading<>() {
        public String vendor(Vendor p) {
            return p.name;
        }

        public CompletionStage<String> call(Vendor p) {
            return p.call();
        }

        public Outcome outcome(String v) {
            return Outcome.PASS;
        }

        public Optional<VendorError> error(String v) {
            return Optional.empty();
        }
    };

    private Failover.Result<String> call(StepDefinition step, Vendor... vendors) {
        CompletableFuture<Failover.Result<String>> f = failover.call(step.kind(), step, List.of(vendors), READING);
        while (!f.isDone() && time.pending() > 0) {
            time.advanceToNext();
        }
        assertThat(f).isDone();
        return f.join();
    }

    private static StepDefinition registry() {
        return StepDefinition.of(StepKind.REGISTRY).withRetries(0, Duration.ZERO);
    }

    /** Opens vendor's breaker (threshold 1) and waits out the open period, so the next call is the trial. */
    private void openThenWait(Vendor vendor) {
        call(registry(), vendor);
        assertThat(failover.breaker(vendor).state()).isEqualTo(CircuitBreaker.State.OPEN);
        time.advance(Duration.ofMinutes(1));
    }

    @ParameterizedTest
    @EnumSource(
            value = IdentityError.class,
            names = {"VENDOR_BAD_INPUT", "VENDOR_SESSION_UNKNOWN", "IMAGE_UNREADABLE", "ARGUMENT_INVALID"})
    void halfOpenTrial_endedByTheCustomersInput_closesTheBreaker(IdentityError customers) {
        assertThat(customers.retryable() || customers.failover())
                .as("a customer-input error")
                .isFalse();
        Vendor vendor = new Vendor(
                "v", List.of(Optional.of(IdentityError.VENDOR_UNAVAILABLE), Optional.of(customers), Optional.empty()));
        openThenWait(vendor);

        Failover.Result<String> trial = call(registry(), vendor);
        assertThat(trial.error()).contains(customers);

        assertThat(failover.breaker(vendor).state()).isEqualTo(CircuitBreaker.State.CLOSED);
        Failover.Result<String> next = call(registry(), vendor);
        assertThat(next.value()).as("the vendor is asked again, not skipped").contains("ok");
        assertThat(vendor.calls).isEqualTo(3);
    }

    @Test
    void halfOpenTrial_succeeds_closesTheBreaker() {
        Vendor vendor = new Vendor("v", List.of(Optional.of(IdentityError.VENDOR_UNAVAILABLE), Optional.empty()));
        openThenWait(vendor);

        assertThat(call(registry(), vendor).value()).contains("ok");

        assertThat(failover.breaker(vendor).state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void halfOpenTrial_fails_opensTheBreakerAgain_andTheNextCallSkipsTheVendor() {
        Vendor vendor = new Vendor("v", List.of(Optional.of(IdentityError.VENDOR_UNAVAILABLE)));
        Vendor backup = new Vendor("backup", List.of(Optional.empty()));
        openThenWait(vendor);

        call(registry(), vendor);
        assertThat(failover.breaker(vendor).state()).isEqualTo(CircuitBreaker.State.OPEN);

        Failover.Result<String> next = call(registry(), vendor, backup);
        assertThat(next.attempts())
                .extracting(a -> a.vendor() + " " + a.result())
                .containsExactly("v " + IdentityError.CIRCUIT_OPEN.code(), "backup pass");
        assertThat(vendor.calls).isEqualTo(2);
    }

    @Test
    void retries_waitTheirDoublingBackoff_onTheScheduler() {
        Vendor flaky = new Vendor(
                "v",
                List.of(
                        Optional.of(IdentityError.VENDOR_UNAVAILABLE),
                        Optional.of(IdentityError.VENDOR_UNAVAILABLE),
                        Optional.of(IdentityError.VENDOR_UNAVAILABLE),
                        Optional.empty()));
        Failover patient = new Failover(time, time.clock(), 10, Duration.ofMinutes(1));
        StepDefinition step = StepDefinition.of(StepKind.REGISTRY).withRetries(3, Duration.ofMillis(100));

        CompletableFuture<Failover.Result<String>> f = patient.call(step.kind(), step, List.of(flaky), READING);
        while (!f.isDone() && time.pending() > 0) {
            time.advanceToNext();
        }

        assertThat(f.join().attempts())
                .extracting(Attempt::at)
                .containsExactly(T0, T0.plusMillis(100), T0.plusMillis(100 + 200), T0.plusMillis(100 + 200 + 400));
        assertThat(f.join().value()).contains("ok");
    }

    @Test
    void retriesExhausted_failOverToTheNextVendor_afterExactlyRetriesPlusOneCalls() {
        Vendor down = new Vendor("a", List.of(Optional.of(IdentityError.VENDOR_UNAVAILABLE)));
        Vendor up = new Vendor("b", List.of(Optional.empty()));
        Failover patient = new Failover(time, time.clock(), 10, Duration.ofMinutes(1));
        StepDefinition step = StepDefinition.of(StepKind.REGISTRY).withRetries(1, Duration.ofSeconds(2));

        CompletableFuture<Failover.Result<String>> f = patient.call(step.kind(), step, List.of(down, up), READING);
        while (!f.isDone() && time.pending() > 0) {
            time.advanceToNext();
        }

        assertThat(f.join().attempts())
                .extracting(a -> a.vendor() + "#" + a.number() + " " + a.at())
                .containsExactly("a#1 " + T0, "a#2 " + T0.plusSeconds(2), "b#1 " + T0.plusSeconds(2));
        assertThat(down.calls).isEqualTo(2);
    }
}
