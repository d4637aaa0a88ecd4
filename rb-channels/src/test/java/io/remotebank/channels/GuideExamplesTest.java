package io.remotebank.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.channels.outbox.OutboxStores;
import io.remotebank.channels.simulator.SimulatedProvider;
import io.remotebank.channels.spi.ChannelProvider;
import io.remotebank.channels.spi.OutboxStore;
import io.remotebank.channels.spi.ProviderContent;
import io.remotebank.channels.spi.Submission;
import io.remotebank.channels.spi.SubmitResult;
import io.remotebank.channels.template.ApprovalState;
import io.remotebank.channels.template.ProviderMapping;
import io.remotebank.channels.template.Template;
import io.remotebank.channels.template.TemplateRegistry;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.CustomerId;
import io.remotebank.core.audit.AuditStores;
import io.remotebank.core.audit.AuditTrail;
import io.remotebank.core.consent.ConsentPurpose;
import io.remotebank.core.consent.ConsentRecord;
import io.remotebank.core.consent.ConsentRegistries;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.crypto.KeyProviders;
import io.remotebank.core.spi.ConsentRegistry;
import io.remotebank.core.spi.KeyProvider;
import io.remotebank.testsupport.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples of docs/rb-channels.md, compiled and run. */
class GuideExamplesTest {

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T13:00:00Z")); // 21:00 in Shanghai
    private AuditTrail trail;
    private OutboxStore outbox;
    private Messaging messaging;
    private SimulatedProvider sms;
    private ConsentRegistry consent;

    @BeforeEach
    void setUp() {
        KeyProvider keys = KeyProviders.inMemory();
        keys.generate(KeyId.of("audit/signer"), CryptoSuite.international().signingKeyType());
        trail = AuditTrail.builder(AuditStores.inMemory())
                .signer(keys, KeyId.of("audit/signer"))
                .clock(clock)
                .open();
        consent = ConsentRegistries.inMemory();
        // tag::setup[]
        TemplateRegistry templates = new TemplateRegistry()
                .register(Template.builder("otp.login", Category.OTP)
                        .parameters("code")
                        .text("您的登录验证码为{code}，5分钟内有效。")
                        .approval(ApprovalState.APPROVED)
                        .build())
                .register(Template.builder("campaign.card-upgrade", Category.MARKETING)
                        .parameters("name")
                        .text("{name}您好，您的信用卡可免费升级。回复TD退订")
                        .mapping("aliyun", new ProviderMapping.TemplateCode("SMS_153055065"))
                        .approval(ApprovalState.APPROVED)
                        .build());
        AddressDirectory directory =
                new AddressDirectory().put(CustomerId.of("C1001"), Address.Msisdn.of("13812345678"));

        outbox = OutboxStores.h2(dir.resolve("outbox")); // the embedded default
        sms = SimulatedProvider.sms(); // or your carrier's provider
        messaging = Messaging.builder()
                .store(outbox)
                .provider(sms)
                .auditTrail(trail)
                .consentRegistry(consent)
                .templates(templates)
                .addressResolver(directory)
                .clock(clock)
                .build();
        messaging.start(); // dispatch in the background
        // end::setup[]
    }

    @AfterEach
    void tearDown() {
        messaging.close();
        outbox.close();
        trail.close();
    }

