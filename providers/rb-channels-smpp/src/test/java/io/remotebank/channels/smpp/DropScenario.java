package io.remotebank.channels.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.channels.smpp.simulator.SmscSimulator;
import io.remotebank.channels.spi.SubmitResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The run of the fault test: the SMSC drops the connection mid-window every n-th submit_sm
 * while messages stream in; every accepted message must end acknowledged or failed, none lost, and
 * duplicates stay within the at-least-once window (at most the window size per dropped connection).
 */
final class DropScenario {

    static final int WINDOW = 32;

    private DropScenario() {}

    static void run(int messages, int drops) throws Exception {
        int dropEvery = messages / drops;
        try (SmscSimulator smsc = SmscSimulator.builder()
                        .dropEvery(dropEvery)
                        .receipts(false, Duration.ZERO, DeliveryReceipt.State.DELIVERED)
                        .build()
                        .start();
                SmppProvider provider = SmppProvider.create(SmppClientConfig.builder("127.0.0.1", smsc.port())
                        .credentials("bank", "secret".toCharArray())
                        .windowSize(WINDOW)
                        .reconnectDelay(Duration.ofMillis(1), Duration.ofMillis(20))
                        .maxResends(20)
                        .submitTimeout(Duration.ofMinutes(5))
                        .build())) {
            provider.start(new RecordingContext());
            List<CompletableFuture<SubmitResult>> answers = new ArrayList<>(messages);
            for (int i = 0; i < messages; i++) {
                answers.add(provider.submit(SmppProviderTest.sms("m" + i)).toCompletableFuture());
            }
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);

            Map<String, Integer> seen = new HashMap<>();
            for (SmscSimulator.Received r : smsc.messages()) {
                seen.merge(r.text(), 1, Integer::sum);
            }
            int acknowledged = 0;
            for (int i = 0; i < messages; i++) {
                SubmitResult r = answers.get(i).join();
                if (r instanceof SubmitResult.Submitted) {
                    acknowledged++;
                    assertThat(seen)
                            .as("acknowledged message m%d reached the SMSC", i)
                            .containsKey("m" + i);
                } else {
                    assertThat(r).isInstanceOf(SubmitResult.TemporaryFailure.class);
                }
            }
            long dropped = smsc.statistics().dropped();
            int duplicates = seen.values().stream().mapToInt(n -> n - 1).sum();
            assertThat(dropped).as("connections dropped").isGreaterThanOrEqualTo(drops - 1);
            assertThat(acknowledged).as("acknowledged").isEqualTo(messages);
            assertThat(duplicates).as("duplicates").isLessThanOrEqualTo((int) dropped * WINDOW);
            assertThat(provider.statistics().connectionsLost()).isGreaterThanOrEqualTo(dropped);
        }
    }
}
