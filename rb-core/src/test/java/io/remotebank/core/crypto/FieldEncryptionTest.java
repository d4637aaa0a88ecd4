package io.remotebank.core.crypto;

import static io.remotebank.core.ErrorAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.CoreError;
import io.remotebank.core.CustomerId;
import io.remotebank.core.RbException;
import io.remotebank.core.spi.KeyProvider;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FieldEncryptionTest {

    private static final CustomerId ALICE = CustomerId.of("C1001");
    private static final CustomerId BOB = CustomerId.of("C1002");

    private final KeyProvider keys = KeyProviders.inMemory();

    static Stream<CryptoSuite> suites() {
        return Stream.of(CryptoSuite.international(), CryptoSuite.sm());
    }

    @ParameterizedTest
    @MethodSource("suites")
    void encryptDecrypt_roundTrip_throughTheTextForm(CryptoSuite suite) {
        FieldEncryption fields = FieldEncryption.create(keys, suite);

        EncryptedField field = fields.encrypt(ALICE, "11010519491231002X");
        EncryptedField parsed = EncryptedField.parse(field.encode());

        assertThat(parsed).isEqualTo(field);
        assertThat(parsed.algorithm()).isEqualTo(suite.aeadAlgorithm());
        assertThat(parsed.keyId()).isEqualTo(KeyId.of("subject/C1001/v1"));
        assertThat(fields.decryptString(parsed)).isEqualTo("11010519491231002X");
        assertThat(field.encode())
                .startsWith("rbf1." + suite.aeadAlgorithm() + ".")
                .doesNotContain("11010519491231002X");
    }

    @Test
    void rotation_keepsOldFieldsReadable_newFieldsUseTheNewKey() {
        FieldEncryption fields = FieldEncryption.create(keys, CryptoSuite.sm());
        EncryptedField before = fields.encrypt(ALICE, "13812345678");

        KeyId rotated = fields.rotate(ALICE);
        EncryptedField after = fields.encrypt(ALICE, "13812345678");

        assertThat(rotated).isEqualTo(KeyId.of("subject/C1001/v2"));
        assertThat(after.keyId()).isEqualTo(rotated);
        assertThat(fields.decryptString(before)).isEqualTo("13812345678");
        assertThat(fields.decryptString(after)).isEqualTo("13812345678");
    }

    @Test
    void suiteChange_keepsOldFieldsReadable() {
        EncryptedField international =
                FieldEncryption.create(keys, CryptoSuite.international()).encrypt(ALICE, "张三");
        FieldEncryption sm = FieldEncryption.create(keys, CryptoSuite.sm());

        assertThat(sm.decryptString(international)).isEqualTo("张三");
        assertThat(sm.encrypt(ALICE, "张三").algorithm()).isEqualTo("SM4-GCM");
    }

    @Test
    void shredding_makesEveryFieldOfThatCustomerUnreadable_andNoOneElses() {
        FieldEncryption fields = FieldEncryption.create(keys, CryptoSuite.sm());
        EncryptedField aliceOld = fields.encrypt(ALICE, "old phone");
        fields.rotate(ALICE);
        EncryptedField aliceNew = fields.encrypt(ALICE, "new phone");
        EncryptedField bob = fields.encrypt(BOB, "bob's phone");

        assertThat(fields.shred(ALICE)).isEqualTo(2);

        assertThatThrownBy(() -> fields.decryptString(aliceOld)).satisfies(e -> assertCode(e, CoreError.KEY_DESTROYED));
        assertThatThrownBy(() -> fields.decryptString(aliceNew)).satisfies(e -> assertCode(e, CoreError.KEY_DESTROYED));
        assertThat(fields.decryptString(bob)).isEqualTo("bob's phone");
        // A customer who comes back gets a new key; the destroyed versions are never reused.
        assertThat(fields.encrypt(ALICE, "again").keyId()).isEqualTo(KeyId.of("subject/C1001/v3"));
    }

    @Test
    void context_bindsAFieldToItsRecord() {
        FieldEncryption fields = FieldEncryption.create(keys, CryptoSuite.international());
        byte[] recordA = "event 41".getBytes(StandardCharsets.UTF_8);
        EncryptedField field = fields.encrypt(ALICE, "secret".getBytes(StandardCharsets.UTF_8), recordA);

        assertThat(fields.decrypt(field, recordA))
                .asString(StandardCharsets.UTF_8)
                .isEqualTo("secret");
        assertThatThrownBy(() -> fields.decrypt(field, "event 42".getBytes(StandardCharsets.UTF_8)))
                .satisfies(e -> assertCode(e, CoreError.AUTHENTICATION_FAILED));
    }

    @Test
    void fieldMovedToAnotherSubjectsKey_doesNotDecrypt() {
        FieldEncryption fields = FieldEncryption.create(keys, CryptoSuite.sm());
        EncryptedField alice = fields.encrypt(ALICE, "secret");
        KeyId bobKey = fields.currentKey(BOB);

        EncryptedField moved = new EncryptedField(alice.algorithm(), bobKey, alice.wrappedKey(), alice.payload());

        assertThatThrownBy(() -> fields.decryptString(moved))
                .satisfies(e -> assertCode(e, CoreError.AUTHENTICATION_FAILED));
    }

    @Test
    void malformedText_isRejected() {
        for (String text :
                new String[] {"", "rbf1.a.b", "rbf2.AES-256-GCM.a.b.c", "rbf1.AES-256-GCM.!!.b.c", "rbf1.ROT13.YQ.Yg.Yw"
                }) {
            assertThatThrownBy(() -> EncryptedField.parse(text)).isInstanceOf(RbException.class);
        }
    }

    @Test
    void concurrentFirstUse_createsOneKey() throws Exception {
        FieldEncryption fields = FieldEncryption.create(keys, CryptoSuite.sm());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<EncryptedField>>();
            for (int i = 0; i < 64; i++) {
                futures.add(pool.submit(() -> fields.encrypt(CustomerId.of("C9"), "x")));
            }
            for (var f : futures) {
                assertThat(fields.decryptString(f.get())).isEqualTo("x");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(keys.list("subject/C9/")).containsExactly(KeyId.of("subject/C9/v1"));
    }
}
