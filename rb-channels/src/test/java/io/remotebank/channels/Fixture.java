package io.remotebank.channels;

import io.remotebank.channels.outbox.OutboxStores;
import io.remotebank.channels.policy.ContactPolicy;
import io.remotebank.channels.simulator.SimulatedProvider;
import io.remotebank.channels.spi.ChannelProvider;
import io.remotebank.channels.spi.OutboxStore;
import io.remotebank.channels.template.ApprovalState;
import io.remotebank.channels.template.Template;
import io.remotebank.channels.template.TemplateRegistry;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.CustomerId;
import io.remotebank.core.audit.AuditReader;
import io.remotebank.core.audit.AuditStores;
import io.remotebank.core.audit.AuditTrail;
import io.remotebank.core.consent.ConsentPurpose;
import io.remotebank.core.consent.ConsentRecord;
import io.remotebank.core.consent.ConsentRegistries;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.crypto.KeyProviders;
import io.remotebank.core.spi.AuditStore;
import io.remotebank.core.spi.ConsentRegistry;
import io.remotebank.core.spi.KeyProvider;
import io.remotebank.testsupport.ManualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** A messaging service on a manual clock, an in-memory H2 outbox, a simulator and an audit trail. */
final class Fixture implements AutoCloseable {

    static final CustomerId ALICE = CustomerId.of("C1001");
    static final CustomerId BOB = CustomerId.of("C1002");
    static final Address ALICE_SMS = Address.Msisdn.of("13812345678");
    static final Address BOB_SMS = Address.Msisdn.of("+14155550123");
    private static final AtomicInteger DATABASES = new AtomicInteger();

    final ManualClock clock;
    final AuditStore auditStore = AuditStores.inMemory();
    final AuditTrail trail;
    final ConsentRegistry consent = ConsentRegistries.inMemory();
    final TemplateRegistry templates = new TemplateRegistry();
    final AddressDirectory directory = new AddressDirectory();
    final SimulatedProvider sms;
    final OutboxStore store;
    final Messaging messaging;
    final List<StatusEvent> events = new CopyOnWriteArrayList<>();
    final List<InboundMessage> inbound = new CopyOnWriteArrayList<>();

    Fixture() {
        this(Instant.parse("2026-11-28T02:00:00Z"), b -> {}, ContactPolicy.ofDefaults());
    }

    /** 2026-11-28T02:00:00Z is 10:00 in Shanghai, the default zone. */
    Fixture(Instant start, Consumer<Messaging.Builder> configure, ContactPolicy policy) {
        this(start, configure, policy, SimulatedProvider.sms());
    }

    Fixture(Instant start, Consumer<Messaging.Builder> configure, ContactPolicy policy, ChannelProvider provider) {
        clock = new ManualClock(start);
        KeyProvider keys = KeyProviders.inMemory();
        KeyId signer = KeyId.of("audit/signer");
        keys.generate(signer, CryptoSuite.international().signingKeyType());
        trail = AuditTrail.builder(auditStore).signer(keys, signer).clock(clock).open();
        sms = provider instanceof SimulatedProvider s ? s : null;
        store = OutboxStores.h2InMemory("fixture_" + DATABASES.incrementAndGet());
        templates.register(Template.builder("otp.login", Category.OTP)
                .parameters("code")
                .text("Your login code is {code}. It expires in 5 minutes.")
                .approval(ApprovalState.APPROVED)
                .build());
        templates.register(Template.builder("campaign.card-upgrade", Category.MARKETING)
                .parameters("name")
                .text("{name}, upgrade your card today. Reply TD to opt out.")
                .approval(ApprovalState.APPROVED)
                .build());
        templates.register(Template.builder("campaign.draft", Category.MARKETING)
                .text("A draft offer.")
                .build());
        directory.put(ALICE, ALICE_SMS).put(BOB, BOB_SMS);
        Messaging.Builder b = Messaging.builder()
                .store(store)
                .provider(provider)
                .auditTrail(trail)
                .consentRegistry(consent)
                .templates(templates)
                .addressResolver(directory)
                .policy(policy)
                .clock(clock);
        configure.accept(b);
        messaging = b.build();
        messaging.addStatusListener(events::add);
        messaging.addInboundListener(inbound::add);
    }

    void grantMarketing(CustomerId customer) {
        consent.record(ConsentRecord.granted(
                customer,
                ConsentPurpose.MARKETING_SMS,
                clock.instant().minusSeconds(86_400),
                ContactChannel.APP_PUSH,
                "form:v3/1"));
    }

    static Message otp(Address to, String key) {
        return Message.builder(Recipient.of(to), Category.OTP, key)
                .template("otp.login", Map.of("code", "493817"))
                .build();
    }

    static Message marketing(CustomerId customer, String key) {
        return Message.builder(Recipient.customer(customer, ContactChannel.SMS), Category.MARKETING, key)
                .template("campaign.card-upgrade", Map.of("name", "Alice"))
                .build();
    }

    MessageRecord record(SendResult result) {
        return messaging.find(result.id()).orElseThrow();
    }

    /** The actions in the audit trail, in order. */
    List<String> auditActions() {
        trail.flush();
        List<String> actions = new ArrayList<>();
        for (String json : AuditReader.of(auditStore, Optional.empty()).readJson(0, 10_000, false)) {
            int i = json.indexOf("\"action\":\"") + 10;
            actions.add(json.substring(i, json.indexOf('"', i)));
        }
        return actions;
    }

    /** The audit events as JSON. */
    List<String> auditJson() {
        trail.flush();
        return AuditReader.of(auditStore, Optional.empty()).readJson(0, 10_000, false);
    }

    List<MessageStatus> statuses(MessageId id) {
        return events.stream()
                .filter(e -> e.id().equals(id))
                .map(StatusEvent::status)
                .toList();
    }

    @Override
    public void close() {
        messaging.close();
        store.close();
        trail.close();
    }
}
