package io.remotebank.core.audit;

import io.remotebank.core.AgentId;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.CorrelationId;
import io.remotebank.core.CustomerId;
import io.remotebank.core.PhoneNumber;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.FieldEncryption;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.crypto.KeyProviders;
import io.remotebank.core.crypto.PublicKeyInfo;
import io.remotebank.core.pii.PiiKind;
import io.remotebank.core.pii.Sensitive;
import io.remotebank.core.spi.AuditStore;
import io.remotebank.core.spi.KeyProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/** Keys, trails and events shared by the audit tests. */
final class Fixtures {

    static final KeyId SIGNER = KeyId.of("audit/signer");
    static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");

    final CryptoSuite suite;
    final KeyProvider keys = KeyProviders.inMemory();
    final FieldEncryption fields;
    final MutableClock clock = new MutableClock(T0);

    Fixtures(CryptoSuite suite) {
        this.suite = suite;
        keys.generate(SIGNER, suite.signingKeyType());
        fields = FieldEncryption.create(keys, suite);
    }

    PublicKeyInfo publicKey() {
        return keys.publicKey(SIGNER);
    }

    AuditTrail.Builder trail(AuditStore store) {
        return AuditTrail.builder(store)
                .suite(suite)
                .signer(keys, SIGNER)
                .fieldEncryption(fields)
                .clock(clock);
    }

    /** A varied event: the i-th of a small remote bank's day. */
    static AuditEvent event(int i) {
        CustomerId customer = CustomerId.of("C" + (1000 + i % 7));
        return switch (i % 4) {
            case 0 ->
                AuditEvent.builder("identity.flow.decided", Actor.system("kyc-engine"))
                        .subject(customer)
                        .correlation(CorrelationId.of("kyc-session-" + i))
                        .detail("decision", "approved")
                        .detail("score", 0.97)
                        .detail("idNumber", Sensitive.of("11010519491231002X", PiiKind.ID_NUMBER))
                        .build();
            case 1 ->
                AuditEvent.builder("channels.message.suppressed", Actor.system("contact-policy"))
                        .subject(customer)
                        .detail("channel", ContactChannel.SMS)
                        .detail("reason", "quiet-hours")
                        .detail("to", PhoneNumber.parse("13812345678"))
                        .build();
            case 2 ->
                AuditEvent.builder("routing.contact.assigned", Actor.agent(new AgentId("A" + i % 3)))
                        .subject(customer)
                        .detail("queue", "video-kyc")
                        .detail("waitedSeconds", 12 + i)
                        .detail("skills", List.of("kyc", "mandarin"))
                        .build();
            default ->
                AuditEvent.builder("core.consent.recorded", Actor.customer(customer))
                        .subject(customer)
                        .detail("purpose", "marketing.sms")
                        .detail("state", "withdrawn")
                        .detail("meta", Map.of("via", "app"))
                        .build();
        };
    }

    /** The only segment file of a directory store. */
    static Path onlySegment(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("segments"))) {
            List<Path> all = files.sorted().toList();
            if (all.size() != 1) {
                throw new IllegalStateException("expected one segment, found " + all);
            }
            return all.get(0);
        }
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advanceSeconds(long seconds) {
            now.updateAndGet(t -> t.plusSeconds(seconds));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
