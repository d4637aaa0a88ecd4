package io.remotebank.channels.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.remotebank.channels.Address;
import io.remotebank.channels.Category;
import io.remotebank.channels.MessageId;
import io.remotebank.channels.MessageStatus;
import io.remotebank.channels.smpp.simulator.SmscSimulator;
import io.remotebank.channels.spi.ProviderContent;
import io.remotebank.channels.spi.Submission;
import io.remotebank.channels.spi.SubmitResult;
import io.remotebank.testing.ManualTime;
import io.remotebank.testsupport.Await;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SmppProviderTest {

    private SmscSimulator smsc;
    private SmppProvider provider;
    private final EventLoopGroup clientLoop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final RecordingContext context = new RecordingContext();

    @AfterEach
    void close() {
        if (provider != null) {
            provider.close();
        }
        if (smsc != null) {
            smsc.close();
        }
        clientLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
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

    /**
     * Moves virtual time one second, then lets the client's event loop run what fell due: its timers
     * (handed to the loop by the scheduler) then act at the time they were due, not later.
     */
    private void oneSecond(ManualTime time) {
        time.advance(Duration.ofSeconds(1));
        try {
            clientLoop.next().submit(() -> {}).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the client's event loop did not run", e);
        }
    }

    private SmppClientConfig.Builder onVirtualTime(ManualTime time) {
        return config().scheduler(time).eventLoopGroup(clientLoop);
    }

    @Test
    void aQuietLink_isKeptUpWithEnquireLink_pastTheSmscsIdleLimit() throws Exception {
        // SMPP v3.4 4.11: the client probes a quiet link; this SMSC drops a link quiet for 45 s.
        ManualTime time = ManualTime.at(Instant.parse("2026-12-01T09:00:00Z"));
        smsc = SmscSimulator.builder()
                .dropIdleLinks(Duration.ofSeconds(45))
                .scheduler(time)
                .build()
                .start();
        connect(onVirtualTime(time)
                .enquireLinkInterval(Duration.ofSeconds(30))
                .responseTimeout(Duration.ofSeconds(10)));

        for (int second = 1; second <= 150; second++) {
            oneSecond(time);
            if (second % 30 == 0) {
                long probes = second / 30;
                // Time moves on only once the answer is in: the probe's own timeout cannot race it.
                Await.until(
                        "enquire_link " + probes + " answered",
                        () -> smsc.statistics().enquireLinks() == probes
                                && provider.statistics().linkChecks() == probes);
            }
        }

        assertThat(smsc.statistics().idleDrops()).isZero();
        assertThat(provider.statistics().connectionsLost()).isZero();
        assertThat(provider.isBound()).isTrue();
        assertThat(provider.submit(sms("x")).toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isInstanceOf(SubmitResult.Submitted.class);
    }

    @Test
    void aQuietLinkWithoutEnquireLink_isDroppedByTheSmsc_andTheClientBindsAgain() throws Exception {
        ManualTime time = ManualTime.at(Instant.parse("2026-12-01T09:00:00Z"));
        smsc = SmscSimulator.builder()
                .dropIdleLinks(Duration.ofSeconds(45))
                .scheduler(time)
                .build()
                .start();
        connect(onVirtualTime(time)
                .enquireLinkInterval(Duration.ofHours(1))
                .reconnectDelay(Duration.ofMillis(100), Duration.ofMillis(200)));

        Await.until("the SMSC drops the idle link and the client binds again", () -> {
            oneSecond(time);
            return provider.statistics().binds() == 2;
        });

        assertThat(smsc.statistics().idleDrops()).isEqualTo(1);
        assertThat(provider.statistics().connectionsLost()).isEqualTo(1);
        assertThat(smsc.statistics().enquireLinks()).isZero();
        assertThat(time.clock().instant()).isAfterOrEqualTo(Instant.parse("2026-12-01T09:00:45Z"));
    }

    @Test
    void anUnansweredEnquireLink_makesTheClientBindAgain() throws Exception {
        ManualTime time = ManualTime.at(Instant.parse("2026-12-01T09:00:00Z"));
        smsc = SmscSimulator.builder().build().start();
        connect(onVirtualTime(time)
                .enquireLinkInterval(Duration.ofSeconds(30))
                .responseTimeout(Duration.ofSeconds(10))
                .reconnectDelay(Duration.ofMillis(100), Duration.ofMillis(200)));
        smsc.silent(true);

        for (int second = 1; second <= 30; second++) {
            oneSecond(time);
        }
        Await.until("the probe reaches the SMSC", () -> smsc.statistics().enquireLinks() == 1);
        smsc.silent(false);
        for (int second = 1; second < 10; second++) {
            oneSecond(time);
        }
        assertThat(provider.isBound())
                .as("bound until the response timeout is over")
                .isTrue();
        Await.until("no enquire_link_resp within 10 s: unbound, and bound again", () -> {
            oneSecond(time);
            return provider.statistics().binds() == 2;
        });

        assertThat(provider.statistics().connectionsLost()).isEqualTo(1);
        assertThat(provider.statistics().linkChecks()).isZero();
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

    /** An awaited condition (see {@link Await}), for the SMPP tests that wait on the event loop. */
    static void waitFor(java.util.function.BooleanSupplier condition) {
        Await.until("a condition of an SMPP test", condition);
    }
}
