package io.remotebank.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.AuditException;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.CustomerId;
import io.remotebank.core.audit.AuditReader;
import io.remotebank.core.audit.AuditStores;
import io.remotebank.core.audit.AuditTrail;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.crypto.KeyProviders;
import io.remotebank.core.spi.AuditStore;
import io.remotebank.core.spi.ConsentRegistry;
import io.remotebank.core.spi.KeyProvider;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditedConsentRegistryTest {

    private static final CustomerId C1 = CustomerId.of("C1");
    private static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");

    private final KeyProvider keys = KeyProviders.inMemory();
    private final AuditStore store = AuditStores.inMemory();

    private AuditTrail trail() {
        KeyId signer = KeyId.of("audit/signer");
        if (keys.describe(signer).isEmpty()) {
            keys.generate(signer, CryptoSuite.international().signingKeyType());
        }
        return AuditTrail.builder(store).signer(keys, signer).open();
    }

    @Test
    void everyConsentRecord_isAuditedThenStored() {
        ConsentRegistry plain = ConsentRegistries.inMemory();
        try (AuditTrail trail = trail()) {
            ConsentRegistry audited = ConsentRegistries.audited(plain, trail);

            audited.record(
                    ConsentRecord.granted(C1, ConsentPurpose.SALES_RECORDING, T0, ContactChannel.VIDEO, "rec:42"));

            assertThat(audited.isGranted(C1, ConsentPurpose.SALES_RECORDING)).isTrue();
            assertThat(trail.size()).isEqualTo(1);
        }
        String event =
                AuditReader.of(store, Optional.empty()).readJson(0, 1, false).get(0);
        assertThat(event)
                .contains("\"action\":\"core.consent.recorded\"", "\"actor\":{\"type\":\"customer\",\"id\":\"C1\"}")
                .contains("\"purpose\":\"recording.sales\"", "\"state\":\"GRANTED\"", "\"evidence\":\"rec:42\"")
                .contains("\"time\":\"2026-11-28T08:00:00Z\"");
    }

    @Test
    void closedTrail_meansNothingIsStored() {
        ConsentRegistry plain = ConsentRegistries.inMemory();
        AuditTrail trail = trail();
        trail.close();
        ConsentRegistry audited = ConsentRegistries.audited(plain, trail);

        assertThatThrownBy(() -> audited.record(ConsentRecord.withdrawn(
                        C1, ConsentPurpose.MARKETING_SMS, T0, ContactChannel.SMS, "sms-reply:TD")))
                .isInstanceOf(AuditException.class);
        assertThat(plain.history(C1)).isEmpty();
    }
}
