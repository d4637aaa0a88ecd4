package io.remotebank.channels.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.channels.MessageStatus;
import io.remotebank.channels.smpp.simulator.SmscSimulator;
import io.remotebank.channels.spi.SubmitResult;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A receipt the simulator sends after a delay reaches the client (it used to stay unflushed). */
class DelayedReceiptTest {

    @Test
    void aDelayedReceipt_arrives() throws Exception {
        RecordingContext context = new RecordingContext();
        try (SmscSimulator smsc = SmscSimulator.builder()
                        .receipts(true, Duration.ofMillis(100), DeliveryReceipt.State.DELIVERED)
                        .build()
                        .start();
                SmppProvider provider = SmppProvider.create(SmppClientConfig.builder("127.0.0.1", smsc.port())
                        .credentials("bank", "secret".toCharArray())
                        .build())) {
            provider.start(context);
            provider.bound().toCompletableFuture().get(10, TimeUnit.SECONDS);

            SubmitResult r = provider.submit(SmppProviderTest.sms("您的账户已开立成功"))
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);

            assertThat(r).isInstanceOf(SubmitResult.Submitted.class);
            SmppProviderTest.waitFor(() -> context.reports.size() == 1);
            assertThat(context.reports.get(0).status()).isEqualTo(MessageStatus.DELIVERED);
            assertThat(context.reports.get(0).providerMessageId())
                    .isEqualTo(((SubmitResult.Submitted) r).providerMessageId());
        }
    }
}