    @Test
    void sendAnOtp() {
        // tag::send-otp[]
        Message otp = Message.builder(Recipient.of(Address.Msisdn.of("13812345678")), Category.OTP, "otp:login:7f3a9c")
                .template("otp.login", Map.of("code", "493817"))
                .deadline(clock.instant().plus(Duration.ofMinutes(5)))
                .build();

        SendResult result = messaging.send(otp); // checked, audited and in the outbox when it returns

        if (result instanceof SendResult.Accepted accepted) {
            System.out.println("queued as " + accepted.id()); // status events follow
        } else if (result instanceof SendResult.Rejected rejected) {
            System.out.println("invalid: " + rejected.reason() + " " + rejected.detail());
        }
        // end::send-otp[]
        assertThat(result).isInstanceOf(SendResult.Accepted.class);
        messaging.dispatchDue();
        assertThat(messaging.find(result.id()).orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(sms.submissions().get(0).content()).isEqualTo(new ProviderContent.Text("您的登录验证码为493817，5分钟内有效。"));
    }

    @Test
    void marketingIsDeferredByQuietHours() {
        consent.record(ConsentRecord.granted(
                CustomerId.of("C1001"),
                ConsentPurpose.MARKETING_SMS,
                Instant.parse("2026-11-01T00:00:00Z"),
                ContactChannel.APP_PUSH,
                "app-consent-form:v3"));
        List<StatusEvent> events = new CopyOnWriteArrayList<>();
        // tag::marketing-deferred[]
        messaging.addStatusListener(event -> events.add(event)); // submitted, delivered, failed, ...

        Message offer = Message.builder(
                        Recipient.customer(CustomerId.of("C1001"), ContactChannel.SMS),
                        Category.MARKETING,
                        "campaign-42:C1001")
                .template("campaign.card-upgrade", Map.of("name", "张先生"))
                .build();

        // At 21:00 in Shanghai (the default zone) marketing waits for 08:00 the next morning.
        SendResult result = messaging.send(offer);

        assertThat(result).isEqualTo(new SendResult.Deferred(result.id(), Instant.parse("2026-11-29T00:00:00Z")));
        // end::marketing-deferred[]
        assertThat(messaging.send(offer)).isEqualTo(result); // same key: same result
        messaging.dispatchDue();
        assertThat(sms.submissions()).isEmpty();
        clock.advance(Duration.ofHours(11));
        messaging.dispatchDue();
        assertThat(events)
                .extracting(StatusEvent::status)
                .containsExactly(MessageStatus.SUBMITTED, MessageStatus.DELIVERED);
    }

    // tag::provider[]
    /** An HTTP SMS gateway: the SDK hands it each due message at least once. */
    static final class AcmeSmsGateway implements ChannelProvider {
        private final AcmeClient client;

        AcmeSmsGateway(AcmeClient client) {
            this.client = client;
        }

        @Override
        public String name() {
            return "acme"; // template mappings are keyed by this name
        }

        @Override
        public Set<ContactChannel> channels() {
            return Set.of(ContactChannel.SMS);
        }

        @Override
        public boolean deduplicates() {
            return true; // the gateway drops a repeated client reference
        }

        @Override
        public CompletionStage<SubmitResult> submit(Submission s) {
            String text = ((ProviderContent.Text) s.content()).text();
            Address.Msisdn to = (Address.Msisdn) s.address();
            return client.send(s.id().value(), to.number().e164(), text)
                    .thenApply(response -> switch (response.status()) {
                        case 200 -> new SubmitResult.Submitted(response.messageId());
                        case 429, 503 ->
                            new SubmitResult.TemporaryFailure("http " + response.status(), java.util.Optional.empty());
                        default -> new SubmitResult.PermanentFailure("http " + response.status());
                    });
        }
    }
    // end::provider[]

    /** The gateway's client library, as a test double. */
    interface AcmeClient {
        record Response(int status, String messageId) {}

        CompletionStage<Response> send(String clientReference, String to, String text);
    }

    @Test
    void pluggingInAProvider() {
        List<String> references = new CopyOnWriteArrayList<>();
        AcmeClient client = (reference, to, text) -> {
            references.add(reference);
            return CompletableFuture.completedFuture(
                    references.size() == 1 ? new AcmeClient.Response(503, "") : new AcmeClient.Response(200, "acme-1"));
        };
        try (OutboxStore store = OutboxStores.h2InMemory("guide_provider");
                Messaging acme = Messaging.builder()
                        .store(store)
                        .provider(new AcmeSmsGateway(client))
                        .auditTrail(trail)
                        .templates(messaging.templates())
                        .clock(clock)
                        .build()) {
            SendResult r = acme.send(
                    Message.builder(Recipient.of(Address.Msisdn.of("13812345678")), Category.OTP, "otp:acme:1")
                            .template("otp.login", Map.of("code", "111111"))
                            .build());
            acme.dispatchDue();
            clock.advance(Duration.ofSeconds(2));
            acme.dispatchDue();
            assertThat(references).containsExactly(r.id().value(), r.id().value());
            assertThat(acme.find(r.id()).orElseThrow().providerMessageId()).contains("acme-1");
        }
    }
}
