package io.remotebank.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.consent.ConsentPurpose;
import io.remotebank.core.consent.ConsentRecord;
import io.remotebank.core.consent.ConsentRegistries;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.EncryptedField;
import io.remotebank.core.crypto.FieldEncryption;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.crypto.KeyProviders;
import io.remotebank.core.crypto.KeyType;
import io.remotebank.core.crypto.PublicKeyInfo;
import io.remotebank.core.crypto.SignatureEncoding;
import io.remotebank.core.crypto.SignatureOptions;
import io.remotebank.core.discovery.ProviderRegistry;
import io.remotebank.core.pii.PiiKind;
import io.remotebank.core.pii.Sensitive;
import io.remotebank.core.spi.ConsentRegistry;
import io.remotebank.core.spi.KeyProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The examples of docs/rb-core.md, compiled and run. */
class GuideExamplesTest {

    private static final Logger LOG = LoggerFactory.getLogger(GuideExamplesTest.class);

    @TempDir
    Path dir;

    @Test
    void valuesAndPersonalData() {
        // tag::values[]
        CustomerId customer = CustomerId.of("CIF-0001234567");
        PhoneNumber phone = PhoneNumber.parse("138 1234 5678"); // stored as +8613812345678
        Sensitive<String> idNumber = Sensitive.of("11010519491231002X", PiiKind.ID_NUMBER);

        // toString is masked, so logs and exception messages never carry the data itself:
        LOG.info("KYC for {} phone {} id {}", customer, phone, idNumber);
        // -> KYC for CIF-0001234567 phone +86138****5678 id 1****************X
        // end::values[]
        assertThat(phone.e164()).isEqualTo("+8613812345678");
        assertThat(idNumber.toString()).isEqualTo("1****************X");
    }

    @Test
    void errors() {
        // tag::errors[]
        try {
            PhoneNumber.parse("12345");
        } catch (ValidationException e) {
            assertThat(e.code()).isEqualTo(CoreError.PHONE_NUMBER_INVALID); // stable: switch on it
            assertThat(e.getMessage()).startsWith("core.phone-number.invalid: "); // for people
        }
        // end::errors[]
    }

    @Test
    void consent() {
        CustomerId customer = CustomerId.of("C1001");
        Instant now = Instant.parse("2026-11-28T08:00:00Z");
        try (var registry = ConsentRegistries.file(dir.resolve("consent.log"))) {
            // tag::consent[]
            registry.record(ConsentRecord.granted(
                    customer, ConsentPurpose.MARKETING_SMS, now, ContactChannel.APP_PUSH, "app-consent-log:7731"));
            registry.record(ConsentRecord.withdrawn(
                    customer, ConsentPurpose.MARKETING_SMS, now.plusSeconds(3600), ContactChannel.SMS, "sms-reply:TD"));

            boolean mayMarketNow = registry.isGranted(customer, ConsentPurpose.MARKETING_SMS); // false
            boolean mayMarketThen =
                    registry.wasGranted(customer, ConsentPurpose.MARKETING_SMS, now.plusSeconds(60)); // true
            // end::consent[]
            assertThat(mayMarketNow).isFalse();
            assertThat(mayMarketThen).isTrue();
        }
    }

    @Test
    void signing() {
        // tag::signing[]
        CryptoSuite suite = CryptoSuite.named("SM"); // or "INTERNATIONAL", from configuration
        KeyProvider keys =
                KeyProviders.keystore(dir.resolve("keys")).protection(suite).open("keystore password".toCharArray());
        KeyId signer = KeyId.of("checkpoint/signer");
        keys.generate(signer, suite.signingKeyType());

        byte[] data = "tree size 1000, root 5b1f...".getBytes(StandardCharsets.UTF_8);
        SignatureOptions options = suite.signingKeyType() == KeyType.SM2
                ? SignatureOptions.sm2(SignatureOptions.SM2_DEFAULT_USER_ID, SignatureEncoding.DER)
                : SignatureOptions.ecdsa(SignatureEncoding.DER);
        byte[] signature = keys.sign(signer, data, options);

        // A third party needs only the public key (PEM) and the suite:
        PublicKeyInfo publicKey = PublicKeyInfo.fromPem(keys.publicKey(signer).toPem());
        boolean valid = publicKey.type().suite().verify(publicKey, data, signature, options); // true
        // end::signing[]
        assertThat(valid).isTrue();
    }

    @Test
    void fieldEncryption() {
        // tag::field-encryption[]
        FieldEncryption fields = FieldEncryption.create(KeyProviders.inMemory(), CryptoSuite.sm());
        CustomerId customer = CustomerId.of("C1001");

        EncryptedField stored = fields.encrypt(customer, "11010519491231002X");
        String text = stored.encode(); // "rbf1.SM4-GCM.<key id>.<wrapped key>.<payload>": store this
        String idNumber = fields.decryptString(EncryptedField.parse(text));

        fields.shred(customer); // PIPL erasure: every field of C1001, in every copy, is now unreadable
        // fields.decryptString(stored) throws CryptoException with code core.crypto.key-destroyed
        // end::field-encryption[]
        assertThat(idNumber).isEqualTo("11010519491231002X");
        assertThatThrownBy(() -> fields.decryptString(stored))
                .isInstanceOfSatisfying(
                        CryptoException.class, e -> assertThat(e.code()).isEqualTo(CoreError.KEY_DESTROYED));
    }

    @Test
    void discovery() {
        ConsentRegistry bankRegistry = ConsentRegistries.inMemory();
        // tag::discovery[]
        ConsentRegistry consent = ProviderRegistry.builder(ConsentRegistry.class)
                .register(bankRegistry) // explicit registration: always works, nothing else runs
                .discover(Thread.currentThread().getContextClassLoader()) // opt-in: logs what it loads
                .build()
                .required(); // the highest @ProviderPriority; fails with core.spi.not-found if none
        // end::discovery[]
        assertThat(consent).isSameAs(bankRegistry);
    }
}
