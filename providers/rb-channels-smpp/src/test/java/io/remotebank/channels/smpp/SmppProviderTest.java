package io.remotebank.channels.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.channels.Address;
import io.remotebank.channels.Category;
import io.remotebank.channels.MessageId;
import io.remotebank.channels.MessageStatus;
import io.remotebank.channels.smpp.simulator.SmscSimulator;
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

    @Test
    void aLongMessage_goesInSegments_andItsReceiptsMakeOneReport() throws Exception {
        smsc = SmscSimulator.builder().build().start();
        connect(config());
        String text = "Your statement is ready. ".repeat(10);

        SubmitResult r = provider.submit(sms(text)).toCompletableFuture().get(10, TimeUnit.SECONDS);

        String id = ((SubmitResult.Submitted) r).providerMessageId();
        assertThat(smsc.messages()).hasSize(2);
        assertThat(smsc.messages().get(0).messageId()).isEqualTo(id);
        assertThat(smsc.messages())
                .allSatisfy(m -> assertThat(m.esmClass() & 0x40).isEqualTo(0x40));
        assertThat(smsc.messages().get(0).text() + smsc.messages().get(1).text())
                .isEqualTo(text);
        waitFor(() -> provider.statistics().receipts() == 2);
        waitFor(() -> context.reports.size() == 1);
        assertThat(context.reports).singleElement().satisfies(rep -> {
            assertThat(rep.providerMessageId()).isEqualTo(id);
            assertThat(rep.status()).isEqualTo(MessageStatus.DELIVERED);
        });
    }

    @Test
    void aLongMessage_inMessagePayloadMode_isOneSubmitSm() throws Exception {
        smsc = SmscSimulator.builder().build().start();
        connect(config().longMessages(io.remotebank.channels.smpp.charset.LongMessageMode.MESSAGE_PAYLOAD));
        String text = "验证码".repeat(100);

        assertThat(provider.submit(sms(text)).toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isInstanceOf(SubmitResult.Submitted.class);

        assertThat(smsc.messages()).singleElement().satisfies(m -> {
            assertThat(m.dataCoding()).isEqualTo(8);
            assertThat(m.text()).isEqualTo(text);
            assertThat(m.tlvs()).anySatisfy(t -> assertThat(t.tag()).isEqualTo(0x0424));
        });
    }

    @Test
    void undeliverableReceipt_isReportedAsFailed() throws Exception {
        smsc = SmscSimulator.builder()
                .receipts(true, Duration.ofMillis(5), DeliveryReceipt.State.UNDELIVERABLE)
                .build()
                .start();
        connect(config());
        provider.submit(sms("hi")).toCompletableFuture().get(10, TimeUnit.SECONDS);
        waitFor(() -> context.reports.size() == 1);
        assertThat(context.reports.get(0).status()).isEqualTo(MessageStatus.FAILED);
        assertThat(context.reports.get(0).error()).contains("000");
    }

    @Test
    void moMessages_areInboundMessages_longOnesReassembled() throws Exception {
        smsc = SmscSimulator.builder().build().start();
        connect(config());

        assertThat(smsc.sendMo("+8613812345678", "10690000", "TD")).isEqualTo(1);
        String longText = "请帮我查询一下信用卡账单".repeat(8);
        smsc.sendMo("+8613812345678", "10690000", longText);

        waitFor(() -> context.inbound.size() == 2);
        assertThat(context.inbound.get(0).text()).isEqualTo("TD");
        assertThat(context.inbound.get(0).from()).isEqualTo(io.remotebank.channels.Address.Msisdn.of("13812345678"));
        assertThat(context.inbound.get(0).to()).isEqualTo("10690000");
        assertThat(context.inbound.get(0).provider()).isEqualTo("smpp");
        assertThat(context.inbound.get(1).text()).isEqualTo(longText);
        assertThat(provider.statistics().inbound()).isEqualTo(2);
    }

    @Test
    void aTransmitterBind_getsNoMo_andAReceiverBindCannotSubmit() throws Exception {
        smsc = SmscSimulator.builder().build().start();
        connect(config().bindType(BindType.TRANSMITTER));
        assertThat(smsc.sendMo("+8613812345678", "1069", "TD")).isZero();
        provider.close();

        connect(config().bindType(BindType.RECEIVER));
        assertThat(provider.submit(sms("x")).toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isInstanceOf(SubmitResult.PermanentFailure.class);
        assertThat(smsc.sendMo("+8613812345678", "1069", "TD")).isEqualTo(1);
        waitFor(() -> context.inbound.size() == 1);
    }

    @Test
    void whatSmppCannotCarry_isRefusedPermanently() throws Exception {
        smsc = SmscSimulator.builder().build().start();
        connect(config());
        Submission wechat = new Submission(
                MessageId.random(),
                new io.remotebank.channels.Address.WeChatOpenId("wx0123456789abcdef", "o6_bmjrPTlm6_2sgVt7hMZOPfL2M"),
                Category.OTP,
                new ProviderContent.Text("x"),
                1,
                Optional.empty());
        Submission template = new Submission(
                MessageId.random(),
                io.remotebank.channels.Address.Msisdn.of("13812345678"),
                Category.OTP,
                new ProviderContent.TemplateReference(
                        io.remotebank.channels.template.TemplateId.of("otp.login"), "SMS_1", java.util.Map.of()),
                1,
                Optional.empty());
        assertThat(provider.submit(wechat).toCompletableFuture().get())
                .isInstanceOf(SubmitResult.PermanentFailure.class);
        assertThat(provider.submit(template).toCompletableFuture().get())
                .isInstanceOf(SubmitResult.PermanentFailure.class);
        assertThat(provider.submit(sms("验".repeat(67 * 255 + 1)))
                        .toCompletableFuture()
                        .get())
                .isInstanceOf(SubmitResult.PermanentFailure.class);
    }

    @Test
    void aDeadline_becomesTheValidityPeriod() throws Exception {
        smsc = SmscSimulator.builder().build().start();
        connect(config());
        Submission s = new Submission(
                MessageId.random(),
                io.remotebank.channels.Address.Msisdn.of("13812345678"),
                Category.OTP,
                new ProviderContent.Text("x"),
                1,
                Optional.of(java.time.Instant.parse("2026-11-28T20:35:00Z")));
        assertThat(provider.submit(s).toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isInstanceOf(SubmitResult.Submitted.class);
    }

    @Test
    void afterClose_submissionsFailTemporarily_andCloseIsIdempotent() throws Exception {
        smsc = SmscSimulator.builder().build().start();
        connect(config());
        provider.close();
        provider.close();
        assertThat(provider.isBound()).isFalse();
        assertThat(provider.submit(sms("x")).toCompletableFuture().get())
                .isInstanceOf(SubmitResult.TemporaryFailure.class);
    }

    @Test
    void aQuietLink_isKeptUpWithEnquireLink() throws Exception {
        smsc = SmscSimulator.builder().build().start();
        connect(config().enquireLinkInterval(Duration.ofMillis(20)).responseTimeout(Duration.ofMillis(500)));
        Thread.sleep(300);
        assertThat(provider.isBound()).isTrue();
        assertThat(provider.statistics().connectionsLost()).isZero();
        assertThat(provider.submit(sms("x")).toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isInstanceOf(SubmitResult.Submitted.class);
    }

    @Test
    void configuration_rejectsBadValues_andHidesThePassword() {
        SmppClientConfig.Builder b = SmppClientConfig.builder("h", 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.windowSize(0))
                .hasMessageContaining("window size");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.name("Bad Name"))
                .isInstanceOf(SmppException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.credentials("bank", "123456789".toCharArray()))
                .hasMessageContaining("password length");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.responseTimeout(Duration.ZERO))
                .isInstanceOf(SmppException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.maxRate(-1, 1))
                .isInstanceOf(SmppException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(b::build).hasMessageContaining("credentials");
        SmppClientConfig c = b.credentials("bank", "s3cret".toCharArray()).build();
        assertThat(c.toString()).doesNotContain("s3cret");
        assertThat(c.password()).containsExactly("s3cret".toCharArray());
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
