package io.remotebank.channels.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.channels.Address;
import io.remotebank.channels.Category;
import io.remotebank.channels.MessageId;
import io.remotebank.channels.MessageStatus;
import io.remotebank.channels.spi.ProviderContent;
import io.remotebank.channels.spi.Submission;
import io.remotebank.channels.spi.SubmitResult;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SmppProviderTest {

    private SmscSimulator smsc;
    private SmppProvider provider;
    private final RecordingContext context = new RecordingContext();

    @AfterEach
    void close() {
        if (provider != null) {
            provider.close();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    private SmppProvider connect(SmppClientConfig.Builder b) throws Exception {
        provider = SmppProvider.create(b.build());
        provider.start(context);
        provider.bound().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return provider;
    }

    private SmppClientConfig.Builder config() {
        return SmppClientConfig.builder("127.0.0.1", smsc.port()).credentials("bank", "secret".toCharArray());
    }

    static Submission sms(String text) {
        return new Submission(
                MessageId.random(),
                Address.Msisdn.of("13812345678"),
                Category.OTP,
                new ProviderContent.Text(text),
                1,
                Optional.empty());
    }

    @Test
    void aMessage_isSubmitted_andItsReceiptReported() throws Exception {
        smsc = SmscSimulator.builder().build().start();
        connect(config());

        SubmitResult r = provider.submit(sms("Your code is 493817"))
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);

        assertThat(r).isInstanceOf(SubmitResult.Submitted.class);
        String id = ((SubmitResult.Submitted) r).providerMessageId();
        waitFor(() -> context.reports.size() == 1);
        assertThat(context.reports.get(0).providerMessageId()).isEqualTo(id);
        assertThat(context.reports.get(0).status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(smsc.messages()).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("Your code is 493817");
            assertThat(m.destination().address()).isEqualTo("8613812345678");
        });
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(5);
        }
    }
}
