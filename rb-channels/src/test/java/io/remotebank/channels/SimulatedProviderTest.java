package io.remotebank.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.channels.simulator.SimulatedProvider;
import io.remotebank.channels.spi.ProviderContent;
import io.remotebank.channels.spi.Submission;
import io.remotebank.channels.spi.SubmitResult;
import io.remotebank.testing.ManualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The simulated provider's latency runs on the scheduler it is given (house rule 6). */
class SimulatedProviderTest {

    private final ManualTime time = ManualTime.at(Instant.parse("2026-11-28T02:00:00Z"));

    private static Submission submission() {
        return new Submission(
                MessageId.random(),
                Address.Msisdn.of("13812345678"),
                Category.OTP,
                new ProviderContent.Text("Your code is 493817."),
                1,
                Optional.empty());
    }

    @Test
    void latency_answersWhenTheSchedulersTimeHasPassed() {
        SimulatedProvider sim = SimulatedProvider.builder()
                .latency(Duration.ofSeconds(2))
                .scheduler(time)
                .build();

        CompletableFuture<SubmitResult> answer = sim.submit(submission()).toCompletableFuture();
        time.advance(Duration.ofMillis(1999));
        assertThat(answer).isNotDone();
        time.advance(Duration.ofMillis(1));

        assertThat(answer).isCompletedWithValueMatching(r -> r instanceof SubmitResult.Submitted);
        assertThat(sim.submissions()).hasSize(1);
    }

    @Test
    void close_callsOffTheAnswersNotYetGiven() {
        SimulatedProvider sim = SimulatedProvider.builder()
                .latency(Duration.ofSeconds(2))
                .scheduler(time)
                .build();
        CompletableFuture<SubmitResult> answer = sim.submit(submission()).toCompletableFuture();

        sim.close();
        time.advance(Duration.ofSeconds(5));

        assertThat(time.pending()).isZero();
        assertThat(answer).isNotDone();
        assertThat(sim.submissions()).isEmpty();
    }
}
